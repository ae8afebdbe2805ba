using K7.Voicemail.Purging;
using NodaTime;

namespace K7.Voicemail.Tests.Purging;

public sealed class DailyScheduleTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public void NextAfter_BeforeTheTime_IsTheSameDay()
    {
        var schedule = new DailySchedule(new LocalTime(3, 0), NewYork);
        var now = new LocalDateTime(2026, 11, 26, 1, 30).InZoneStrictly(NewYork).ToInstant();
        Assert.Equal(new LocalDateTime(2026, 11, 26, 3, 0).InZoneStrictly(NewYork).ToInstant(), schedule.NextAfter(now));
    }

    [Fact]
    public void NextAfter_AtOrAfterTheTime_IsTheNextDay()
    {
        var schedule = new DailySchedule(new LocalTime(3, 0), NewYork);
        var at = new LocalDateTime(2026, 11, 26, 3, 0).InZoneStrictly(NewYork).ToInstant();
        Assert.Equal(new LocalDateTime(2026, 11, 27, 3, 0).InZoneStrictly(NewYork).ToInstant(), schedule.NextAfter(at));
    }

    [Fact]
    public void NextAfter_SpringForwardGap_FallsRightAfterTheGap()
    {
        // 2026-03-08 02:00 does not exist in New York: clocks jump from 02:00 to 03:00.
        var schedule = new DailySchedule(new LocalTime(2, 30), NewYork);
        var evening = new LocalDateTime(2026, 3, 7, 22, 0).InZoneStrictly(NewYork).ToInstant();
        var next = schedule.NextAfter(evening);
        Assert.Equal(new LocalDateTime(2026, 3, 8, 3, 30), next.InZone(NewYork).LocalDateTime);
    }

    [Fact]
    public void NextAfter_FallBackOverlap_FallsOnceOnTheFirstOccurrence()
    {
        // 2026-11-01 01:30 happens twice in New York; the purge runs at the first, and next on 11-02.
        var schedule = new DailySchedule(new LocalTime(1, 30), NewYork);
        var first = schedule.NextAfter(new LocalDateTime(2026, 11, 1, 0, 0).InZoneStrictly(NewYork).ToInstant());
        Assert.Equal(Offset.FromHours(-4), first.InZone(NewYork).Offset);
        var second = schedule.NextAfter(first);
        Assert.Equal(new LocalDateTime(2026, 11, 2, 1, 30), second.InZone(NewYork).LocalDateTime);
    }
}
