using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;
using Period = NodaTime.Period;

namespace K7.TimeFrames.Tests.Evaluation;

/// <summary>
/// Recurrences against an independent RFC 5545 implementation, Ical.Net 5: the frame's active intervals in a window
/// equal the union of the occurrences of equivalent VEVENTs.
/// </summary>
/// <remarks>
/// <para>Zones are UTC and Asia/Kolkata only (no DST since 1945), because Ical.Net has known DST defects that would
/// make the oracle wrong, not the frame.</para>
/// <para>How the model maps onto RFC 5545, and the semantic differences that the mapping absorbs:</para>
/// <list type="bullet">
/// <item>Days of the week: one VEVENT per time range (the generator gives every selected day the same ranges), with
/// DTSTART = the start date at the range's start (a fixed early date when the frame has none), DTEND = DTSTART + the
/// range's length (24 hours for 00:00–00:00, the next day for a range crossing midnight), and
/// <c>FREQ=WEEKLY;WKST=MO;BYDAY=MO,FR</c> or <c>FREQ=MONTHLY;BYDAY=1MO,-1FR</c> (Last = -1, Fifth = 5: months
/// without a fifth are skipped by both). INTERVAL counts ISO weeks or months from DTSTART's, as the frame counts from
/// its start date's. Ical.Net 5 does not emit a DTSTART that does not match BYDAY and does not count it, which is the
/// frame's rule that days before the first selected day do not occur.</item>
/// <item><c>After(n)</c> counts days on which the ranges apply; each range's VEVENT occurs on exactly those days, so
/// COUNT=n per VEVENT is the same limit.</item>
/// <item><c>On(date)</c> is the last date an occurrence may start; UNTIL is inclusive and compared with the
/// occurrence's start, so UNTIL = that date at 23:59:59 local time, written in UTC (RFC 5545 requires UTC with a
/// TZID'd DTSTART). A range that crosses midnight on the end date runs into the next morning in both.</item>
/// <item>Specific dates: one VEVENT with DTSTART/DTEND = the interval; Daily and Weekly map directly (Weekly's
/// BYDAY defaults to DTSTART's weekday); MonthlyByDayOfMonth is <c>FREQ=MONTHLY;BYMONTHDAY=d</c> (RFC 5545
/// skips months without day d, as the frame does); MonthlyByWeekday is <c>BYDAY=</c> the start's ordinal weekday,
/// a fifth one written -1 (the frame's "a start on a fifth weekday recurs on the last one"); Yearly on Feb 29 recurs in
/// leap years only in both. COUNT counts occurrences that exist, as <c>After(n)</c> does.</item>
/// </list>
/// </remarks>
public sealed class IcalOracleTests
{
    /// <summary>DTSTART for a frame without a start date: before every window the generator makes (2019 on, less a week).</summary>
    private static readonly LocalDate NoStartDtStart = new(2018, 1, 1);

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(Generators) })]
    public void GetActiveIntervals_RecurringFrame_MatchesIcalOccurrences(RecurrenceCase x)
    {
        var sut = CreateSut(x.Frame);

        var actual = sut.GetActiveIntervals(x.Start, x.End);

        var expected = IcalIntervals(x.Frame, x.Start, x.End);
        Assert.Equal(Show(expected), Show(actual));
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(Generators) })]
    public void IsActive_InstantsInWindow_MatchIcalOccurrences(RecurrenceCase x)
    {
        var sut = CreateSut(x.Frame);
        var expected = IcalIntervals(x.Frame, x.Start, x.End);

        var step = (x.End - x.Start) / 40;
        for (var i = 0; i < 40; i++)
        {
            var t = x.Start + (step * i);
            Assert.True(expected.Any(e => e.Contains(t)) == sut.IsActive(t), $"At {t}: Ical.Net {!sut.IsActive(t)}, compiled {sut.IsActive(t)}.");
        }
    }

    [Fact]
    public void IcalIntervals_LastAndFourthFridayOfMay2025_AreMay30AndMay23()
    {
        var window = (Start: Instant.FromUtc(2025, 5, 1, 0, 0), End: Instant.FromUtc(2025, 6, 1, 0, 0));
        TimeFrame Frame(WeekdayOrdinal ordinal) => new(
            "Meeting",
            TimeFrameOwner.User("202"),
            DateTimeZone.Utc,
            new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Friday, new TimeRange(new LocalTime(9, 0), new LocalTime(10, 0))))
            {
                Recurrence = DaysOfWeekRecurrence.Monthly(ordinal),
                StartDate = new LocalDate(2025, 1, 1),
            });

        var last = IcalIntervals(Frame(WeekdayOrdinal.Last), window.Start, window.End);
        var fourth = IcalIntervals(Frame(WeekdayOrdinal.Fourth), window.Start, window.End);

        Assert.Equal([new Interval(Instant.FromUtc(2025, 5, 30, 9, 0), Instant.FromUtc(2025, 5, 30, 10, 0))], last);
        Assert.Equal([new Interval(Instant.FromUtc(2025, 5, 23, 9, 0), Instant.FromUtc(2025, 5, 23, 10, 0))], fourth);
    }

    private static CompiledTimeFrame CreateSut(TimeFrame frame) => TestCompiler.Compile(frame);

    /// <summary>The union of the occurrences of the frame's VEVENTs, as instants, clipped to [start, end).</summary>
    private static List<Interval> IcalIntervals(TimeFrame frame, Instant start, Instant end)
    {
        var zone = frame.Zone;
        var windowStart = start.InZone(zone).LocalDateTime;
        var windowEnd = end.InZone(zone).LocalDateTime;
        var calendar = new IcalCalendar();
        foreach (var vevent in Events(frame))
        {
            calendar.Events.Add(vevent);
        }

        var pieces = new List<Interval>();
        foreach (var vevent in calendar.Events)
        {
            var length = Period.Between(ToLocal(vevent.DtStart!), ToLocal(vevent.DtEnd!), PeriodUnits.Seconds).Seconds;

            // Every occurrence that can reach the window starts at most its length before it.
            var from = windowStart.PlusSeconds(-length).PlusDays(-1);
            var occurrences = vevent.GetOccurrences(ToCal(from, zone.Id)).TakeWhile(o => ToLocal(o.Period.StartTime) < windowEnd);
            foreach (var occurrence in occurrences)
            {
                var s = ToLocal(occurrence.Period.StartTime);
                var e = occurrence.Period.EffectiveEndTime is { } effectiveEnd ? ToLocal(effectiveEnd) : s.PlusSeconds(length);
                var a = zone.AtStrictly(s).ToInstant();
                var b = zone.AtStrictly(e).ToInstant();
                a = a < start ? start : a;
                b = b > end ? end : b;
                if (a < b)
                {
                    pieces.Add(new Interval(a, b));
                }
            }
        }

        return TestCompiler.Merge(pieces);
    }

    private static IEnumerable<CalendarEvent> Events(TimeFrame frame)
    {
        switch (frame.Definition)
        {
            case DaysOfWeekDefinition days:
                {
                    var first = days.StartDate ?? NoStartDtStart;
                    var byDay = string.Join(",", days.Days.Select(d => Ordinal(days.Recurrence.Ordinal) + DayCode(d.Day)));
                    var rule = new StringBuilder(days.Recurrence.IsMonthly ? "FREQ=MONTHLY" : "FREQ=WEEKLY;WKST=MO");
                    rule.Append(CultureInfo.InvariantCulture, $";INTERVAL={days.Recurrence.Interval};BYDAY={byDay}");
                    rule.Append(End(days.End, frame.Zone));
                    foreach (var range in days.Days[0].Ranges)
                    {
                        var dtStart = first + range.Start;
                        yield return Event(frame.Zone, dtStart, dtStart.PlusSeconds((long)range.Length.TotalSeconds), rule.ToString());
                    }

                    break;
                }

            case SpecificDatesDefinition dates:
                {
                    var interval = dates.Intervals.Single();
                    var recurrence = interval.Recurrence!;
                    var date = interval.Start.Date;
                    var rule = new StringBuilder(recurrence.Frequency switch
                    {
                        DateFrequency.Daily => "FREQ=DAILY",
                        DateFrequency.Weekly => "FREQ=WEEKLY;WKST=MO",
                        DateFrequency.MonthlyByDayOfMonth => $"FREQ=MONTHLY;BYMONTHDAY={date.Day}",
                        DateFrequency.MonthlyByWeekday => $"FREQ=MONTHLY;BYDAY={PositionOf(date)}{DayCode(date.DayOfWeek)}",
                        _ => "FREQ=YEARLY",
                    });
                    rule.Append(CultureInfo.InvariantCulture, $";INTERVAL={recurrence.Interval}");
                    rule.Append(End(recurrence.End, frame.Zone));
                    yield return Event(frame.Zone, interval.Start, interval.End, rule.ToString());
                    break;
                }

            default:
                throw new ArgumentException($"No RFC 5545 mapping for {frame.Kind}.", nameof(frame));
        }
    }

    private static CalendarEvent Event(DateTimeZone zone, LocalDateTime start, LocalDateTime end, string rule)
    {
        var vevent = new CalendarEvent { DtStart = ToCal(start, zone.Id), DtEnd = ToCal(end, zone.Id) };
        vevent.RecurrenceRule = new RecurrencePattern(rule);
        return vevent;
    }

    private static string End(RecurrenceEnd end, DateTimeZone zone)
    {
        if (end.Count is { } count)
        {
            return string.Create(CultureInfo.InvariantCulture, $";COUNT={count}");
        }

        if (end.Date is { } date)
        {
            var until = zone.AtStrictly(date + new LocalTime(23, 59, 59)).ToInstant();
            return ";UNTIL=" + until.ToString("uuuuMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        }

        return string.Empty;
    }

    /// <summary>1 to 4 for the first to fourth of its weekday in the month; -1 for a fifth, which is the last.</summary>
    private static int PositionOf(LocalDate date)
    {
        var n = ((date.Day - 1) / 7) + 1;
        return n == 5 ? -1 : n;
    }

    private static string Ordinal(WeekdayOrdinal? ordinal) => ordinal switch
    {
        null => string.Empty,
        WeekdayOrdinal.Last => "-1",
        var o => ((int)o).ToString(CultureInfo.InvariantCulture),
    };

    private static string DayCode(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "MO",
        IsoDayOfWeek.Tuesday => "TU",
        IsoDayOfWeek.Wednesday => "WE",
        IsoDayOfWeek.Thursday => "TH",
        IsoDayOfWeek.Friday => "FR",
        IsoDayOfWeek.Saturday => "SA",
        _ => "SU",
    };

    private static CalDateTime ToCal(LocalDateTime value, string tzId) =>
        new(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second, tzId);

    private static LocalDateTime ToLocal(CalDateTime value) =>
        new(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second);

    private static string Show(IEnumerable<Interval> intervals) => string.Join(", ", intervals.Select(i => $"[{i.Start}, {i.End})"));
}
