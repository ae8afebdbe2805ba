using NodaTime;
using NodaTime.Testing;

namespace K7.Contacts.Tests;

public class PresenceTrackerTests
{
    private static readonly ContactId Ellen = ContactId.Parse("202");

    [Fact]
    public void Get_NeverSet_IsOffline()
    {
        var sut = CreateSut(out _);
        Assert.Same(Presence.Unknown, sut.Get(Ellen));
    }

    [Fact]
    public void SetState_KeepsMessage_AndRaisesChanged()
    {
        var sut = CreateSut(out var clock);
        var events = new List<PresenceChangedEventArgs>();
        sut.Changed += (_, e) => events.Add(e);
        sut.Set(Ellen, PresenceState.Available, "In the office");
        clock.Advance(Duration.FromMinutes(5));
        var now = sut.SetState(Ellen, PresenceState.Busy);
        Assert.Equal(PresenceState.Busy, now.State);
        Assert.Equal("In the office", now.Message);
        Assert.Equal(clock.GetCurrentInstant(), now.Since);
        Assert.Equal(2, events.Count);
        Assert.Equal(PresenceState.Available, events[1].Previous.State);
    }

    [Fact]
    public void Set_SameValue_RaisesNothing()
    {
        var sut = CreateSut(out _);
        sut.SetState(Ellen, PresenceState.Available);
        var raised = 0;
        sut.Changed += (_, _) => raised++;
        sut.SetState(Ellen, PresenceState.Available);
        sut.SetMessage(Ellen, "  ");
        Assert.Equal(0, raised);
    }

    [Fact]
    public void SetMessage_TooLong_Throws()
    {
        var sut = CreateSut(out _);
        var error = Assert.Throws<ArgumentException>(() => sut.SetMessage(Ellen, new string('x', Presence.MaxMessageLength + 1)));
        Assert.Contains("at most 200", error.Message, StringComparison.Ordinal);
    }

    private static PresenceTracker CreateSut(out FakeClock clock)
    {
        clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0));
        return new PresenceTracker(clock);
    }
}
