using System.Buffers.Binary;

namespace K7.Voicemail.Audio;

/// <summary>Writes the canonical 44-byte header of a WAV file (RIFF, <c>fmt </c> and <c>data</c> chunk headers).</summary>
public static class WavWriter
{
    /// <summary>The length of the header written by <see cref="WriteHeader"/>.</summary>
    public const int HeaderLength = 44;

    /// <summary>Writes a WAV header for audio data that will follow it.</summary>
    /// <param name="destination">At least <see cref="HeaderLength"/> bytes.</param>
    /// <param name="encoding">The sample encoding.</param>
    /// <param name="channels">The number of channels, 1 to 8.</param>
    /// <param name="sampleRate">The sample rate, 1000 to 384000 Hz.</param>
    /// <param name="bitsPerSample">8 or 16 for PCM, 8 for G.711.</param>
    /// <param name="dataLength">The number of audio bytes that follow the header, at most <c>uint.MaxValue - 36</c>.</param>
    /// <exception cref="ArgumentException">A value is outside the ranges <see cref="WavReader"/> accepts, or <paramref name="destination"/> is too short.</exception>
    public static void WriteHeader(Span<byte> destination, WavEncoding encoding, int channels, int sampleRate, int bitsPerSample, long dataLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, HeaderLength, nameof(destination));
        if (!Enum.IsDefined(encoding))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown WAV encoding.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleRate, 384_000);
        if (encoding == WavEncoding.Pcm ? bitsPerSample is not (8 or 16) : bitsPerSample != 8)
        {
            throw new ArgumentOutOfRangeException(nameof(bitsPerSample), bitsPerSample, $"{encoding} does not support {bitsPerSample} bits per sample.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(dataLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dataLength, uint.MaxValue - 36L);
        var blockAlign = channels * bitsPerSample / 8;
        var d = destination;
        "RIFF"u8.CopyTo(d);
        BinaryPrimitives.WriteUInt32LittleEndian(d[4..], (uint)(36 + dataLength));
        "WAVEfmt "u8.CopyTo(d[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(d[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(d[20..], (ushort)encoding);
        BinaryPrimitives.WriteUInt16LittleEndian(d[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(d[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(d[28..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(d[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(d[34..], (ushort)bitsPerSample);
        "data"u8.CopyTo(d[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(d[40..], (uint)dataLength);
    }
}
