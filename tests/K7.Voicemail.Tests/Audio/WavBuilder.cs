using System.Buffers.Binary;
using K7.Voicemail.Audio;

namespace K7.Voicemail.Tests.Audio;

/// <summary>Builds WAV files in memory, chunk by chunk, for tests.</summary>
internal sealed class WavBuilder
{
    private readonly List<byte> _body = [];

    public static byte[] Simple(WavEncoding encoding, int channels, int sampleRate, int bits, int dataLength)
    {
        var bytes = new byte[WavWriter.HeaderLength + dataLength];
        WavWriter.WriteHeader(bytes, encoding, channels, sampleRate, bits, dataLength);
        return bytes;
    }

    public WavBuilder Fmt(int tag, int channels, int sampleRate, int bits)
    {
        var align = channels * bits / 8;
        var fmt = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(sampleRate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        return Chunk("fmt ", fmt);
    }

    public WavBuilder Extensible(int subTag, int channels, int sampleRate, int bits)
    {
        var align = channels * bits / 8;
        var fmt = new byte[40];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(sampleRate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), (ushort)bits);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(20), 4);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), (ushort)subTag);
        byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        tail.CopyTo(fmt, 26);
        return Chunk("fmt ", fmt);
    }

    public WavBuilder Chunk(string id, byte[] body, uint? declaredSize = null)
    {
        _body.AddRange(System.Text.Encoding.ASCII.GetBytes(id));
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, declaredSize ?? (uint)body.Length);
        _body.AddRange(size);
        _body.AddRange(body);
        if ((body.Length & 1) != 0 && declaredSize is null)
        {
            _body.Add(0);
        }

        return this;
    }

    public WavBuilder Data(int length, uint? declaredSize = null) => Chunk("data", new byte[length], declaredSize);

    public byte[] Build()
    {
        var body = _body.ToArray();
        var file = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(4 + body.Length));
        "WAVE"u8.CopyTo(file.AsSpan(8));
        body.CopyTo(file, 12);
        return file;
    }
}
