using FsCheck.Xunit;
using K7.SampleHost.Music;
using K7.SampleHost.Voicemail;
using K7.Voicemail.Audio;

namespace K7.SampleHost.Tests;

public sealed class MusicOnHoldPropertyTests
{
    [Property(MaxTest = 500)]
    public bool Detect_NeverThrows_AndOnlyCallsWavWhatStartsRiffWave(byte[] bytes)
    {
        var format = AudioFileCheck.Detect(bytes ?? []);
        return format != AudioFormat.Wav || (bytes!.Length >= 12 && bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8));
    }

    [Property(MaxTest = 50)]
    public bool Detect_TellsAGeneratedWav(ushort milliseconds) =>
        AudioFileCheck.Detect(ToneWav.Create(1 + (milliseconds % 2000))) == AudioFormat.Wav;

    [Fact]
    public void Detect_RiffWaveWithoutFmtChunk_IsUnknown() =>
        Assert.Equal(AudioFormat.Unknown, AudioFileCheck.Detect([.. "RIFF"u8, 12, 0, 0, 0, .. "WAVE"u8, .. "data"u8, 0, 0, 0, 0]));
}
