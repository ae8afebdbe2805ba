namespace K7.Voicemail.Audio;

/// <summary>Tells a WAV file from an MP3 file by its first bytes; file names and media types are never consulted.</summary>
public static class AudioSniffer
{
    /// <summary>The number of leading bytes that is enough for <see cref="Detect"/> to decide (it also works with fewer).</summary>
    public const int RecommendedHeadLength = 4096;

    /// <summary>Detects the container of an audio file from its first bytes.</summary>
    /// <param name="head">The first bytes of the file (<see cref="RecommendedHeadLength"/> is enough).</param>
    /// <returns>
    /// <see cref="AudioFormat.Wav"/> for a RIFF/WAVE header; <see cref="AudioFormat.Mp3"/> for a well-formed ID3v2 tag
    /// header or an MPEG audio frame header (sync, version, layer, bit rate and sample rate all valid; when the head
    /// holds the next frame's header too, it must be valid as well); otherwise <see cref="AudioFormat.Unknown"/>.
    /// </returns>
    public static AudioFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return AudioFormat.Wav;
        }

        if (IsId3v2Header(head))
        {
            return AudioFormat.Mp3;
        }

        if (MpegFrameLength(head) is int length)
        {
            if (head.Length >= length + 4 && MpegFrameLength(head[length..]) is null)
            {
                return AudioFormat.Unknown;
            }

            return AudioFormat.Mp3;
        }

        return AudioFormat.Unknown;
    }

    private static bool IsId3v2Header(ReadOnlySpan<byte> head)
    {
        // "ID3", major version 2..4, revision < 0xFF, flags, then a 28-bit syncsafe size (high bit of each byte clear).
        return head.Length >= 10
            && head[..3].SequenceEqual("ID3"u8)
            && head[3] is >= 2 and <= 4
            && head[4] != 0xFF
            && (head[6] | head[7] | head[8] | head[9]) < 0x80;
    }

    /// <summary>Returns the length in bytes of the MPEG audio frame whose header starts <paramref name="b"/>, or null when it is not one.</summary>
    internal static int? MpegFrameLength(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4 || b[0] != 0xFF || (b[1] & 0xE0) != 0xE0)
        {
            return null;
        }

        var version = (b[1] >> 3) & 0x3; // 0: MPEG 2.5, 1: reserved, 2: MPEG 2, 3: MPEG 1
        var layer = (b[1] >> 1) & 0x3;   // 1: III, 2: II, 3: I, 0: reserved
        var bitrateIndex = (b[2] >> 4) & 0xF;
        var sampleRateIndex = (b[2] >> 2) & 0x3;
        var padding = (b[2] >> 1) & 0x1;
        var emphasis = b[3] & 0x3;
        if (version == 1 || layer == 0 || bitrateIndex is 0 or 15 || sampleRateIndex == 3 || emphasis == 2)
        {
            return null;
        }

        var mpeg1 = version == 3;
        int kbps = (mpeg1, layer) switch
        {
            (true, 3) => BitratesV1L1[bitrateIndex],
            (true, 2) => BitratesV1L2[bitrateIndex],
            (true, _) => BitratesV1L3[bitrateIndex],
            (false, 3) => BitratesV2L1[bitrateIndex],
            _ => BitratesV2L23[bitrateIndex],
        };
        int sampleRate = SampleRates[sampleRateIndex] >> (version switch { 3 => 0, 2 => 1, _ => 2 });
        return layer == 3
            ? ((12 * kbps * 1000 / sampleRate) + padding) * 4
            : (((layer == 1 && !mpeg1) ? 72 : 144) * kbps * 1000 / sampleRate) + padding;
    }

    private static ReadOnlySpan<int> SampleRates => [44100, 48000, 32000];

    private static ReadOnlySpan<int> BitratesV1L1 => [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448];

    private static ReadOnlySpan<int> BitratesV1L2 => [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384];

    private static ReadOnlySpan<int> BitratesV1L3 => [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];

    private static ReadOnlySpan<int> BitratesV2L1 => [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256];

    private static ReadOnlySpan<int> BitratesV2L23 => [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
}
