using K7.Voicemail.Audio;
using NodaTime;

namespace K7.Voicemail.Tests.Audio;

public sealed class WavReaderTests
{
    [Fact]
    public void Read_Pcm16Mono8k_ComputesDuration()
    {
        var file = WavBuilder.Simple(WavEncoding.Pcm, 1, 8000, 16, 16000 * 3);
        var info = WavReader.Read(file);
        Assert.Equal(WavEncoding.Pcm, info.Encoding);
        Assert.Equal(1, info.Channels);
        Assert.Equal(8000, info.SampleRate);
        Assert.Equal(16000, info.ByteRate);
        Assert.Equal(44, info.DataOffset);
        Assert.Equal(48000, info.DataLength);
        Assert.Equal(Duration.FromSeconds(3), info.Duration);
        Assert.False(info.IsExtensible);
    }

    [Fact]
    public void Read_Pcm8Stereo_ComputesDuration()
    {
        var file = WavBuilder.Simple(WavEncoding.Pcm, 2, 11025, 8, 22050);
        Assert.Equal(Duration.FromSeconds(1), WavReader.Read(file).Duration);
    }

    [Theory]
    [InlineData(WavEncoding.MuLaw)]
    [InlineData(WavEncoding.ALaw)]
    public void Read_G711_ComputesDuration(WavEncoding encoding)
    {
        var file = new WavBuilder().Fmt((int)encoding, 1, 8000, 8).Data(4000).Build();
        var info = WavReader.Read(file);
        Assert.Equal(encoding, info.Encoding);
        Assert.Equal(Duration.FromMilliseconds(500), info.Duration);
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(6, 8)]
    [InlineData(7, 8)]
    public void Read_Extensible_ReadsSubformat(int subTag, int bits)
    {
        var file = new WavBuilder().Extensible(subTag, 1, 16000, bits).Data(16000 * bits / 8 * 2).Build();
        var info = WavReader.Read(file);
        Assert.Equal((WavEncoding)subTag, info.Encoding);
        Assert.True(info.IsExtensible);
        Assert.Equal(Duration.FromSeconds(2), info.Duration);
    }

    [Fact]
    public void Read_ListAndOddChunksBeforeData_SkipsThem()
    {
        var file = new WavBuilder()
            .Chunk("LIST", "INFOISFT\u0005\0\0\0lavf\0"u8.ToArray())
            .Fmt(1, 1, 8000, 16)
            .Chunk("fact", [1, 2, 3])
            .Chunk("LIST", new byte[10])
            .Data(8000)
            .Build();
        var info = WavReader.Read(file);
        Assert.Equal(Duration.FromMilliseconds(500), info.Duration);
        Assert.Equal(file.Length - 8000, info.DataOffset);
    }

    [Fact]
    public void Read_Stream_NonSeekable_SameAsSpan()
    {
        var file = new WavBuilder().Chunk("LIST", new byte[33]).Fmt(7, 1, 8000, 8).Data(800).Build();
        using var stream = new NonSeekableStream(file);
        Assert.Equal(WavReader.Read(file), WavReader.Read(stream));
    }

    [Fact]
    public void Read_Stream_Seekable_SameAsSpan()
    {
        var file = new WavBuilder().Chunk("JUNK", new byte[101]).Fmt(1, 2, 44100, 16).Data(44100 * 4).Build();
        using var stream = new MemoryStream(file);
        var info = WavReader.Read(stream);
        Assert.Equal(WavReader.Read(file), info);
        Assert.Equal(Duration.FromSeconds(1), info.Duration);
    }

    [Fact]
    public void Read_StreamingPlaceholderSize_UsesRestOfFile()
    {
        var file = new WavBuilder().Fmt(1, 1, 8000, 16).Data(1600, uint.MaxValue).Build();
        Assert.Equal(Duration.FromMilliseconds(100), WavReader.Read(file).Duration);
        Assert.Equal(Duration.FromMilliseconds(100), WavReader.Read(new MemoryStream(file)).Duration);
    }

    [Fact]
    public void Read_NotRiff_ThrowsAtZero()
    {
        var ex = Assert.Throws<VoicemailFormatException>(() => WavReader.Read("ID3\u0004\0\0\0\0\0\0abcdef"u8));
        Assert.Equal(0, ex.Position);
        Assert.Equal("RIFF", ex.Field);
    }

    [Fact]
    public void Read_NotWave_ThrowsAtFormType()
    {
        var ex = Assert.Throws<VoicemailFormatException>(() => WavReader.Read("RIFF\u0004\0\0\0AVI "u8));
        Assert.Equal(8, ex.Position);
        Assert.Equal("WAVE", ex.Field);
    }

    [Fact]
    public void Read_TruncatedData_ThrowsWithDataField()
    {
        var file = WavBuilder.Simple(WavEncoding.Pcm, 1, 8000, 16, 1000);
        var ex = Assert.Throws<VoicemailFormatException>(() => WavReader.Read(file.AsSpan(0, 500)));
        Assert.Equal("data", ex.Field);
        Assert.Equal(40, ex.Position);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedListChunk_NamesTheChunk()
    {
        var file = new WavBuilder().Fmt(1, 1, 8000, 16).Chunk("LIST", new byte[4], declaredSize: 5000).Build();
        var ex = Assert.Throws<VoicemailFormatException>(() => WavReader.Read(file));
        Assert.Equal("LIST", ex.Field);
        var ex2 = Assert.Throws<VoicemailFormatException>(() => WavReader.Read(new NonSeekableStream(file)));
        Assert.Equal("LIST", ex2.Field);
        Assert.Equal(ex.Position, ex2.Position);
    }

    [Fact]
    public void Read_NoDataChunk_Throws()
    {
        var file = new WavBuilder().Fmt(1, 1, 8000, 16).Build();
        var ex = Assert.Throws<VoicemailFormatException>(() => WavReader.Read(file));
        Assert.Equal("data", ex.Field);
        Assert.Equal(file.Length, ex.Position);
    }

    [Fact]
    public void Read_DataBeforeFmt_Throws()
    {
        var file = new WavBuilder().Data(10).Fmt(1, 1, 8000, 16).Build();
        var ex = Assert.Throws<VoicemailFormatException>(() => WavReader.Read(file));
        Assert.Equal("data", ex.Field);
        Assert.Equal(12, ex.Position);
    }

    [Theory]
    [InlineData(2)]     // IMA ADPCM
    [InlineData(3)]     // IEEE float
    [InlineData(0x55)]  // MP3 in WAV
    public void Read_UnsupportedCodec_ThrowsAtFormatTag(int tag)
    {
        var file = new WavBuilder().Fmt(tag, 1, 8000, 16).Data(10).Build();
        var ex = Assert.Throws<VoicemailFormatException>(() => WavReader.Read(file));
        Assert.Equal("fmt ", ex.Field);
        Assert.Equal(20, ex.Position);
        Assert.Contains("not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Pcm24Bit_Throws()
    {
        var file = new WavBuilder().Fmt(1, 1, 8000, 24).Data(30).Build();
        var ex = Assert.Throws<VoicemailFormatException>(() => WavReader.Read(file));
        Assert.Equal(34, ex.Position);
    }

    [Fact]
    public void TryRead_Malformed_ReturnsFalse()
    {
        Assert.False(WavReader.TryRead("RIFF"u8, out var info));
        Assert.Null(info);
        Assert.False(WavReader.TryRead(new MemoryStream([1, 2, 3]), out _));
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
