using K7.Voicemail.Audio;

namespace K7.Voicemail.Tests.Audio;

public sealed class AudioSnifferTests
{
    [Fact]
    public void Detect_Wav_ReturnsWav()
        => Assert.Equal(AudioFormat.Wav, AudioSniffer.Detect(WavBuilder.Simple(WavEncoding.Pcm, 1, 8000, 16, 10)));

    [Fact]
    public void Detect_Id3Tag_ReturnsMp3()
        => Assert.Equal(AudioFormat.Mp3, AudioSniffer.Detect("ID3\u0004\0\0\0\0\u0001\u007f...."u8));

    [Fact]
    public void Detect_Id3WithBadSyncsafeSize_ReturnsUnknown()
        => Assert.Equal(AudioFormat.Unknown, AudioSniffer.Detect("ID3\u0004\0\0\0\0\u0001\u0080...."u8));

    [Fact]
    public void Detect_Mpeg1Layer3Frames_ReturnsMp3()
    {
        // 128 kbit/s, 44.1 kHz, no padding: 417-byte frames.
        var bytes = new byte[417 * 2];
        byte[] header = [0xFF, 0xFB, 0x90, 0x00];
        header.CopyTo(bytes, 0);
        header.CopyTo(bytes, 417);
        Assert.Equal(AudioFormat.Mp3, AudioSniffer.Detect(bytes));
        Assert.Equal(417, AudioSniffer.MpegFrameLength(header));
    }

    [Fact]
    public void Detect_FrameSyncWithoutNextFrame_ReturnsUnknown()
    {
        var bytes = new byte[417 * 2];
        new byte[] { 0xFF, 0xFB, 0x90, 0x00 }.CopyTo(bytes, 0);
        Assert.Equal(AudioFormat.Unknown, AudioSniffer.Detect(bytes));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFB, 0xF0, 0x00 })] // bit rate index 15
    [InlineData(new byte[] { 0xFF, 0xFB, 0x9C, 0x00 })] // sample rate index 3
    [InlineData(new byte[] { 0xFF, 0xF9, 0x90, 0x00 })] // layer reserved
    [InlineData(new byte[] { 0xFF, 0xEB, 0x90, 0x00 })] // version reserved
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x02 })] // emphasis reserved
    public void Detect_InvalidFrameHeader_ReturnsUnknown(byte[] header)
        => Assert.Equal(AudioFormat.Unknown, AudioSniffer.Detect(header));

    [Fact]
    public void Detect_TextOrEmpty_ReturnsUnknown()
    {
        Assert.Equal(AudioFormat.Unknown, AudioSniffer.Detect("hello world, this is not audio"u8));
        Assert.Equal(AudioFormat.Unknown, AudioSniffer.Detect([]));
        Assert.Equal(AudioFormat.Unknown, AudioSniffer.Detect("RIFF\0\0\0\0AVI "u8));
    }
}
