using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace K7.Voicemail.Audio;

/// <summary>Reads the header of a WAV file: its format and where its audio data is.</summary>
/// <remarks>
/// <para>Accepted: a RIFF/WAVE file whose <c>fmt </c> chunk is PCM (8 or 16 bits), G.711 A-law or µ-law, or
/// WAVE_FORMAT_EXTENSIBLE with one of those subformats. Chunks other than <c>fmt </c> and <c>data</c> (such as
/// <c>LIST</c>, <c>fact</c> or <c>cue </c>) are skipped, with the pad byte that follows an odd-sized chunk.</para>
/// <para>Reading stops at the <c>data</c> chunk; the audio itself is not read. A data chunk that declares more bytes
/// than the file holds is an error (a truncated file), except for the size 0xFFFFFFFF that streaming writers leave
/// behind, which is taken to mean "up to the end of the file".</para>
/// <para>Errors are <see cref="VoicemailFormatException"/> with <see cref="VoicemailFormatException.Position"/> the
/// byte offset of the problem and <see cref="VoicemailFormatException.Field"/> the chunk name
/// (<c>RIFF</c>, <c>WAVE</c>, <c>fmt </c>, <c>data</c> or the name of the chunk that was cut short).</para>
/// </remarks>
public static class WavReader
{
    private const int ChunkHeaderSize = 8;
    private const int MaxChunkSkipBuffer = 81920;

    /// <summary>Reads the header of a WAV file held in memory.</summary>
    /// <param name="file">The whole file (or at least everything up to the end of its data chunk).</param>
    /// <returns>The format and data location.</returns>
    /// <exception cref="VoicemailFormatException">The bytes are not a supported WAV file.</exception>
    public static WavInfo Read(ReadOnlySpan<byte> file)
    {
        var info = Parse(file, out var error);
        return info ?? throw error.ToException();
    }

    /// <summary>Reads the header of a WAV file held in memory, without throwing on bad input.</summary>
    /// <param name="file">The whole file.</param>
    /// <param name="info">The format and data location, when the file is a supported WAV file.</param>
    /// <returns><see langword="true"/> when <paramref name="info"/> was read.</returns>
    public static bool TryRead(ReadOnlySpan<byte> file, [NotNullWhen(true)] out WavInfo? info)
    {
        info = Parse(file, out _);
        return info is not null;
    }

    /// <summary>Reads the header of a WAV file from a stream, which is left positioned after the data chunk header.</summary>
    /// <param name="stream">The file, positioned at its first byte. When it cannot seek, chunks are skipped by reading them.</param>
    /// <returns>The format and data location (offsets relative to the stream's position at the call).</returns>
    /// <exception cref="VoicemailFormatException">The bytes are not a supported WAV file.</exception>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static WavInfo Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var info = Parse(stream, out var error);
        return info ?? throw error.ToException();
    }

    /// <summary>Reads the header of a WAV file from a stream, without throwing on bad input (I/O errors still throw).</summary>
    /// <param name="stream">The file, positioned at its first byte.</param>
    /// <param name="info">The format and data location, when the file is a supported WAV file.</param>
    /// <returns><see langword="true"/> when <paramref name="info"/> was read.</returns>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static bool TryRead(Stream stream, [NotNullWhen(true)] out WavInfo? info)
    {
        ArgumentNullException.ThrowIfNull(stream);
        info = Parse(stream, out _);
        return info is not null;
    }

    internal static WavInfo? Parse(ReadOnlySpan<byte> file, out WavError error)
    {
        if (!CheckRiffHeader(file, file.Length, out error))
        {
            return null;
        }

        long pos = 12;
        FmtChunk? fmt = null;
        while (true)
        {
            if (file.Length - pos < ChunkHeaderSize)
            {
                error = file.Length == pos
                    ? new WavError("The file ends before its data chunk.", pos, "data")
                    : new WavError("The file ends inside a chunk header.", pos, "RIFF");
                return null;
            }

            var header = file.Slice((int)pos, ChunkHeaderSize);
            var id = ChunkId(header);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var bodyStart = pos + ChunkHeaderSize;
            var available = file.Length - bodyStart;
            if (id == "data")
            {
                return FinishData(fmt, pos, bodyStart, size, available, out error);
            }

            if (size > available)
            {
                error = Truncated(id, bodyStart, size, available);
                return null;
            }

            if (id == "fmt ")
            {
                fmt = ParseFmt(file.Slice((int)bodyStart, (int)size), bodyStart, out error);
                if (fmt is null)
                {
                    return null;
                }
            }

            pos = bodyStart + size + (size & 1);
        }
    }

    internal static WavInfo? Parse(Stream stream, out WavError error)
    {
        long? length = stream.CanSeek ? stream.Length - stream.Position : null;
        Span<byte> header = stackalloc byte[12];
        var read = ReadFully(stream, header);
        if (!CheckRiffHeader(header[..read], length ?? read, out error))
        {
            return null;
        }

        long pos = 12;
        FmtChunk? fmt = null;
        Span<byte> chunkHeader = stackalloc byte[ChunkHeaderSize];
        while (true)
        {
            read = ReadFully(stream, chunkHeader);
            if (read < ChunkHeaderSize)
            {
                error = read == 0
                    ? new WavError("The file ends before its data chunk.", pos, "data")
                    : new WavError("The file ends inside a chunk header.", pos, "RIFF");
                return null;
            }

            var id = ChunkId(chunkHeader);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            var bodyStart = pos + ChunkHeaderSize;
            if (id == "data")
            {
                var available = length is { } l ? l - bodyStart : long.MaxValue;
                if (available == long.MaxValue && size == uint.MaxValue)
                {
                    // A non-seekable stream with a streaming placeholder size: the length is not known.
                    error = new WavError("The data chunk size is not set (0xFFFFFFFF) and the stream length is not known.", pos + 4, "data");
                    return null;
                }

                return FinishData(fmt, pos, bodyStart, size, available, out error);
            }

            if (id == "fmt ")
            {
                if (size > 4096)
                {
                    error = new WavError($"The fmt chunk is {size} bytes long; at most 4096 are expected.", pos + 4, "fmt ");
                    return null;
                }

                var body = new byte[(int)size];
                read = ReadFully(stream, body);
                if (read < size)
                {
                    error = Truncated(id, bodyStart, size, read);
                    return null;
                }

                fmt = ParseFmt(body, bodyStart, out error);
                if (fmt is null)
                {
                    return null;
                }

                if ((size & 1) != 0 && !Skip(stream, 1))
                {
                    error = new WavError("The file ends before its data chunk.", bodyStart + size, "data");
                    return null;
                }
            }
            else
            {
                var skipped = SkipCount(stream, size + (size & 1));
                if (skipped < size)
                {
                    error = Truncated(id, bodyStart, size, skipped);
                    return null;
                }
            }

            pos = bodyStart + size + (size & 1);
        }
    }

    private static bool CheckRiffHeader(ReadOnlySpan<byte> head, long fileLength, out WavError error)
    {
        if (head.Length < 4 || !head[..4].SequenceEqual("RIFF"u8))
        {
            error = new WavError(head.Length < 4 ? "The file is too short to be a WAV file." : "The file does not start with 'RIFF'; it is not a WAV file.", 0, "RIFF");
            return false;
        }

        if (head.Length < 12 || fileLength < 12)
        {
            error = new WavError("The file ends inside the RIFF header.", head.Length, "RIFF");
            return false;
        }

        if (!head.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            error = new WavError("The RIFF form type is not 'WAVE'; it is not a WAV file.", 8, "WAVE");
            return false;
        }

        error = default;
        return true;
    }

    private static WavInfo? FinishData(FmtChunk? fmt, long pos, long bodyStart, long size, long available, out WavError error)
    {
        if (fmt is not { } f)
        {
            error = new WavError("The data chunk comes before any fmt chunk.", pos, "data");
            return null;
        }

        if (size > available)
        {
            if (size != uint.MaxValue)
            {
                error = Truncated("data", bodyStart, size, available);
                return null;
            }

            size = available;
        }

        error = default;
        return new WavInfo(f.Encoding, f.Channels, f.SampleRate, f.BitsPerSample, f.BlockAlign, f.ByteRate, f.IsExtensible, bodyStart, size);
    }

    private static FmtChunk? ParseFmt(ReadOnlySpan<byte> body, long offset, out WavError error)
    {
        if (body.Length < 16)
        {
            error = new WavError($"The fmt chunk is {body.Length} bytes long; at least 16 are required.", offset - 4, "fmt ");
            return null;
        }

        int tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        var byteRate = BinaryPrimitives.ReadUInt32LittleEndian(body[8..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
        var extensible = false;
        if (tag == 0xFFFE)
        {
            // WAVE_FORMAT_EXTENSIBLE: cbSize (2), valid bits (2), channel mask (4), subformat GUID (16).
            if (body.Length < 40 || BinaryPrimitives.ReadUInt16LittleEndian(body[16..]) < 22)
            {
                error = new WavError("The fmt chunk is WAVE_FORMAT_EXTENSIBLE but too short for its subformat (40 bytes required).", offset, "fmt ");
                return null;
            }

            var guid = body.Slice(24, 16);
            if (!guid[2..].SequenceEqual(SubformatGuidTail))
            {
                error = new WavError("The WAVE_FORMAT_EXTENSIBLE subformat is not a standard format GUID; only PCM, A-law and µ-law are supported.", offset + 24, "fmt ");
                return null;
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(guid);
            extensible = true;
        }

        var fieldOffset = extensible ? offset + 24 : offset;
        if (tag is not ((int)WavEncoding.Pcm or (int)WavEncoding.ALaw or (int)WavEncoding.MuLaw))
        {
            error = new WavError($"The audio codec (format tag {tag}) is not supported; use PCM, G.711 A-law or G.711 µ-law.", fieldOffset, "fmt ");
            return null;
        }

        var encoding = (WavEncoding)tag;
        var bitsOk = encoding == WavEncoding.Pcm ? bits is 8 or 16 : bits == 8;
        if (!bitsOk)
        {
            error = new WavError($"{bits} bits per sample are not supported for {encoding}; use {(encoding == WavEncoding.Pcm ? "8 or 16" : "8")}.", offset + 14, "fmt ");
            return null;
        }

        if (channels is < 1 or > 8)
        {
            error = new WavError($"The channel count {channels} is not supported (1 to 8).", offset + 2, "fmt ");
            return null;
        }

        if (sampleRate is < 1000 or > 384_000)
        {
            error = new WavError($"The sample rate {sampleRate} Hz is not supported (1000 to 384000).", offset + 4, "fmt ");
            return null;
        }

        var expectedAlign = channels * bits / 8;
        if (blockAlign != expectedAlign)
        {
            error = new WavError($"The block alignment is {blockAlign}; {channels} channel(s) of {bits} bits need {expectedAlign}.", offset + 12, "fmt ");
            return null;
        }

        if (byteRate != sampleRate * (uint)blockAlign)
        {
            error = new WavError($"The byte rate is {byteRate}; {sampleRate} Hz with {blockAlign}-byte frames needs {sampleRate * (uint)blockAlign}.", offset + 8, "fmt ");
            return null;
        }

        error = default;
        return new FmtChunk(encoding, channels, (int)sampleRate, bits, blockAlign, (int)byteRate, extensible);
    }

    private static WavError Truncated(string id, long bodyStart, long size, long available)
        => new($"The '{id}' chunk declares {size} bytes but the file holds only {Math.Max(0, available)} after its header; the file is truncated.", bodyStart - 4, id);

    private static string ChunkId(ReadOnlySpan<byte> header)
    {
        var id = header[..4];
        if (id.SequenceEqual("data"u8))
        {
            return "data";
        }

        if (id.SequenceEqual("fmt "u8))
        {
            return "fmt ";
        }

        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            chars[i] = id[i] is >= 0x20 and < 0x7F ? (char)id[i] : '?';
        }

        return new string(chars);
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
        => stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);

    private static bool Skip(Stream stream, long count) => SkipCount(stream, count) == count;

    private static long SkipCount(Stream stream, long count)
    {
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            var step = Math.Min(count, Math.Max(0, remaining));
            stream.Seek(step, SeekOrigin.Current);
            return step;
        }

        var buffer = new byte[(int)Math.Min(count, MaxChunkSkipBuffer)];
        long skipped = 0;
        while (skipped < count)
        {
            var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count - skipped));
            if (n == 0)
            {
                break;
            }

            skipped += n;
        }

        return skipped;
    }

    private static ReadOnlySpan<byte> SubformatGuidTail => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    private readonly record struct FmtChunk(WavEncoding Encoding, int Channels, int SampleRate, int BitsPerSample, int BlockAlign, int ByteRate, bool IsExtensible);
}
