using K7.Voicemail.Storage;
using NodaTime;
using NodaTime.Testing;
using static K7.Voicemail.Tests.Storage.StoreTestData;

namespace K7.Voicemail.Tests.Storage;

/// <summary>The behaviour every <see cref="IVoicemailStore"/> shares; run once per implementation.</summary>
public abstract class VoicemailStoreContractTests : IDisposable
{
    protected VoicemailStoreContractTests()
    {
        Clock = new FakeClock(Start + Duration.FromMinutes(1));
    }

    protected FakeClock Clock { get; }

    protected abstract IVoicemailStore Store { get; }

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task DepositAsync_NewMessage_InNewFolderWithItsAudio()
    {
        var audio = AudioBytes(2400);
        var message = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(audio));

        Assert.Equal(Mailbox202, message.Mailbox);
        Assert.Equal(VoicemailFolder.New, message.Folder);
        Assert.Equal("+4930123456", message.CallerNumber);
        Assert.Equal("Alice", message.CallerName);
        Assert.Equal(Start, message.ReceivedAt);
        Assert.Equal(Duration.FromSeconds(30), message.Duration);
        Assert.Equal("mulaw", message.AudioFormat);
        Assert.Equal(2400, message.AudioSize);
        Assert.Null(message.ForwardedFrom);
        Assert.Equal(Clock.GetCurrentInstant(), message.FolderChangedAt);
        Assert.Equal(message, await Store.GetAsync(Mailbox202, message.Id));
        Assert.Equal(audio, await ReadAllAsync((await Store.OpenAudioAsync(Mailbox202, message.Id))!));
        Assert.Equal(new VoicemailCounts(1, 0, 0), await Store.CountsAsync(Mailbox202));
    }

    [Fact]
    public async Task DepositAsync_InvalidDeposit_ThrowsNamingTheField()
    {
        var bad = Deposit() with { AudioFormat = "mu law" };
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.DepositAsync(Mailbox202, bad, new MemoryStream()));
        Assert.Equal("AudioFormat", ex.ParamName);

        var negative = Deposit() with { Duration = Duration.FromSeconds(-1) };
        ex = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.DepositAsync(Mailbox202, negative, new MemoryStream()));
        Assert.Equal("Duration", ex.ParamName);

        var control = Deposit(caller: "12\n3");
        ex = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.DepositAsync(Mailbox202, control, new MemoryStream()));
        Assert.Equal("CallerNumber", ex.ParamName);
        Assert.Equal(default, await Store.CountsAsync(Mailbox202));
    }

    [Fact]
    public async Task DepositAsync_NullArguments_Throw()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Store.DepositAsync(null!, Deposit(), new MemoryStream()));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Store.DepositAsync(Mailbox202, null!, new MemoryStream()));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Store.DepositAsync(Mailbox202, Deposit(), null!));
    }

    [Fact]
    public async Task ListAsync_Sort_ByReceivedAt()
    {
        var early = await Store.DepositAsync(Mailbox202, Deposit(at: Start), new MemoryStream(AudioBytes(10)));
        var late = await Store.DepositAsync(Mailbox202, Deposit(at: Start + Duration.FromHours(1)), new MemoryStream(AudioBytes(10)));
        var middle = await Store.DepositAsync(Mailbox202, Deposit(at: Start + Duration.FromMinutes(5)), new MemoryStream(AudioBytes(10)));

        var latestFirst = await Store.ListAsync(Mailbox202, VoicemailFolder.New);
        Assert.Equal([late.Id, middle.Id, early.Id], latestFirst.Select(m => m.Id));
        var oldestFirst = await Store.ListAsync(Mailbox202, VoicemailFolder.New, VoicemailSort.OldestFirst);
        Assert.Equal([early.Id, middle.Id, late.Id], oldestFirst.Select(m => m.Id));
        Assert.Empty(await Store.ListAsync(Mailbox202, VoicemailFolder.Saved));
    }

    [Fact]
    public async Task ListAsync_UnknownMailbox_Empty()
    {
        Assert.Empty(await Store.ListAsync(MailboxId.Parse("999"), VoicemailFolder.New));
        Assert.Equal(default, await Store.CountsAsync(MailboxId.Parse("999")));
        Assert.Null(await Store.GetAsync(MailboxId.Parse("999"), VoicemailMessageId.New(Start)));
    }

    [Fact]
    public async Task ListAsync_UndefinedFolder_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Store.ListAsync(Mailbox202, (VoicemailFolder)7));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Store.ListAsync(Mailbox202, VoicemailFolder.New, (VoicemailSort)7));
    }

    [Fact]
    public async Task MoveAsync_SaveTrashRestore_OneFolderAtATime()
    {
        var message = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        Clock.Advance(Duration.FromMinutes(1));

        var saved = await Store.MoveAsync(Mailbox202, message.Id, VoicemailFolder.Saved);
        Assert.Equal(VoicemailFolder.Saved, saved!.Folder);
        Assert.Equal(Clock.GetCurrentInstant(), saved.FolderChangedAt);
        Assert.Equal(new VoicemailCounts(0, 1, 0), await Store.CountsAsync(Mailbox202));

        Clock.Advance(Duration.FromMinutes(1));
        var trashed = await Store.MoveAsync(Mailbox202, message.Id, VoicemailFolder.Trash);
        Assert.Equal(VoicemailFolder.Trash, trashed!.Folder);
        Assert.Equal(new VoicemailCounts(0, 0, 1), await Store.CountsAsync(Mailbox202));
        Assert.Equal([message.Id], (await Store.ListAsync(Mailbox202, VoicemailFolder.Trash)).Select(m => m.Id));

        var restored = await Store.MoveAsync(Mailbox202, message.Id, VoicemailFolder.New);
        Assert.Equal(VoicemailFolder.New, restored!.Folder);
        Assert.Equal(restored, await Store.GetAsync(Mailbox202, message.Id));
    }

    [Fact]
    public async Task MoveAsync_SameFolder_Unchanged()
    {
        var message = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(message, await Store.MoveAsync(Mailbox202, message.Id, VoicemailFolder.New));
    }

    [Fact]
    public async Task MoveAsync_UnknownMessageOrOtherMailbox_Null()
    {
        var message = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        Assert.Null(await Store.MoveAsync(Mailbox202, VoicemailMessageId.New(Start), VoicemailFolder.Saved));
        Assert.Null(await Store.MoveAsync(Mailbox203, message.Id, VoicemailFolder.Saved));
    }

    [Fact]
    public async Task MoveAsync_EmptyId_Throws()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.MoveAsync(Mailbox202, default, VoicemailFolder.Saved));
        Assert.Equal("id", ex.ParamName);
    }

    [Fact]
    public async Task DeleteAsync_Existing_GoneWithItsAudio()
    {
        var message = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        Assert.True(await Store.DeleteAsync(Mailbox202, message.Id));
        Assert.False(await Store.DeleteAsync(Mailbox202, message.Id));
        Assert.Null(await Store.GetAsync(Mailbox202, message.Id));
        Assert.Null(await Store.OpenAudioAsync(Mailbox202, message.Id));
        Assert.Equal(default, await Store.CountsAsync(Mailbox202));
    }

    [Fact]
    public async Task ForwardAsync_OtherMailbox_CopyInNewWithForwardedFrom()
    {
        var audio = AudioBytes(500);
        var original = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(audio));
        await Store.MoveAsync(Mailbox202, original.Id, VoicemailFolder.Saved);
        Clock.Advance(Duration.FromMinutes(3));

        var copy = await Store.ForwardAsync(Mailbox202, original.Id, Mailbox203);

        Assert.NotNull(copy);
        Assert.NotEqual(original.Id, copy.Id);
        Assert.Equal(Mailbox203, copy.Mailbox);
        Assert.Equal(VoicemailFolder.New, copy.Folder);
        Assert.Equal(Mailbox202, copy.ForwardedFrom);
        Assert.Equal(Clock.GetCurrentInstant(), copy.ReceivedAt);
        Assert.Equal((original.CallerNumber, original.CallerName, original.Duration, original.AudioFormat, original.AudioSize), (copy.CallerNumber, copy.CallerName, copy.Duration, copy.AudioFormat, copy.AudioSize));
        Assert.Equal(audio, await ReadAllAsync((await Store.OpenAudioAsync(Mailbox203, copy.Id))!));
        Assert.Equal(VoicemailFolder.Saved, (await Store.GetAsync(Mailbox202, original.Id))!.Folder);

        // The copy lives on when the original is deleted.
        Assert.True(await Store.DeleteAsync(Mailbox202, original.Id));
        Assert.Equal(audio, await ReadAllAsync((await Store.OpenAudioAsync(Mailbox203, copy.Id))!));
    }

    [Fact]
    public async Task ForwardAsync_SameMailbox_SecondMessage()
    {
        var original = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(50)));
        var copy = await Store.ForwardAsync(Mailbox202, original.Id, Mailbox202);
        Assert.Equal(Mailbox202, copy!.ForwardedFrom);
        Assert.Equal(new VoicemailCounts(2, 0, 0), await Store.CountsAsync(Mailbox202));
    }

    [Fact]
    public async Task ForwardAsync_UnknownMessage_NullAndNothingStored()
    {
        Assert.Null(await Store.ForwardAsync(Mailbox202, VoicemailMessageId.New(Start), Mailbox203));
        Assert.Equal(default, await Store.CountsAsync(Mailbox203));
    }

    [Fact]
    public async Task PurgeTrashAsync_OlderThanOrEqual_OnlyThoseAtOrBefore()
    {
        var a = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        var b = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        var kept = await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        await Store.MoveAsync(Mailbox202, a.Id, VoicemailFolder.Trash);
        var limit = Clock.GetCurrentInstant();
        Clock.Advance(Duration.FromDays(1));
        await Store.MoveAsync(Mailbox202, b.Id, VoicemailFolder.Trash);

        Assert.Equal(1, await Store.PurgeTrashAsync(Mailbox202, limit));
        Assert.Null(await Store.GetAsync(Mailbox202, a.Id));
        Assert.NotNull(await Store.GetAsync(Mailbox202, b.Id));

        Assert.Equal(1, await Store.PurgeTrashAsync(Mailbox202));
        Assert.Equal(new VoicemailCounts(1, 0, 0), await Store.CountsAsync(Mailbox202));
        Assert.NotNull(await Store.GetAsync(Mailbox202, kept.Id));
        Assert.Equal(0, await Store.PurgeTrashAsync(MailboxId.Parse("999")));
    }

    [Fact]
    public async Task ListMailboxesAsync_MailboxesWithMessages_OrdinalOrder()
    {
        await Store.DepositAsync(Mailbox203, Deposit(), new MemoryStream(AudioBytes(10)));
        await Store.DepositAsync(Mailbox202, Deposit(), new MemoryStream(AudioBytes(10)));
        Assert.Equal([Mailbox202, Mailbox203], await Store.ListMailboxesAsync());
    }

    [Fact]
    public async Task DepositAsync_Concurrent_AllStored()
    {
        var tasks = Enumerable.Range(0, 40).Select(i => Store.DepositAsync(i % 2 == 0 ? Mailbox202 : Mailbox203, Deposit(), new MemoryStream(AudioBytes(100, i))).AsTask());
        var messages = await Task.WhenAll(tasks);
        Assert.Equal(40, messages.Select(m => m.Id).Distinct().Count());
        Assert.Equal(20, (await Store.CountsAsync(Mailbox202)).New);
        Assert.Equal(20, (await Store.CountsAsync(Mailbox203)).New);
    }
}
