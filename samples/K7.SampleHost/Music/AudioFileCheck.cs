using System.Buffers.Binary;
using K7.Voicemail.Audio;

namespace K7.SampleHost.Music;

/// <summary>
/// Tells a music-on-hold upload by its content: WAV is <c>RIFF….WAVE</c> with a <c>fmt </c> chunk, MP3 an ID3v2 tag or
/// an MPEG audio frame sync (K7.Voicemail's <see cref="AudioSniffer"/>). Never throws on any bytes.
/// </summary>
internal static class AudioFileCheck
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeadLength = AudioSniffer.RecommendedHeadLength;

    /// <summary>The format of a file from its first bytes, or <see cref="AudioFormat.Unknown"/>.</summary>
    public static AudioFormat Detect(ReadOnlySpan<byte> head)
    {
        var format = AudioSniffer.Detect(head);
        return format == AudioFormat.Wav && !HasFmtChunk(head) ? AudioFormat.Unknown : format;
    }

    /// <summary>Reads the head of a stream (without seeking) and detects its format.</summary>
    public static async Task<AudioFormat> DetectAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[HeadLength];
        var filled = 0;
        int read;
        while (filled < head.Length && (read = await stream.ReadAsync(head.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return Detect(head.AsSpan(0, filled));
    }

    /// <summary>Walks the RIFF chunks after <c>WAVE</c> within <paramref name="head"/> looking for <c>fmt </c> with at least 16 bytes.</summary>
    private static bool HasFmtChunk(ReadOnlySpan<byte> head)
    {
        long position = 12;
        while (position + 8 <= head.Length)
        {
            var id = head.Slice((int)position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(head.Slice((int)position + 4, 4));
            if (id.SequenceEqual("fmt "u8))
            {
                return size >= 16;
            }

            if (id.SequenceEqual("data"u8))
            {
                return false;
            }

            position += 8L + size + (size & 1);
        }

        return false;
    }
}
