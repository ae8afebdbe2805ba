using K7.Voicemail.Audio;
using K7.Voicemail.Greetings;
using K7.Voicemail.Tests.Audio;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace K7.Voicemail.Tests.Greetings;

public sealed class GreetingLibraryTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "k7-greet-" + Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2025, 1, 2, 3, 4, 5));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static byte[] Wav(int seconds = 1) => WavBuilder.Simple(WavEncoding.MuLaw, 1, 8000, 8, 8000 * seconds);

    private GreetingLibrary CreateSut(IGreetingStore? store = null, GreetingOptions? options = null, ITextToSpeech? tts = null, IGreetingRecorder? recorder = null)
        => new(store ?? new InMemoryGreetingStore(), _clock, Options.Create(options ?? new GreetingOptions()), tts, recorder);

    [Fact]
    public async Task AddUpload_Wav_StoresWithDurationAndTime()
    {
        using var sut = CreateSut();
        var g = await sut.AddUploadAsync("1001", "Main", new MemoryStream(Wav(2)), activate: true);
        Assert.Equal(AudioFormat.Wav, g.Format);
        Assert.Equal(Duration.FromSeconds(2), g.Duration);
        Assert.Equal(_clock.GetCurrentInstant(), g.CreatedAt);
        Assert.Equal(GreetingSource.Upload, g.Source);
        Assert.Equal(g, await sut.GetActiveAsync("1001"));
    }

    [Fact]
    public async Task AddUpload_Mp3_StoresWithoutDuration()
    {
        using var sut = CreateSut();
        var g = await sut.AddUploadAsync("1001", "Tagged", new MemoryStream("ID3\u0004\0\0\0\0\0\u0010audio..."u8.ToArray()));
        Assert.Equal(AudioFormat.Mp3, g.Format);
        Assert.Null(g.Duration);
    }

    [Fact]
    public async Task AddUpload_NotAudio_RefusedOnContent()
    {
        using var sut = CreateSut();
        var ex = await Assert.ThrowsAsync<VoicemailValidationException>(() => sut.AddUploadAsync("1001", "x", new MemoryStream("hello.wav"u8.ToArray())));
        Assert.Equal("Content", ex.Field);
    }

    [Fact]
    public async Task AddUpload_TruncatedWav_RefusedWithInnerFormatError()
    {
        using var sut = CreateSut();
        var ex = await Assert.ThrowsAsync<VoicemailValidationException>(() => sut.AddUploadAsync("1001", "x", new MemoryStream(Wav()[..100])));
        Assert.Equal("Content", ex.Field);
        Assert.IsType<VoicemailFormatException>(ex.InnerException);
    }

    [Fact]
    public async Task AddUpload_TooLarge_Refused()
    {
        using var sut = CreateSut(options: new GreetingOptions { MaxAudioBytes = 4000 });
        var ex = await Assert.ThrowsAsync<VoicemailValidationException>(() => sut.AddUploadAsync("1001", "x", new MemoryStream(Wav())));
        Assert.Equal("Content", ex.Field);
        Assert.Contains("larger than 4000", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUpload_TooLong_Refused()
    {
        using var sut = CreateSut(options: new GreetingOptions { MaxDurationSeconds = 1 });
        var ex = await Assert.ThrowsAsync<VoicemailValidationException>(() => sut.AddUploadAsync("1001", "x", new MemoryStream(Wav(2))));
        Assert.Contains("at most 1 s", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded")]
    [InlineData("bad\nname")]
    public async Task AddUpload_BadName_RefusedOnName(string name)
    {
        using var sut = CreateSut();
        var ex = await Assert.ThrowsAsync<VoicemailValidationException>(() => sut.AddUploadAsync("1001", name, new MemoryStream(Wav())));
        Assert.Equal("Name", ex.Field);
    }

    [Fact]
    public async Task AddAndRename_DuplicateNameIgnoringCase_Refused()
    {
        using var sut = CreateSut();
        await sut.AddUploadAsync("1001", "Holiday", new MemoryStream(Wav()));
        var other = await sut.AddUploadAsync("1001", "Office", new MemoryStream(Wav()));
        Assert.Equal("Name", (await Assert.ThrowsAsync<VoicemailValidationException>(() => sut.AddUploadAsync("1001", "HOLIDAY", new MemoryStream(Wav())))).Field);
        Assert.Equal("Name", (await Assert.ThrowsAsync<VoicemailValidationException>(() => sut.RenameAsync("1001", other.Id, "holiday"))).Field);
        var renamed = await sut.RenameAsync("1001", other.Id, "Office hours");
        Assert.Equal("Office hours", renamed!.Name);
        Assert.Null(await sut.RenameAsync("1001", Guid.NewGuid(), "y"));
    }

    [Fact]
    public async Task Add_OverLimit_RefusedOnGreetings()
    {
        using var sut = CreateSut(options: new GreetingOptions { MaxGreetingsPerExtension = 1 });
        await sut.AddUploadAsync("1001", "a", new MemoryStream(Wav()));
        Assert.Equal("Greetings", (await Assert.ThrowsAsync<VoicemailValidationException>(() => sut.AddUploadAsync("1001", "b", new MemoryStream(Wav())))).Field);
    }

    [Fact]
    public async Task DeleteActive_LeavesNoneActive()
    {
        using var sut = CreateSut();
        var a = await sut.AddUploadAsync("1001", "a", new MemoryStream(Wav()), activate: true);
        await sut.AddUploadAsync("1001", "b", new MemoryStream(Wav()));
        Assert.True(await sut.DeleteAsync("1001", a.Id));
        Assert.Null(await sut.GetActiveAsync("1001"));
        Assert.Single(await sut.ListAsync("1001"));
        Assert.False(await sut.DeleteAsync("1001", a.Id));
    }

    [Fact]
    public async Task SetActive_UnknownId_ReturnsFalseAndKeepsActive()
    {
        using var sut = CreateSut();
        var a = await sut.AddUploadAsync("1001", "a", new MemoryStream(Wav()), activate: true);
        Assert.False(await sut.SetActiveAsync("1001", Guid.NewGuid()));
        Assert.Equal(a.Id, (await sut.GetActiveAsync("1001"))!.Id);
        Assert.True(await sut.SetActiveAsync("1001", null));
        Assert.Null(await sut.GetActiveAsync("1001"));
    }

    [Fact]
    public async Task Recording_UsesRecorderWithDeviceAndPurpose()
    {
        var recorder = new FakeRecorder(Wav());
        using var sut = CreateSut(recorder: recorder);
        var g = await sut.AddRecordingAsync("1001", "Recorded", "1001wp");
        Assert.Equal(GreetingSource.Recording, g.Source);
        Assert.Equal(("1001", "1001wp", RecordingPurpose.Greeting), recorder.Last);
        var n = await sut.SetRecordedNameFromRecordingAsync("1001", "1001");
        Assert.Equal(RecordingPurpose.RecordedName, recorder.Last.Purpose);
        Assert.Equal(GreetingSource.Recording, n.Source);
        Assert.Equal("CallMeAt", (await Assert.ThrowsAsync<VoicemailValidationException>(() => sut.AddRecordingAsync("1001", "r2", "../x"))).Field);
    }

    [Fact]
    public async Task Tts_WithoutEngine_ThrowsInvalidOperation()
    {
        using var sut = CreateSut();
        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.AddTextToSpeechAsync("1001", "t", "Hello"));
    }

    [Fact]
    public async Task RecordedName_SetReplaces_OnlyOne()
    {
        using var sut = CreateSut(new FileSystemGreetingStore(_dir));
        var first = await sut.SetRecordedNameFromUploadAsync("1001", new MemoryStream(Wav(1)));
        _clock.AdvanceMinutes(1);
        var second = await sut.SetRecordedNameFromUploadAsync("1001", new MemoryStream(Wav(2)));
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(second, await sut.GetRecordedNameAsync("1001"));
        Assert.Single(Directory.GetFiles(Path.Combine(_dir, "1001"), "name-*.audio"));
        await using (var audio = await sut.OpenRecordedNameAudioAsync("1001"))
        {
            Assert.Equal(Duration.FromSeconds(2), WavReader.Read(audio!).Duration);
        }

        Assert.True(await sut.DeleteRecordedNameAsync("1001"));
        Assert.Null(await sut.GetRecordedNameAsync("1001"));
        Assert.False(await sut.DeleteRecordedNameAsync("1001"));
    }

    [Fact]
    public async Task FileStore_PersistsAcrossReopen()
    {
        Greeting a, b;
        using (var store = new FileSystemGreetingStore(_dir))
        using (var sut = CreateSut(store))
        {
            a = await sut.AddUploadAsync("1001", "Näme ✓", new MemoryStream(Wav()));
            _clock.AdvanceSeconds(5);
            b = await sut.AddUploadAsync("1001", "Second", new MemoryStream(Wav(3)), activate: true);
            await sut.SetRecordedNameFromUploadAsync("1001", new MemoryStream(Wav()));
        }

        using var reopened = new FileSystemGreetingStore(_dir);
        using var sut2 = CreateSut(reopened);
        Assert.Equal([a, b], await sut2.ListAsync("1001"));
        Assert.Equal(b, await sut2.GetActiveAsync("1001"));
        Assert.NotNull(await sut2.GetRecordedNameAsync("1001"));
        await using var audio = await sut2.OpenAudioAsync("1001", b.Id);
        Assert.Equal(Duration.FromSeconds(3), WavReader.Read(audio!).Duration);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData(".hidden")]
    public async Task AnyCall_BadExtension_ThrowsArgumentException(string extension)
    {
        using var store = new FileSystemGreetingStore(_dir);
        using var sut = CreateSut(store);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => sut.ListAsync(extension));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListGreetingsAsync(extension));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
        => Assert.Throws<ArgumentException>(() => CreateSut(options: new GreetingOptions { MaxAudioBytes = 0 }));

    private sealed class FakeRecorder(byte[] audio) : IGreetingRecorder
    {
        public (string Extension, string CallMeAt, RecordingPurpose Purpose) Last { get; private set; }

        public Task<Stream> RecordAsync(string extension, string callMeAt, RecordingPurpose purpose, CancellationToken cancellationToken = default)
        {
            Last = (extension, callMeAt, purpose);
            return Task.FromResult<Stream>(new MemoryStream(audio));
        }
    }
}
