using NodaTime;

namespace K7.Voicemail.Audio;

/// <summary>What the header of a WAV file says about its audio, read by <see cref="WavReader"/>.</summary>
/// <param name="Encoding">The sample encoding.</param>
/// <param name="Channels">The number of interleaved channels (1 for mono).</param>
/// <param name="SampleRate">Samples per second and channel.</param>
/// <param name="BitsPerSample">Bits per sample: 8 or 16 for PCM, 8 for G.711.</param>
/// <param name="BlockAlign">Bytes per sample frame (all channels).</param>
/// <param name="ByteRate">Bytes of audio per second.</param>
/// <param name="IsExtensible">Whether the format chunk is WAVE_FORMAT_EXTENSIBLE with <paramref name="Encoding"/> as its subformat.</param>
/// <param name="DataOffset">The offset of the first audio byte from the start of the file.</param>
/// <param name="DataLength">The number of audio bytes in the data chunk.</param>
public sealed record WavInfo(
    WavEncoding Encoding,
    int Channels,
    int SampleRate,
    int BitsPerSample,
    int BlockAlign,
    int ByteRate,
    bool IsExtensible,
    long DataOffset,
    long DataLength)
{
    /// <summary>Gets the playing time of the data chunk (whole sample frames only).</summary>
    public Duration Duration
    {
        get
        {
            var frames = DataLength / BlockAlign;
            return Duration.FromNanoseconds(frames * 1_000_000_000L / SampleRate);
        }
    }
}
