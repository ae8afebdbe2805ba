using K7.Voicemail.Storage;
using static K7.Voicemail.Tests.Storage.StoreTestData;

namespace K7.Voicemail.Tests.Storage;

public sealed class FileSystemVoicemailStoreTests : VoicemailStoreContractTests
{
    private readonly TempDirectory _root = new();
    private FileSystemVoicemailStore _store;

    public FileSystemVoicemailStoreTests()
    {
        _store = new FileSystemVoicemailStore(_root.Path, Clock);
    }

    protected override IVoicemailStore Store => _store;

    public override void Dispose()
    {
        _store.Dispose();
        _root.Dispose();
        base.Dispose();
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new FileSystemVoicemailStore(null!, Clock));
        Assert.Throws<ArgumentException>(() => new FileSystemVoicemailStore(" ", Clock));
        Assert.Throws<ArgumentNullException>(() => new FileSystemVoicemailStore(_root.Path, null!));
    }

    [Fact]
    public async Task DepositAsync_Layout_AudioAndMetadataFiles()
    {
        var message = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(77)));
        var audio = Path.Combine(_root.Path, "202", "audio", message.Id + ".audio");
        var metadata = Path.Combine(_root.Path, "202", "messages", message.Id + ".json");
        Assert.Equal(77, new FileInfo(audio).Length);
        Assert.Contains("\"folder\": \"new\"", await File.ReadAllTextAsync(metadata), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_root.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Reopen_EverythingPersisted()
    {
        var audio = AudioBytes(300);
        var a = await Store.DepositAsync(Mailbox202, Deposit(name: null), new MemoryStream(audio));
        var moved = await Store.MoveAsync(Mailbox202, a.Id, VoicemailFolder.Saved);
        var copy = await Store.ForwardAsync(Mailbox202, a.Id, Mailbox203);

        Reopen();

        Assert.Equal(moved, await Store.GetAsync(Mailbox202, a.Id));
        Assert.Equal(copy, await Store.GetAsync(Mailbox203, copy!.Id));
        Assert.Equal(audio, await ReadAllAsync((await Store.OpenAudioAsync(Mailbox203, copy.Id))!));
        Assert.Equal([Mailbox202, Mailbox203], await Store.ListMailboxesAsync());
    }

    [Fact]
    public async Task ListAsync_AfterFirstLoad_ServedFromIndexWithoutFiles()
    {
        var message = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        Reopen();
        Assert.Single(await Store.ListAsync(Mailbox202, VoicemailFolder.New));

        // Take the files away: the index still answers, proving that listing reads nothing.
        Directory.Move(Path.Combine(_root.Path, "202"), Path.Combine(_root.Path, "moved"));
        Assert.Equal([message.Id], (await Store.ListAsync(Mailbox202, VoicemailFolder.New)).Select(m => m.Id));
        Assert.Equal(new VoicemailCounts(1, 0, 0), await Store.CountsAsync(Mailbox202));
    }

    [Fact]
    public async Task RecoverAsync_TemporaryAndOrphanFiles_Deleted()
    {
        var kept = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        var orphanId = VoicemailMessageId.New(Start);
        var mailboxDir = Path.Combine(_root.Path, "202");
        var orphan = Path.Combine(mailboxDir, "audio", orphanId + ".audio");
        var tempAudio = Path.Combine(mailboxDir, "audio", VoicemailMessageId.New(Start) + ".audio.tmp");
        var tempMeta = Path.Combine(mailboxDir, "messages", kept.Id + ".json.tmp");
        await File.WriteAllBytesAsync(orphan, AudioBytes(10));
        await File.WriteAllBytesAsync(tempAudio, AudioBytes(5));
        await File.WriteAllTextAsync(tempMeta, "{\"half");

        var report = await _store.RecoverAsync();

        Assert.Equal(1, report.Mailboxes);
        Assert.Equal(1, report.Messages);
        Assert.Equal([orphan], report.DeletedOrphanAudioFiles);
        Assert.Equal(2, report.DeletedTemporaryFiles.Count);
        Assert.False(report.IsClean);
        Assert.False(File.Exists(orphan) || File.Exists(tempAudio) || File.Exists(tempMeta));
        Assert.NotNull(await Store.GetAsync(Mailbox202, kept.Id));
        Assert.True((await _store.RecoverAsync()).IsClean);
    }

    [Fact]
    public async Task RecoverAsync_CorruptMetadata_QuarantinedAndReportedWithFileName()
    {
        var good = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        var bad = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        var badPath = Path.Combine(_root.Path, "202", "messages", bad.Id + ".json");
        await File.WriteAllTextAsync(badPath, "{ \"version\": 1, \"id\": ");

        var report = await _store.RecoverAsync();

        var problem = Assert.Single(report.QuarantinedFiles);
        Assert.Equal(badPath, problem.Field);
        Assert.Contains(badPath, problem.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(badPath + ".corrupt"));
        Assert.True(File.Exists(Path.Combine(_root.Path, "202", "audio", bad.Id + ".audio")));
        Assert.Equal([good.Id], (await Store.ListAsync(Mailbox202, VoicemailFolder.New)).Select(m => m.Id));
    }

    [Fact]
    public async Task Load_AudioSizeMismatch_Quarantined()
    {
        var message = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        await File.WriteAllBytesAsync(Path.Combine(_root.Path, "202", "audio", message.Id + ".audio"), AudioBytes(3));
        Reopen();
        Assert.Empty(await Store.ListAsync(Mailbox202, VoicemailFolder.New));
        Assert.True(File.Exists(Path.Combine(_root.Path, "202", "messages", message.Id + ".json.corrupt")));
    }

    [Fact]
    public async Task Load_MetadataFromAnotherMailbox_Quarantined()
    {
        var message = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        Directory.Move(Path.Combine(_root.Path, "202"), Path.Combine(_root.Path, "204"));
        Reopen();
        var report = await _store.RecoverAsync();
        Assert.Contains("belongs to mailbox 202", Assert.Single(report.QuarantinedFiles).Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(MailboxId.Parse("204"), message.Id));
    }

    [Fact]
    public async Task ListMailboxesAsync_ForeignFolders_Ignored()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "not a mailbox"));
        Directory.CreateDirectory(Path.Combine(_root.Path, "UPPER"));
        await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        Assert.Equal([Mailbox202], await Store.ListMailboxesAsync());
    }

    [Fact]
    public async Task DepositAsync_Cancelled_NothingLeftBehind()
    {
        using var cts = new CancellationTokenSource();
        var audio = new CancellingStream(cts);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Store.DepositAsync(Mailbox202, Deposit(), audio, cts.Token));
        Assert.Equal(default, await Store.CountsAsync(Mailbox202));
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(_root.Path, "202"), "*", SearchOption.AllDirectories), f => !f.EndsWith(".lock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenAudioAsync_ThenDelete_StreamStillReadable()
    {
        var audio = AudioBytes(1000);
        var message = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(audio));
        var stream = (await Store.OpenAudioAsync(Mailbox202, message.Id))!;
        Assert.False(stream.CanWrite);
        Assert.True(await Store.DeleteAsync(Mailbox202, message.Id));
        Assert.Equal(audio, await ReadAllAsync(stream));
    }

    private void Reopen()
    {
        _store.Dispose();
        _store = new FileSystemVoicemailStore(_root.Path, Clock);
    }

    private sealed class CancellingStream(CancellationTokenSource cts) : MemoryStream(new byte[100_000])
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
            await cts.CancelAsync();
            return n;
        }
    }
}
