using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace K7.TimeFrames.Tests.Serialization;

/// <summary>Time-frame JSON after a few random one-character edits (delete, insert, replace).</summary>
/// <param name="Original">The serializer's output the edits started from.</param>
/// <param name="Text">The edited text.</param>
public sealed record MutatedJson(string Original, string Text)
{
    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>
/// FsCheck generators of valid time frames of all five kinds for the JSON tests: every rule of
/// <see cref="TimeFrameValidator"/> is respected (distinct weekdays, non-overlapping ranges and intervals, start before
/// end, recurrences within range, start dates where a count or an interval needs one, no holiday picked twice).
/// </summary>
internal static class JsonGenerators
{
    /// <summary>The zones frames are generated in, including one with a 30-minute DST shift.</summary>
    public static readonly string[] ZoneIds = ["America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"];

    private static readonly string[] NameParts =
    [
        "Office", "hours", "Early", "Release", " ", " ", "-", "7", "&", "<b>", "'", "\"", "\\", "/", "é", "Zürich", "日本", "😀",
        "\u00A0", "\u2028", "{", "}",
    ];

    private static readonly IsoDayOfWeek[] AllDays =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    private static readonly WeekdayOrdinal[] Ordinals =
    [
        WeekdayOrdinal.First, WeekdayOrdinal.Second, WeekdayOrdinal.Third, WeekdayOrdinal.Fourth, WeekdayOrdinal.Fifth, WeekdayOrdinal.Last,
    ];

    private static readonly DateFrequency[] Frequencies =
    [
        DateFrequency.Daily, DateFrequency.Weekly, DateFrequency.MonthlyByDayOfMonth, DateFrequency.MonthlyByWeekday, DateFrequency.Yearly,
    ];

    private static readonly char[] EditChars =
    [
        '{', '}', '[', ']', '"', ',', ':', ' ', '\n', '\\', '/', '-', '.', '0', '1', '9', 'e', 't', 'f', 'n', 'u', 'x', 'é', '\uD800', '\u0000',
    ];

    /// <summary>Gets the arbitrary of valid time frames.</summary>
    public static Arbitrary<TimeFrame> Frames() => Arb.From(Frame);

    /// <summary>Gets the arbitrary of mutated time-frame JSON.</summary>
    public static Arbitrary<MutatedJson> Mutations() => Arb.From(Mutation);

    /// <summary>Gets a generator of valid time frames.</summary>
    public static Gen<TimeFrame> Frame =>
        from name in Name
        from owner in Owner
        from zone in Gen.Elements(ZoneIds)
        from definition in Definition
        select new TimeFrame(name, owner, DateTimeZoneProviders.Tzdb[zone], definition);

    /// <summary>Gets a generator of serialized frames (compact or indented) with one to three random edits.</summary>
    public static Gen<MutatedJson> Mutation =>
        from frame in Frame
        from indented in Gen.Elements(false, true)
        from count in Gen.Choose(1, 3)
        from edits in Gen.ArrayOf(Edit, count)
        select Apply(TimeFrameJson.Serialize(frame, indented), edits);

    private static Gen<(int Operation, int Position, char Char)> Edit =>
        from operation in Gen.Choose(0, 2)
        from position in Gen.Choose(0, int.MaxValue)
        from c in Gen.Elements(EditChars)
        select (operation, position, c);

    private static Gen<string> Name =>
        from count in Gen.Choose(1, 8)
        from parts in Gen.ArrayOf(Gen.Elements(NameParts), count)
        let name = string.Concat(parts).Trim()
        select name.Length == 0 ? "Frame" : name;

    private static Gen<TimeFrameOwner> Owner =>
        Gen.Frequency(
            (1, Gen.Constant(TimeFrameOwner.Domain)),
            (2, Gen.Elements("202", "alice", "ext 7", "é-ü").Select(TimeFrameOwner.User)));

    private static Gen<TimeFrameDefinition> Definition =>
        Gen.Frequency(
            (1, Gen.Constant<TimeFrameDefinition>(AlwaysDefinition.Instance)),
            (3, DaysOfWeek.Select(d => (TimeFrameDefinition)d)),
            (3, SpecificDates.Select(d => (TimeFrameDefinition)d)),
            (3, Holidays.Select(d => (TimeFrameDefinition)d)),
            (2, Custom.Select(d => (TimeFrameDefinition)d)));

    private static Gen<CustomDefinition> Custom =>
        from count in Gen.Choose(1, 3)
        from children in Gen.ArrayOf(
            Gen.OneOf(
                DaysOfWeek.Select(d => (TimeFrameDefinition)d),
                SpecificDates.Select(d => (TimeFrameDefinition)d),
                Holidays.Select(d => (TimeFrameDefinition)d)),
            count)
        select new CustomDefinition(children);

    private static Gen<DaysOfWeekDefinition> DaysOfWeek =>
        from order in Gen.Shuffle(AllDays)
        from count in Gen.Choose(1, 7)
        from schedules in Gen.CollectToArray(order.Take(count), day => Ranges.Select(r => new DaySchedule(day) { Ranges = r }))
        from recurrence in Gen.Frequency(
            (3, Gen.Constant(DaysOfWeekRecurrence.EveryWeek)),
            (2, Interval.Select(n => DaysOfWeekRecurrence.Weekly(n))),
            (2, from ordinal in Gen.Elements(Ordinals) from n in Interval select DaysOfWeekRecurrence.Monthly(ordinal, n)))
        from hasStart in Gen.Elements(true, false)
        from start in Date
        from end in End(start)
        let needsStart = recurrence.Interval > 1 || end.Count is not null
        select new DaysOfWeekDefinition(schedules)
        {
            Recurrence = recurrence,
            StartDate = hasStart || needsStart ? start : null,
            End = end,
        };

    /// <summary>Non-overlapping ranges of one day in random order: the whole day, or up to three ranges of which the
    /// latest may cross midnight.</summary>
    private static Gen<ImmutableArray<TimeRange>> Ranges =>
        Gen.Frequency(
            (1, Gen.Constant(ImmutableArray.Create(TimeRange.WholeDay))),
            (6, from pairs in Gen.Choose(1, 3)
                from seconds in Gen.ArrayOf(SecondOfDay, 2 * pairs)
                from crosses in Gen.Elements(false, false, true)
                let points = seconds.Distinct().Order().ToArray()
                from order in Gen.Shuffle(Pair(points, crosses))
                select points.Length < 2 ? ImmutableArray.Create(TimeRange.WholeDay) : [.. order]));

    private static Gen<int> SecondOfDay =>
        Gen.Frequency((4, Gen.Choose(0, 1439).Select(m => m * 60)), (1, Gen.Choose(0, 86_399)));

    private static Gen<int> Interval => Gen.Frequency((4, Gen.Choose(1, 4)), (1, Gen.Choose(1, 99)));

    private static Gen<LocalDate> Date =>
        from year in Gen.Frequency((4, Gen.Choose(2000, 2060)), (1, Gen.Choose(1900, 2189)))
        from day in Gen.Choose(1, 365)
        select new LocalDate(year, 1, 1).PlusDays(day - 1);

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    private static Gen<RecurrenceEnd> End(LocalDate start) =>
        Gen.Frequency(
            (2, Gen.Constant(RecurrenceEnd.Never)),
            (1, Gen.Choose(0, 3650).Select(days => RecurrenceEnd.On(Min(start.PlusDays(days), new LocalDate(2200, 12, 31))))),
            (1, Gen.Frequency((3, Gen.Choose(1, 20)), (1, Gen.Choose(1, 1000))).Select(RecurrenceEnd.After)));

    private static Gen<SpecificDatesDefinition> SpecificDates =>
        Gen.Frequency(
            (2, from interval in SingleInterval select new SpecificDatesDefinition(interval)),
            (1, from count in Gen.Choose(2, 4)
                from first in DateTime
                from pieces in Gen.ArrayOf(YearlyPiece, count)
                from order in Gen.Shuffle(Sequential(first, pieces))
                select new SpecificDatesDefinition(order)));

    private static Gen<SpecificDateInterval> SingleInterval =>
        from start in DateTime
        from recurrence in Gen.Frequency((1, Gen.Constant<DateRecurrence?>(null)), (3, Recurrence(start.Date).Select(r => (DateRecurrence?)r)))
        from length in Length(recurrence is null ? 3650 : (int)Math.Min(TimeFrameValidator.MinPeriodDays(recurrence), 3650))
        select new SpecificDateInterval(start, start.PlusSeconds(length), recurrence);

    private static Gen<DateRecurrence> Recurrence(LocalDate start) =>
        from frequency in Gen.Elements(Frequencies)
        from interval in Interval
        from end in End(start)
        select new DateRecurrence(frequency, interval, end);

    /// <summary>A gap before the interval, its length in seconds (at most a year) and whether it recurs every year
    /// (and until when, days after its start).</summary>
    private static Gen<(long Gap, long Length, int? YearlyUntil, bool Yearly)> YearlyPiece =>
        from gap in Gen.Choose(0, 30 * 86_400)
        from length in Length(365)
        from yearly in Gen.Elements(false, true)
        from until in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 3650).Select(d => (int?)d)))
        select ((long)gap, length, until, yearly);

    /// <summary>Lengths in seconds from 1 to <paramref name="maxDays"/> days, mostly short.</summary>
    private static Gen<long> Length(int maxDays) =>
        from days in Gen.Frequency((3, Gen.Choose(1, Math.Min(maxDays, 3))), (1, Gen.Choose(1, maxDays)))
        from seconds in Gen.Choose(0, 86_399)
        select Math.Max(1L, (days * 86_400L) - seconds);

    private static Gen<LocalDateTime> DateTime =>
        from year in Gen.Frequency((4, Gen.Choose(2000, 2060)), (1, Gen.Choose(1900, 2150)))
        from day in Gen.Choose(1, 365)
        from second in SecondOfDay
        select new LocalDate(year, 1, 1).PlusDays(day - 1).AtMidnight().PlusSeconds(second);

    private static Gen<HolidaysDefinition> Holidays =>
        from order in Gen.Shuffle(Enumerable.Range(0, 5).ToArray())
        from count in Gen.Choose(1, 5)
        from selections in Gen.CollectToArray(order.Take(count), Holiday)
        from observed in Gen.Frequency(
            (2, Gen.Constant(ObservedHolidayRules.UnitedStates)),
            (1, Gen.Constant(ObservedHolidayRules.None)),
            (2, Observed))
        select new HolidaysDefinition(selections) { Observed = observed };

    /// <summary>One of five distinct holidays (two from the calendar, three company-defined), so none is picked twice.</summary>
    private static Gen<HolidaySelection> Holiday(int which) =>
        from basic in which switch
        {
            0 => Gen.Constant(HolidaySelection.FromCalendar("US", "independence-day")),
            1 => Gen.Constant(HolidaySelection.FromCalendar("US", "juneteenth")),
            _ => from name in Name
                 from rule in Rule
                 select HolidaySelection.FromCompany(new CompanyHoliday(which == 2 ? "founders-day" : which == 3 ? "summer-picnic-2" : "good-friday", name, rule)),
        }
        from time in Gen.Frequency(
            (2, Gen.Constant(TimeRange.WholeDay)),
            (1, from s in SecondOfDay from e in SecondOfDay select new TimeRange(LocalTime.FromSecondsSinceMidnight(s), LocalTime.FromSecondsSinceMidnight(e))))
        from onlyInYear in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(1900, 2200).Select(y => (int?)y)))
        from until in Gen.Frequency((2, Gen.Constant<LocalDate?>(null)), (1, Date.Select(d => (LocalDate?)d)))
        select basic with { Time = time, OnlyInYear = onlyInYear, Until = onlyInYear is null ? until : null };

    private static Gen<CompanyHolidayRule> Rule =>
        Gen.OneOf(
            from month in Gen.Choose(1, 12)
            from day in Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(2000, month))
            select (CompanyHolidayRule)new FixedDateHolidayRule(month, day),
            from month in Gen.Choose(1, 12)
            from day in Gen.Elements(AllDays)
            from ordinal in Gen.Elements(Ordinals)
            select (CompanyHolidayRule)new WeekdayOfMonthHolidayRule(month, day, ordinal),
            Gen.Choose(-EasterOffsetHolidayRule.MaxOffset, EasterOffsetHolidayRule.MaxOffset).Select(d => (CompanyHolidayRule)new EasterOffsetHolidayRule(d)));

    private static Gen<ObservedHolidayRules> Observed =>
        from workWeek in Gen.Choose(1, 127)
        from shifts in Gen.ArrayOf(Gen.Elements(ObservedShift.NotMoved, ObservedShift.PrecedingWorkday, ObservedShift.FollowingWorkday, ObservedShift.Both), 7)
        from keep in Gen.Elements(false, true)
        select new ObservedHolidayRules
        {
            WorkWeek = (Weekdays)workWeek,
            Monday = shifts[0],
            Tuesday = shifts[1],
            Wednesday = shifts[2],
            Thursday = shifts[3],
            Friday = shifts[4],
            Saturday = shifts[5],
            Sunday = shifts[6],
            KeepActualDay = keep,
        };

    /// <summary>Pairs sorted distinct seconds of the day into ranges; with <paramref name="crosses"/> the last range
    /// runs from its end point over midnight to the smallest point instead, which overlaps no other range.</summary>
    private static TimeRange[] Pair(int[] points, bool crosses)
    {
        var count = points.Length / 2;
        var ranges = new TimeRange[count];
        for (var i = 0; i < count; i++)
        {
            ranges[i] = new TimeRange(LocalTime.FromSecondsSinceMidnight(points[2 * i]), LocalTime.FromSecondsSinceMidnight(points[(2 * i) + 1]));
        }

        if (crosses && count > 0)
        {
            // The last pair becomes largest point -> smallest point, over midnight: it starts after every other range.
            ranges[^1] = new TimeRange(LocalTime.FromSecondsSinceMidnight(points[(2 * count) - 1]), LocalTime.FromSecondsSinceMidnight(points[0]));
        }

        return ranges;
    }

    /// <summary>Lays intervals end to start (gaps allowed), each not recurring or recurring every year.</summary>
    private static SpecificDateInterval[] Sequential(LocalDateTime first, (long Gap, long Length, int? YearlyUntil, bool Yearly)[] pieces)
    {
        var intervals = new SpecificDateInterval[pieces.Length];
        var at = first;
        for (var i = 0; i < pieces.Length; i++)
        {
            var start = at.PlusSeconds(pieces[i].Gap);
            var end = start.PlusSeconds(pieces[i].Length);
            DateRecurrence? recurrence = null;
            if (pieces[i].Yearly)
            {
                var until = pieces[i].YearlyUntil is { } days ? RecurrenceEnd.On(start.Date.PlusDays(days)) : RecurrenceEnd.Never;
                recurrence = new DateRecurrence(DateFrequency.Yearly, 1, until);
            }

            intervals[i] = new SpecificDateInterval(start, end, recurrence);
            at = end;
        }

        return intervals;
    }

    private static MutatedJson Apply(string json, (int Operation, int Position, char Char)[] edits)
    {
        var text = json;
        foreach (var (operation, position, c) in edits)
        {
            var at = position % (text.Length + 1);
            text = operation switch
            {
                0 when at < text.Length => text.Remove(at, 1),
                1 => text.Insert(at, c.ToString()),
                _ when at < text.Length => string.Concat(text.AsSpan(0, at), c.ToString(), text.AsSpan(at + 1)),
                _ => text + c,
            };
        }

        return new MutatedJson(json, text);
    }
}
