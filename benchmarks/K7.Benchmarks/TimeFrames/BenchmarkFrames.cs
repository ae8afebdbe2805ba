using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using K7.TimeFrames;
using NodaTime;
using Duration = NodaTime.Duration;

namespace K7.Benchmarks.TimeFrames;

/// <summary>
/// The frames the TimeFrames benchmarks measure, each written twice: as a K7 <see cref="TimeFrame"/> and as the same
/// frame in an Ical.Net <see cref="Calendar"/>, plus the instants the queries use.
/// </summary>
internal static class BenchmarkFrames
{
    public const string DaysOfWeek = "DaysOfWeek";
    public const string CustomHolidays = "CustomHolidays";

    public const string ZoneId = "America/New_York";

    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb[ZoneId];

    private static readonly TimeRange SundayMorning = new(new LocalTime(8, 0), new LocalTime(15, 0));
    private static readonly TimeRange SundayEvening = new(new LocalTime(17, 0), new LocalTime(18, 0));

    /// <summary>Monday to Friday 08:00–17:00, and Sunday 08:00–15:00 plus 17:00–18:00 (the guide's 7.1.1 example).</summary>
    public static DaysOfWeekDefinition OfficeHoursDefinition() => new(
    [
        .. new DaySchedule(IsoDayOfWeek.Monday, TimeRange.BusinessHours).CopyTo(Weekdays.MondayToFriday),
        new DaySchedule(IsoDayOfWeek.Sunday, SundayMorning, SundayEvening),
    ]);

    /// <summary>
    /// New Year's Day, Juneteenth and Independence Day, whole days, on their actual dates. The observed-holiday rules
    /// are off so that the frame is exactly three yearly dates, which three yearly RRULEs express.
    /// </summary>
    public static HolidaysDefinition ThreeHolidaysDefinition() => new(
        HolidaySelection.FromCalendar("US", "new-year"),
        HolidaySelection.FromCalendar("US", "juneteenth"),
        HolidaySelection.FromCalendar("US", "independence-day"))
    {
        Observed = ObservedHolidayRules.None,
    };

    public static TimeFrame Create(string name) => name switch
    {
        DaysOfWeek => new TimeFrame("Office hours", TimeFrameOwner.Domain, Zone, OfficeHoursDefinition()),
        CustomHolidays => new TimeFrame(
            "Office hours and holidays",
            TimeFrameOwner.Domain,
            Zone,
            new CustomDefinition(OfficeHoursDefinition(), ThreeHolidaysDefinition())),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown benchmark frame."),
    };

    public static TimeFrame HolidaysOnly() => new("Holidays", TimeFrameOwner.Domain, Zone, ThreeHolidaysDefinition());

    /// <summary>
    /// The same frame as <see cref="Create"/> in Ical.Net: one event per range, weekly with BYDAY; each holiday an
    /// event at 00:00 New York time lasting one day, yearly with BYMONTH/BYMONTHDAY. (An all-day DATE event would be
    /// floating, with no time zone to say which instants it covers.) The events start in the first week of 2025,
    /// before every instant the benchmarks query.
    /// </summary>
    public static IcalFrame CreateIcal(string name)
    {
        var calendar = new Calendar();
        AddWeekly(calendar, new LocalDate(2024, 12, 30), TimeRange.BusinessHours, "MO,TU,WE,TH,FR");
        AddWeekly(calendar, new LocalDate(2024, 12, 29), SundayMorning, "SU");
        AddWeekly(calendar, new LocalDate(2024, 12, 29), SundayEvening, "SU");
        var longestEvent = Duration.FromHours(9);
        switch (name)
        {
            case DaysOfWeek:
                break;
            case CustomHolidays:
                AddYearly(calendar, new LocalDate(2025, 1, 1));
                AddYearly(calendar, new LocalDate(2025, 6, 19));
                AddYearly(calendar, new LocalDate(2025, 7, 4));
                longestEvent = Duration.FromDays(1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown benchmark frame.");
        }

        return new IcalFrame(calendar, ZoneId, (int)longestEvent.TotalHours);
    }

    /// <summary>
    /// 64 instants spread over 2025–2026: the three holidays (their edges and middles, incl. New Year 2026 and
    /// Independence Day 2026 on a Saturday), both DST changes of both years (in the gap and both sides of the overlap),
    /// range edges (08:00, 16:59:59, 17:00, Sunday 15:00 and 17:00), then pseudo-random instants to 64.
    /// </summary>
    public static Instant[] QueryInstants()
    {
        var instants = new List<Instant>
        {
            Local(2025, 1, 1, 0, 0, 0),
            Local(2025, 1, 1, 12, 0, 0),
            Local(2025, 1, 1, 23, 59, 59),
            Local(2025, 1, 2, 0, 0, 0),
            Local(2025, 6, 19, 7, 0, 0),
            Local(2025, 6, 19, 19, 0, 0),
            Local(2025, 7, 4, 3, 0, 0),
            Local(2025, 7, 4, 22, 0, 0),
            Local(2026, 1, 1, 20, 0, 0),
            Local(2026, 6, 19, 6, 0, 0),
            Local(2026, 7, 4, 10, 0, 0),
            Local(2026, 7, 3, 20, 0, 0),
            Local(2025, 3, 9, 1, 59, 59),
            Local(2025, 3, 9, 3, 0, 0),
            Local(2025, 3, 9, 8, 0, 0),
            Local(2025, 3, 10, 8, 0, 0),
            Local(2026, 3, 8, 16, 0, 0),
            Local(2026, 3, 9, 7, 59, 59),
            Instant.FromUtc(2025, 11, 2, 5, 30),
            Instant.FromUtc(2025, 11, 2, 6, 30),
            Local(2025, 11, 2, 17, 30, 0),
            Local(2025, 11, 3, 16, 59, 59),
            Instant.FromUtc(2026, 11, 1, 5, 30),
            Instant.FromUtc(2026, 11, 1, 6, 30),
            Local(2025, 2, 12, 8, 0, 0),
            Local(2025, 2, 12, 17, 0, 0),
            Local(2025, 5, 11, 15, 0, 0),
            Local(2025, 5, 11, 17, 0, 0),
            Local(2025, 12, 31, 23, 0, 0),
            Local(2026, 12, 31, 12, 0, 0),
        };

        var random = new Random(20251126);
        var from = Instant.FromUtc(2025, 1, 1, 5, 0).ToUnixTimeSeconds();
        var to = Instant.FromUtc(2027, 1, 1, 5, 0).ToUnixTimeSeconds();
        while (instants.Count < 64)
        {
            instants.Add(Instant.FromUnixTimeSeconds(random.NextInt64(from, to)));
        }

        return [.. instants];
    }

    /// <summary>
    /// Several hundred instants for the check that both sides agree: <see cref="QueryInstants"/>, every 30 minutes of
    /// the days around the holidays and DST changes, each range edge and the second before it on a sample of days,
    /// and more pseudo-random instants.
    /// </summary>
    public static Instant[] CheckInstants()
    {
        var instants = new List<Instant>(QueryInstants());
        LocalDate[] days =
        [
            new(2025, 1, 1), new(2025, 3, 9), new(2025, 6, 19), new(2025, 7, 4), new(2025, 11, 2),
            new(2026, 1, 1), new(2026, 3, 8), new(2026, 7, 3), new(2026, 7, 4), new(2026, 11, 1),
        ];
        foreach (var day in days)
        {
            var start = Zone.AtStartOfDay(day.PlusDays(-1)).ToInstant();
            for (var i = 0; i < 3 * 48; i++)
            {
                instants.Add(start.Plus(Duration.FromMinutes(30 * i)));
            }
        }

        int[] edges = [8 * 3600, 15 * 3600, 17 * 3600, 18 * 3600];
        for (var day = new LocalDate(2025, 1, 5); day < new LocalDate(2027, 1, 1); day = day.PlusDays(23))
        {
            foreach (var edge in edges)
            {
                var at = Zone.AtLeniently(day.AtMidnight().PlusSeconds(edge)).ToInstant();
                instants.Add(at);
                instants.Add(at.Minus(Duration.FromSeconds(1)));
            }
        }

        var random = new Random(7);
        var from = Instant.FromUtc(2025, 1, 1, 5, 0).ToUnixTimeSeconds();
        var to = Instant.FromUtc(2027, 1, 1, 5, 0).ToUnixTimeSeconds();
        for (var i = 0; i < 200; i++)
        {
            instants.Add(Instant.FromUnixTimeSeconds(random.NextInt64(from, to)));
        }

        return [.. instants];
    }

    private static Instant Local(int year, int month, int day, int hour, int minute, int second) =>
        Zone.AtStrictly(new LocalDateTime(year, month, day, hour, minute, second)).ToInstant();

    private static void AddWeekly(Calendar calendar, LocalDate firstDay, TimeRange range, string byDay)
    {
        var calendarEvent = new CalendarEvent
        {
            Start = At(firstDay, range.Start),
            End = At(firstDay, range.End),
            RecurrenceRule = new RecurrenceRule("FREQ=WEEKLY;BYDAY=" + byDay),
        };
        calendar.Events.Add(calendarEvent);
    }

    private static void AddYearly(Calendar calendar, LocalDate date)
    {
        var calendarEvent = new CalendarEvent
        {
            Start = At(date, LocalTime.Midnight),
            Duration = Ical.Net.DataTypes.Duration.FromDays(1),
            RecurrenceRule = new RecurrenceRule($"FREQ=YEARLY;BYMONTH={date.Month};BYMONTHDAY={date.Day}"),
        };
        calendar.Events.Add(calendarEvent);
    }

    private static CalDateTime At(LocalDate date, LocalTime time) =>
        new(date.Year, date.Month, date.Day, time.Hour, time.Minute, time.Second, ZoneId);
}

/// <summary>A frame as an Ical.Net calendar, queried the way an Ical.Net 5 user asks "is it active at t".</summary>
/// <param name="Calendar">The events of the frame, all in <paramref name="ZoneId"/>.</param>
/// <param name="ZoneId">The time zone of the events.</param>
/// <param name="LongestEventHours">The length of the longest event, which bounds how far back an occurrence covering t can start.</param>
internal sealed record IcalFrame(Calendar Calendar, string ZoneId, int LongestEventHours)
{
    /// <summary>
    /// Enumerates the occurrences from the start of t's local day minus the longest event, while they start at or
    /// before t, and tells whether one of them contains t (<c>Period.Contains</c> is <c>[start, end)</c>).
    /// </summary>
    public bool IsActive(Instant instant)
    {
        var at = new CalDateTime(instant.ToDateTimeUtc(), CalDateTime.UtcTzId);
        var local = at.ToTimeZone(ZoneId);
        var windowStart = new CalDateTime(local.Date, TimeOnly.MinValue, ZoneId).AddHours(-LongestEventHours);
        return Calendar.GetOccurrences(windowStart, options: null)
            .TakeWhile(occurrence => occurrence.Period.StartTime.LessThanOrEqual(at))
            .Any(occurrence => occurrence.Period.Contains(at));
    }
}
