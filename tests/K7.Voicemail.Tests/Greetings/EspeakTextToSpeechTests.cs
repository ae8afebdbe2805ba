using K7.Voicemail.Audio;
using K7.Voicemail.Greetings;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace K7.Voicemail.Tests.Greetings;

/// <summary>Needs espeak-ng installed (the test environment installs it).</summary>
public sealed class EspeakTextToSpeechTests
{
    [Fact]
    public async Task IsAvailable_Installed_True()
        => Assert.True(await new EspeakTextToSpeech().IsAvailableAsync(), "espeak-ng is required by these tests: apt-get install -y espeak-ng");

    [Fact]
    public async Task IsAvailable_MissingProgram_False()
        => Assert.False(await new EspeakTextToSpeech("k7-no-such-program").IsAvailableAsync());

    [Fact]
    public async Task Synthesize_Text_ReturnsReadableWav()
    {
        await using var wav = await new EspeakTextToSpeech().SynthesizeAsync("Hello, you have reached Ellen Green. -v --help; rm -rf /", null);
        var info = WavReader.Read(wav);
        Assert.Equal(WavEncoding.Pcm, info.Encoding);
        Assert.True(info.Duration > Duration.FromSeconds(1));
    }

    [Fact]
    public async Task Synthesize_BadVoice_ThrowsArgumentException()
        => await Assert.ThrowsAsync<ArgumentException>(() => new EspeakTextToSpeech().SynthesizeAsync("hi", "--stdout"));

    [Fact]
    public async Task Synthesize_UnknownVoice_ThrowsInvalidOperation()
        => await Assert.ThrowsAsync<InvalidOperationException>(() => new EspeakTextToSpeech().SynthesizeAsync("hi", "zz-nonexistent"));

    [Fact]
    public async Task Library_TtsGreeting_StoresTextVoiceAndDuration()
    {
        using var sut = new GreetingLibrary(new InMemoryGreetingStore(), new FakeClock(Instant.FromUtc(2025, 1, 1, 0, 0)), Options.Create(new GreetingOptions()), new EspeakTextToSpeech());
        var g = await sut.AddTextToSpeechAsync("1001", "Spoken", "Please leave a message.", "en-us");
        Assert.Equal(GreetingSource.TextToSpeech, g.Source);
        Assert.Equal("Please leave a message.", g.Text);
        Assert.Equal("en-us", g.Voice);
        Assert.NotNull(g.Duration);
        var name = await sut.SetRecordedNameFromTextAsync("1001", "Ellen Green");
        Assert.Equal(AudioFormat.Wav, name.Format);
    }
}
