using K7.Voicemail.Purging;
using K7.Voicemail.Storage;
using K7.Voicemail.Tests.Storage;
using NodaTime;
using NodaTime.Testing;

namespace K7.Voicemail.Tests.Purging;

public sealed class TrashPurgeServiceTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    // 2026-11-26 01:00 in New York; the purge is at 03:00.
    private readonly FakeClock _clock = new(new LocalDateTime(2026, 11, 26, 1, 0).InZoneStrictly(NewYork).ToInstant());

    private async Task<(InMemoryVoicemailStore Store, TrashPurgeService Service)> CreateSutAsync()
    {
        var store = new InMemoryVoicemailStore(_clock);
        foreach (var mailbox in new[] { StoreTestData.Mailbox202, StoreTestData.Mailbox203 })
        {
            var kept = await store.DepositAsync(mailbox, StoreTestData.Deposit(), new MemoryStream(StoreTestData.AudioBytes(100)));
            var saved = await store.DepositAsync(mailbox, StoreTestData.Deposit(), new MemoryStream(StoreTestData.AudioBytes(100)));
            await store.MoveAsync(mailbox, saved.Id, VoicemailFolder.Saved);
            var trashed = await store.DepositAsync(mailbox, StoreTestData.Deposit(), new MemoryStream(StoreTestData.AudioBytes(100)));
            await store.MoveAsync(mailbox, trashed.Id, VoicemailFolder.Trash);
            Assert.Equal(new VoicemailCounts(1, 1, 1), await store.CountsAsync(mailbox));
            _ = kept;
        }

        return (store, new TrashPurgeService(store, new DailySchedule(new LocalTime(3, 0), NewYork), _clock));
    }

    [Fact]
    public async Task RunDueAsync_BeforeThePurgeTime_DoesNothing()
    {
        var (store, service) = await CreateSutAsync();
        _clock.Advance(Duration.FromMinutes(119));
        Assert.Null(await service.RunDueAsync());
        Assert.Equal(new VoicemailCounts(1, 1, 1), await store.CountsAsync(StoreTestData.Mailbox202));
    }

    [Fact]
    public async Task RunDueAsync_AtThePurgeTime_EmptiesEveryTrashAndNothingElse()
    {
        var (store, service) = await CreateSutAsync();
        _clock.Advance(Duration.FromHours(2));
        Assert.Equal(2, await service.RunDueAsync());
        Assert.Equal(new VoicemailCounts(1, 1, 0), await store.CountsAsync(StoreTestData.Mailbox202));
        Assert.Equal(new VoicemailCounts(1, 1, 0), await store.CountsAsync(StoreTestData.Mailbox203));
        Assert.Equal(new LocalDateTime(2026, 11, 27, 3, 0), service.NextRun.InZone(NewYork).LocalDateTime);
    }

    [Fact]
    public async Task RunDueAsync_OncePerDay_EvenWhenCalledOften()
    {
        var (store, service) = await CreateSutAsync();
        _clock.Advance(Duration.FromHours(2));
        Assert.Equal(2, await service.RunDueAsync());
        var again = await store.DepositAsync(StoreTestData.Mailbox202, StoreTestData.Deposit(), new MemoryStream(StoreTestData.AudioBytes(10)));
        await store.MoveAsync(StoreTestData.Mailbox202, again.Id, VoicemailFolder.Trash);
        _clock.Advance(Duration.FromHours(12));
        Assert.Null(await service.RunDueAsync());
        _clock.Advance(Duration.FromHours(12));
        Assert.Equal(1, await service.RunDueAsync());
    }

    [Fact]
    public async Task RunDueAsync_HostDownAtThePurgeTime_PurgesAtTheNextCheck()
    {
        var (store, service) = await CreateSutAsync();
        _clock.Advance(Duration.FromHours(30)); // the host was down from 01:00 to 07:00 the next day
        Assert.Equal(2, await service.RunDueAsync());
        Assert.Equal(new LocalDateTime(2026, 11, 28, 3, 0), service.NextRun.InZone(NewYork).LocalDateTime);
        Assert.Equal(0, (await store.CountsAsync(StoreTestData.Mailbox203)).Trash);
    }
}
