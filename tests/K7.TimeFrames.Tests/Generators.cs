using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace K7.TimeFrames.Tests;

/// <summary>A valid time frame and an instant at which to evaluate it.</summary>
/// <param name="Frame">The frame.</param>
/// <param name="Instant">The instant.</param>
public sealed record FrameAt(TimeFrame Frame, Instant Instant)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Generators.Describe(Frame)} at {Generators.Describe(Frame.Zone, Instant)}";
}

/// <summary>A valid time frame, an instant and a window [Start, End) of up to ten days that contains it.</summary>
/// <param name="Frame">The frame.</param>
/// <param name="Instant">An instant in the window.</param>
/// <param name="Start">The start of the window.</param>
/// <param name="End">The end of the window (exclusive).</param>
public sealed record FrameWindow(TimeFrame Frame, Instant Instant, Instant Start, Instant End)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Generators.Describe(Frame)} at {Generators.Describe(Frame.Zone, Instant)} in [{Start}, {End})";
}

/// <summary>A valid custom time frame and an instant.</summary>
/// <param name="Frame">The frame, whose definition is a <see cref="CustomDefinition"/>.</param>
/// <param name="Instant">The instant.</param>
public sealed record CustomFrameAt(TimeFrame Frame, Instant Instant)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Generators.Describe(Frame)} at {Generators.Describe(Frame.Zone, Instant)}";
}

/// <summary>
/// A recurring days-of-week or single specific-dates frame in a zone without DST (UTC or Asia/Kolkata), in the subset
/// that maps one to one onto RFC 5545 (every selected day has the same ranges), with a window to compare in.
/// </summary>
/// <param name="Frame">The frame.</param>
/// <param name="Start">The start of the window.</param>
/// <param name="End">The end of the window (exclusive).</param>
public sealed record RecurrenceCase(TimeFrame Frame, Instant Start, Instant End)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Generators.Describe(Frame)} in [{Start}, {End})";
}

/// <summary>Text that may or may not be a time range, for the parsers.</summary>
/// <param name="Text">The text.</param>
public sealed record RangeText(string Text)
{
    /// <inheritdoc/>
    public override string ToString() => $"\"{Text}\"";
}

/// <summary>FsCheck generators of valid time frames (every rule of the validator respected), instants and windows.</summary>
public static class Generators
{
    /// <summary>The zones frames are generated in: no DST, DST in both hemispheres, a 30-minute DST, a half-hour offset.</summary>
    public static readonly string[] ZoneIds =
        ["UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "America/Sao_Paulo"];

    /// <summary>The US calendar holidays frames pick from.</summary>
    public static readonly string[] UsHolidayIds =
        ["new-year", "independence-day", "juneteenth", "christmas", "thanksgiving", "labor-day"];

    private const int FirstYear = 2019;
    private const int LastYear = 2031;

    private static readonly LocalDate FirstDate = new(FirstYear, 1, 1);
    private static readonly int DayCount = Period.Between(FirstDate, new LocalDate(LastYear, 12, 31), PeriodUnits.Days).Days;
    private static readonly Instant FirstInstant = Instant.FromUtc(FirstYear, 1, 1, 0, 0);
    private static readonly int SecondCount = (int)(Instant.FromUtc(LastYear + 1, 1, 1, 0, 0) - FirstInstant).TotalSeconds;
    private static readonly Dictionary<string, Instant[]> Transitions = ZoneIds.ToDictionary(id => id, TransitionsOf);

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

    /// <summary>Gets frames of every kind with an instant: half uniform in 2019–2031, 30% near a boundary of the frame or a DST transition, 20% inside a probable active interval.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<FrameAt> FrameAt() =>
        Arb.From(
            FrameGen(AnyDefinition()).SelectMany(frame => InstantGen(frame).Select(t => new FrameAt(frame, t))),
            x => ShrinkFrame(x.Frame).Select(f => new FrameAt(f, x.Instant)));

    /// <summary>Gets frames with an instant and a window of up to ten days around it.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<FrameWindow> FrameWindow() =>
        Arb.From(
            from frame in FrameGen(AnyDefinition())
            from t in InstantGen(frame)
            from before in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 86_400)), (3, Gen.Choose(0, 864_000 - 1)))
            from after in Gen.Choose(1, 864_000 - before)
            select new FrameWindow(frame, t, t - Duration.FromSeconds(before), t + Duration.FromSeconds(after)),
            x => ShrinkFrame(x.Frame).Select(f => x with { Frame = f }));

    /// <summary>Gets custom frames (1–3 children) with an instant.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<CustomFrameAt> CustomFrameAt() =>
        Arb.From(
            FrameGen(CustomDefinitionGen()).SelectMany(frame => InstantGen(frame).Select(t => new CustomFrameAt(frame, t))),
            x => ShrinkFrame(x.Frame).Where(f => f.Definition is CustomDefinition).Select(f => new CustomFrameAt(f, x.Instant)));

    /// <summary>Gets recurring frames expressible in RFC 5545, in UTC or Asia/Kolkata, with a window of up to 45 days.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RecurrenceCase> RecurrenceCase() =>
        Arb.From(
            from zone in Gen.Elements("UTC", "Asia/Kolkata").Select(id => DateTimeZoneProviders.Tzdb[id])
            from definition in Gen.OneOf(UniformDaysDefinition(), RecurringIntervalDefinition())
            from anchor in Gen.Constant(AnchorDate(definition))
            from offset in Gen.Frequency((2, Gen.Choose(-7, 120)), (5, Gen.Choose(-7, SpanDays(definition) + 7)), (1, Gen.Choose(0, 4000)))
            from hour in Gen.Choose(0, 23)
            from days in Gen.Frequency((2, Gen.Choose(1, 3)), (3, Gen.Choose(1, 45)))
            let frame = new TimeFrame("Recurrence", TimeFrameOwner.User("202"), zone, definition)
            let start = zone.AtStrictly(anchor.PlusDays(offset).AtMidnight().PlusHours(hour)).ToInstant()
            select new RecurrenceCase(frame, start, start + Duration.FromDays(days)),
            x => ShrinkFrame(x.Frame).Where(IsRecurrenceCase).Select(f => x with { Frame = f }));

    /// <summary>Whether a frame is in the subset of <see cref="K7.TimeFrames.Tests.RecurrenceCase"/>: the same ranges on every day, or one recurring interval.</summary>
    /// <param name="frame">The frame.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public static bool IsRecurrenceCase(TimeFrame frame) => frame?.Definition switch
    {
        DaysOfWeekDefinition days => days.Days.All(d => d.Ranges.SequenceEqual(days.Days[0].Ranges)),
        SpecificDatesDefinition dates => dates.Intervals is [{ Recurrence: not null }],
        _ => false,
    };

    /// <summary>Gets whole-second time ranges.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<TimeRange> TimeRange() =>
        Arb.From(
            from start in Gen.Frequency((3, Gen.Choose(0, 1439).Select(m => m * 60)), (1, Gen.Choose(0, 86_399)))
            from end in Gen.Frequency((3, Gen.Choose(0, 1439).Select(m => m * 60)), (1, Gen.Choose(0, 86_399)), (1, Gen.Constant(start)))
            select new TimeRange(LocalTime.FromSecondsSinceMidnight(start), LocalTime.FromSecondsSinceMidnight(end)));

    /// <summary>Gets arbitrary text, biased towards strings that look like time ranges.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RangeText> RangeText()
    {
        var alphabet = "0123456789:-\u2013 \t.aZ+\u00e9\u0000".ToCharArray();
        var nearValid = Gen.ArrayOf(Gen.Elements(alphabet)).Select(chars => new string(chars));
        var mutated =
            from range in TimeRange().Generator
            from position in Gen.Choose(0, 20)
            from c in Gen.Elements(alphabet)
            from mode in Gen.Choose(0, 2)
            select Mutate(range.ToString(), position, c, mode);
        var any = ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? string.Empty);
        return Arb.From(Gen.OneOf(nearValid, mutated, any).Select(s => new RangeText(s)));
    }

    // ---- Frames ---------------------------------------------------------------------------------------------

    /// <summary>A frame around a definition, in a random zone.</summary>
    /// <param name="definition">The definition generator.</param>
    /// <returns>The frame generator.</returns>
    public static Gen<TimeFrame> FrameGen(Gen<TimeFrameDefinition> definition) =>
        from zoneId in Gen.Elements(ZoneIds)
        from d in definition
        select new TimeFrame("Frame", TimeFrameOwner.User("202"), DateTimeZoneProviders.Tzdb[zoneId], d);

    /// <summary>Any definition: always, days of the week, specific dates, holidays or custom.</summary>
    /// <returns>The generator.</returns>
    public static Gen<TimeFrameDefinition> AnyDefinition() =>
        Gen.Frequency(
            (1, Gen.Constant<TimeFrameDefinition>(AlwaysDefinition.Instance)),
            (5, DaysDefinition()),
            (5, DatesDefinition()),
            (4, HolidaysDefinitionGen()),
            (3, CustomDefinitionGen()));

    /// <summary>A custom definition of 1–3 children.</summary>
    /// <returns>The generator.</returns>
    public static Gen<TimeFrameDefinition> CustomDefinitionGen() =>
        from count in Gen.Choose(1, 3)
        from children in Gen.ArrayOf(Gen.OneOf(DaysDefinition(), DatesDefinition(), HolidaysDefinitionGen()), count)
        select (TimeFrameDefinition)new CustomDefinition(children);

    /// <summary>A days-of-week definition: 1–7 distinct days, each with 1–3 non-overlapping ranges.</summary>
    /// <returns>The generator.</returns>
    public static Gen<TimeFrameDefinition> DaysDefinition() =>
        from days in DaySubset()
        from schedules in Gen.CollectToArray(days, day => RangesGen().Select(r => new DaySchedule(day, r)))
        from recurrence in RecurrenceGen()
        from start in DateGen()
        from withStart in Gen.Elements(true, false)
        from endKind in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(2)))
        from endDays in Gen.Frequency((3, Gen.Choose(0, 120)), (2, Gen.Choose(0, 2000)))
        from count in Gen.Frequency((3, Gen.Choose(1, 10)), (2, Gen.Choose(1, 50)))
        select (TimeFrameDefinition)BuildDays(schedules, recurrence, start, withStart, endKind, endDays, count);

    /// <summary>A specific-dates definition: one interval with any recurrence, or several with the limited recurrence.</summary>
    /// <returns>The generator.</returns>
    public static Gen<TimeFrameDefinition> DatesDefinition() =>
        Gen.Frequency((3, SingleIntervalDefinition()), (1, SeveralIntervalsDefinition()));

    /// <summary>A holidays definition: 1–4 US calendar or company holidays with random observed rules.</summary>
    /// <returns>The generator.</returns>
    public static Gen<TimeFrameDefinition> HolidaysDefinitionGen() =>
        from count in Gen.Choose(1, 4)
        from sources in Gen.Shuffle(Enumerable.Range(0, UsHolidayIds.Length + CompanyRules.Length).ToArray())
        from selections in Gen.CollectToArray(sources.Take(count), SelectionGen)
        from observed in ObservedGen()
        select (TimeFrameDefinition)new HolidaysDefinition(selections) { Observed = observed };

    /// <summary>Days of the week with the same ranges on every selected day (so that one RFC 5545 event per range fits).</summary>
    /// <returns>The generator.</returns>
    public static Gen<TimeFrameDefinition> UniformDaysDefinition() =>
        from days in DaySubset()
        from ranges in Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(RangeGen(), n)).Select(NonOverlapping)
        from recurrence in RecurrenceGen()
        from start in DateGen()
        from withStart in Gen.Elements(true, false)
        from endKind in Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Constant(1)), (3, Gen.Constant(2)))
        from endDays in Gen.Frequency((3, Gen.Choose(0, 120)), (2, Gen.Choose(0, 2000)))
        from count in Gen.Frequency((3, Gen.Choose(1, 10)), (2, Gen.Choose(1, 50)))
        select (TimeFrameDefinition)BuildDays(
            [.. days.Select(d => new DaySchedule(d, ranges))], recurrence, start, withStart, endKind, endDays, count);

    /// <summary>One specific-dates interval that always recurs.</summary>
    /// <returns>The generator.</returns>
    public static Gen<TimeFrameDefinition> RecurringIntervalDefinition() =>
        from start in DateTimeGen()
        from recurrence in DateRecurrenceGen(start.Date)
        from minutes in LengthGen(MaxLengthDays(recurrence) * 1440)
        select (TimeFrameDefinition)new SpecificDatesDefinition(new SpecificDateInterval(start, start.PlusMinutes(minutes), recurrence));

    /// <summary>The longest an interval may last with a recurrence: the shortest period (docs/timeframes.md).</summary>
    private static long MaxLengthDays(DateRecurrence recurrence) => recurrence.Frequency switch
    {
        DateFrequency.Daily => recurrence.Interval,
        DateFrequency.Weekly => 7L * recurrence.Interval,
        DateFrequency.Yearly => 365L * recurrence.Interval,
        _ => 28L * recurrence.Interval,
    };

    private static Gen<TimeFrameDefinition> SingleIntervalDefinition() =>
        from start in DateTimeGen()
        from recurs in Gen.Frequency((1, Gen.Constant(false)), (4, Gen.Constant(true)))
        from recurrence in DateRecurrenceGen(start.Date)
        let max = recurs ? MaxLengthDays(recurrence) * 1440 : 20 * 1440
        from minutes in LengthGen(max)
        select (TimeFrameDefinition)new SpecificDatesDefinition(
            new SpecificDateInterval(start, start.PlusMinutes(minutes), recurs ? recurrence : null));

    private static Gen<TimeFrameDefinition> SeveralIntervalsDefinition()
    {
        var one =
            from start in DateTimeGen()
            from minutes in LengthGen(10 * 1440)
            from kind in Gen.Choose(0, 2)
            from endDays in Gen.Choose(0, 3000)
            let recurrence = kind switch
            {
                0 => null,
                1 => new DateRecurrence(DateFrequency.Yearly),
                _ => new DateRecurrence(DateFrequency.Yearly, 1, RecurrenceEnd.On(start.Date.PlusDays(endDays))),
            }
            select new SpecificDateInterval(start, start.PlusMinutes(minutes), recurrence);
        return from count in Gen.Choose(2, 3)
               from intervals in Gen.ArrayOf(one, count)
               select (TimeFrameDefinition)new SpecificDatesDefinition(NonOverlapping(intervals));
    }

    private static SpecificDateInterval[] NonOverlapping(SpecificDateInterval[] intervals)
    {
        var kept = new List<SpecificDateInterval>();
        foreach (var interval in intervals)
        {
            if (!kept.Any(k => interval.Start < k.End && k.Start < interval.End))
            {
                kept.Add(interval);
            }
        }

        return [.. kept];
    }

    private static DaysOfWeekDefinition BuildDays(
        DaySchedule[] schedules, DaysOfWeekRecurrence recurrence, LocalDate start, bool withStart, int endKind, int endDays, int count)
    {
        var needsStart = recurrence.Interval > 1 || endKind == 2;
        LocalDate? startDate = needsStart || withStart ? start : null;
        var end = endKind switch
        {
            1 => RecurrenceEnd.On(start.PlusDays(endDays)),
            2 => RecurrenceEnd.After(count),
            _ => RecurrenceEnd.Never,
        };
        return new DaysOfWeekDefinition(schedules) { Recurrence = recurrence, StartDate = startDate, End = end };
    }

    private static Gen<IsoDayOfWeek[]> DaySubset() =>
        from shuffled in Gen.Shuffle(AllDays)
        from count in Gen.Frequency((3, Gen.Choose(1, 3)), (2, Gen.Choose(1, 7)))
        select shuffled.Take(count).ToArray();

    private static Gen<DaysOfWeekRecurrence> RecurrenceGen() =>
        Gen.Frequency(
            (4, Gen.Constant(DaysOfWeekRecurrence.EveryWeek)),
            (3, Gen.Choose(2, 5).Select(n => DaysOfWeekRecurrence.Weekly(n))),
            (1, Gen.Choose(6, 99).Select(n => DaysOfWeekRecurrence.Weekly(n))),
            (4, from ordinal in Gen.Elements(Ordinals)
                from n in Gen.Frequency((3, Gen.Constant(1)), (2, Gen.Choose(2, 3)), (1, Gen.Choose(4, 99)))
                select DaysOfWeekRecurrence.Monthly(ordinal, n)));

    private static Gen<DateRecurrence> DateRecurrenceGen(LocalDate start) =>
        from frequency in Gen.Elements(Frequencies)
        from interval in Gen.Frequency((5, Gen.Constant(1)), (3, Gen.Choose(2, 4)), (1, Gen.Choose(5, 99)))
        from endKind in Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(2)))
        from endDays in Gen.Frequency((3, Gen.Choose(0, 400)), (2, Gen.Choose(0, 4000)))
        from count in Gen.Frequency((3, Gen.Choose(1, 10)), (2, Gen.Choose(1, 50)))
        select new DateRecurrence(
            frequency,
            interval,
            endKind switch
            {
                1 => RecurrenceEnd.On(start.PlusDays(endDays)),
                2 => RecurrenceEnd.After(count),
                _ => RecurrenceEnd.Never,
            });

    /// <summary>A length in minutes, from 1 to <paramref name="maxMinutes"/>, often short, sometimes the longest allowed.</summary>
    private static Gen<int> LengthGen(long maxMinutes)
    {
        var max = (int)Math.Min(maxMinutes, int.MaxValue);
        return Gen.Frequency(
            (5, Gen.Choose(1, Math.Min(max, 720))),
            (3, Gen.Choose(1, Math.Min(max, 3 * 1440))),
            (2, Gen.Choose(1, max)),
            (1, Gen.Constant(max)));
    }

    private static Gen<TimeRange> RangeGen() =>
        Gen.Frequency(
            (1, Gen.Constant(K7.TimeFrames.TimeRange.WholeDay)),
            (8, from start in Gen.Choose(0, 1439)
                from length in Gen.Frequency((5, Gen.Choose(1, 720)), (3, Gen.Choose(721, 1439)), (1, Gen.Constant(1440)))
                select new TimeRange(LocalTime.FromMinutesSinceMidnight(start), LocalTime.FromMinutesSinceMidnight((start + length) % 1440))));

    private static Gen<TimeRange[]> RangesGen() =>
        Gen.Frequency((3, Gen.Constant(1)), (2, Gen.Choose(2, 3))).SelectMany(n => Gen.ArrayOf(RangeGen(), n)).Select(NonOverlapping);

    /// <summary>Keeps the ranges that do not overlap an earlier one, each range being [start, start + length) on a 48-hour line.</summary>
    private static TimeRange[] NonOverlapping(TimeRange[] ranges)
    {
        var kept = new List<TimeRange>();
        foreach (var range in ranges)
        {
            var (s, e) = OnLine(range);
            if (!kept.Any(k => { var (ks, ke) = OnLine(k); return s < ke && ks < e; }))
            {
                kept.Add(range);
            }
        }

        return [.. kept];
    }

    private static (int Start, int End) OnLine(TimeRange range)
    {
        var start = range.Start.Hour * 3600 + range.Start.Minute * 60 + range.Start.Second;
        var end = range.End.Hour * 3600 + range.End.Minute * 60 + range.End.Second;
        return (start, end <= start ? end + 86_400 : end);
    }

    private static Gen<LocalDate> DateGen() => Gen.Choose(0, DayCount).Select(d => FirstDate.PlusDays(d));

    private static Gen<LocalDateTime> DateTimeGen() =>
        from date in DateGen()
        from minute in Gen.Frequency((3, Gen.Choose(0, 1439)), (1, Gen.Elements(0, 60, 90, 120, 150, 1380, 1410)))
        select date.AtMidnight().PlusMinutes(minute);

    // ---- Holidays -------------------------------------------------------------------------------------------

    private static readonly (string Id, CompanyHolidayRule Rule)[] CompanyRules =
    [
        ("leap-day", new FixedDateHolidayRule(2, 29)),
        ("founders-day", new FixedDateHolidayRule(10, 31)),
        ("new-years-eve", new FixedDateHolidayRule(12, 31)),
        ("day-after-thanksgiving", new WeekdayOfMonthHolidayRule(11, IsoDayOfWeek.Friday, WeekdayOrdinal.Fourth)),
        ("last-friday-of-may", new WeekdayOfMonthHolidayRule(5, IsoDayOfWeek.Friday, WeekdayOrdinal.Last)),
        ("fifth-sunday-of-march", new WeekdayOfMonthHolidayRule(3, IsoDayOfWeek.Sunday, WeekdayOrdinal.Fifth)),
        ("good-friday", new EasterOffsetHolidayRule(-2)),
        ("easter-sunday", new EasterOffsetHolidayRule(0)),
        ("whit-monday", new EasterOffsetHolidayRule(50)),
    ];

    private static Gen<HolidaySelection> SelectionGen(int source)
    {
        var baseSelection = source < UsHolidayIds.Length
            ? HolidaySelection.FromCalendar("US", UsHolidayIds[source])
            : HolidaySelection.FromCompany(new CompanyHoliday(CompanyRules[source - UsHolidayIds.Length].Id, "Company holiday", CompanyRules[source - UsHolidayIds.Length].Rule));
        return from time in Gen.Frequency((3, Gen.Constant(K7.TimeFrames.TimeRange.WholeDay)), (2, RangeGen()))
               from mode in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
               from year in Gen.Choose(baseSelection.HolidayId == "juneteenth" ? 2021 : FirstYear, LastYear)
               from until in DateGen()
               select mode switch
               {
                   1 => baseSelection with { Time = time, OnlyInYear = year },
                   2 => baseSelection with { Time = time, Until = until },
                   _ => baseSelection with { Time = time },
               };
    }

    private static Gen<ObservedHolidayRules> ObservedGen()
    {
        var shift = Gen.Elements(ObservedShift.NotMoved, ObservedShift.PrecedingWorkday, ObservedShift.FollowingWorkday, ObservedShift.Both);
        var random =
            from workWeek in Gen.Choose(1, 127).Select(w => (Weekdays)w)
            from shifts in Gen.ArrayOf(shift, 7)
            from keep in Gen.Elements(true, false)
            select new ObservedHolidayRules
            {
                WorkWeek = workWeek,
                Monday = shifts[0],
                Tuesday = shifts[1],
                Wednesday = shifts[2],
                Thursday = shifts[3],
                Friday = shifts[4],
                Saturday = shifts[5],
                Sunday = shifts[6],
                KeepActualDay = keep,
            };
        return Gen.Frequency(
            (2, Gen.Constant(ObservedHolidayRules.UnitedStates)),
            (1, Gen.Constant(ObservedHolidayRules.UnitedStates with { KeepActualDay = false })),
            (1, Gen.Constant(ObservedHolidayRules.None)),
            (3, random));
    }

    // ---- Instants -------------------------------------------------------------------------------------------

    /// <summary>
    /// An instant in 2019–2031: uniform half of the time; 30% within two hours of a boundary of the frame or a DST
    /// transition of its zone; 20% inside a local interval where the frame is probably active.
    /// </summary>
    /// <param name="frame">The frame.</param>
    /// <returns>The generator.</returns>
    public static Gen<Instant> InstantGen(TimeFrame frame)
    {
        var zone = frame.Zone;
        var uniform = Gen.Choose(0, SecondCount - 1).Select(s => FirstInstant + Duration.FromSeconds(s));
        var offset = Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Elements(-1, 1)), (5, Gen.Choose(-7200, 7200)));
        var boundary =
            from span in AnchorGen(frame.Definition)
            from atEnd in Gen.Elements(true, false)
            from late in Gen.Elements(true, false)
            from seconds in offset
            select ToInstant(zone, atEnd ? span.End : span.Start, late) + Duration.FromSeconds(seconds);
        var inside =
            from span in AnchorGen(frame.Definition)
            let length = (int)Math.Min(Period.Between(span.Start, span.End, PeriodUnits.Seconds).Seconds, int.MaxValue)
            from second in Gen.Choose(0, Math.Max(0, length - 1))
            from late in Gen.Elements(true, false)
            select ToInstant(zone, span.Start.PlusSeconds(second), late);
        var transitions = Transitions[zone.Id];
        var near = transitions.Length == 0
            ? boundary
            : Gen.Frequency(
                (2, boundary),
                (1, from t in Gen.Elements(transitions) from seconds in offset select t + Duration.FromSeconds(seconds)));
        return Gen.Frequency((5, uniform), (3, near), (2, inside));
    }

    private static Instant ToInstant(DateTimeZone zone, LocalDateTime local, bool late)
    {
        var mapping = zone.MapLocal(local);
        return mapping.Count switch
        {
            0 => zone.AtLeniently(local).ToInstant(),
            1 => mapping.Single().ToInstant(),
            _ => (late ? mapping.Last() : mapping.First()).ToInstant(),
        };
    }

    /// <summary>Local intervals of the definition, roughly where they are (the generator's guess, not an oracle).</summary>
    private static Gen<(LocalDateTime Start, LocalDateTime End)> AnchorGen(TimeFrameDefinition definition)
    {
        switch (definition)
        {
            case DaysOfWeekDefinition days:
                return from schedule in Gen.Elements(days.Days.ToArray())
                       from range in Gen.Elements(schedule.Ranges.ToArray())
                       from date in Gen.Frequency(
                           (2, DateGen()),
                           (4, Gen.Choose(0, 60).Select(k => LikelyOccurrence(days, schedule.Day, k))),
                           (1, Gen.Choose(-8, 8).Select(n => (days.End.Date ?? days.StartDate ?? FirstDate).PlusDays(n))))
                       let day = NextOrSame(date, schedule.Day)
                       select (day + range.Start, (range.End <= range.Start ? day.PlusDays(1) : day) + range.End);
            case SpecificDatesDefinition dates:
                return from interval in Gen.Elements(dates.Intervals.ToArray())
                       from k in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(0, 60)))
                       let start = Shift(interval.Start, interval.Recurrence, k)
                       select (start, start + Period.Between(interval.Start, interval.End));
            case HolidaysDefinition holidays:
                return from selection in Gen.Elements(holidays.Holidays.ToArray())
                       from year in Gen.Choose(FirstYear, Math.Max(FirstYear, Math.Min(LastYear, selection.Until?.Year ?? LastYear)))
                       from shift in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(-3, 3)))
                       let day = ApproximateDate(selection, selection.OnlyInYear ?? year).PlusDays(shift)
                       let time = selection.Time
                       select (day + time.Start, (time.End <= time.Start ? day.PlusDays(1) : day) + time.End);
            case CustomDefinition custom:
                return Gen.Elements(custom.Children.ToArray()).SelectMany(AnchorGen);
            default:
                return DateGen().Select(d => (d.AtMidnight(), d.PlusDays(1).AtMidnight()));
        }
    }

    private static LocalDateTime Shift(LocalDateTime start, DateRecurrence? recurrence, int k)
    {
        if (recurrence is null)
        {
            return start;
        }

        var n = k * recurrence.Interval;
        return recurrence.Frequency switch
        {
            DateFrequency.Daily => start.PlusDays(n),
            DateFrequency.Weekly => start.PlusWeeks(n),
            DateFrequency.Yearly => start.PlusYears(Math.Min(n, 150)),
            _ => start.PlusMonths(Math.Min(n, 1800)),
        };
    }

    private static LocalDate ApproximateDate(HolidaySelection selection, int year)
    {
        if (selection.Company is { } company)
        {
            return company.GetDate(year) ?? new LocalDate(year, 3, 1);
        }

        return selection.HolidayId switch
        {
            "new-year" => new LocalDate(year, 1, 1),
            "independence-day" => new LocalDate(year, 7, 4),
            "juneteenth" => new LocalDate(year, 6, 19),
            "christmas" => new LocalDate(year, 12, 25),
            "thanksgiving" => new LocalDate(year, 11, 25),
            "labor-day" => new LocalDate(year, 9, 4),
            _ => new LocalDate(year, 1, 1),
        };
    }

    /// <summary>Roughly the k-th repetition of <paramref name="day"/> after the start (the generator's guess, not an oracle).</summary>
    private static LocalDate LikelyOccurrence(DaysOfWeekDefinition days, IsoDayOfWeek day, int k)
    {
        var start = days.StartDate ?? FirstDate.PlusDays(7 * k);
        var recurrence = days.Recurrence;
        if (recurrence.Ordinal is not { } ordinal)
        {
            return NextOrSame(start.PlusDays(1 - (int)start.DayOfWeek).PlusDays(7 * k * recurrence.Interval), day);
        }

        var month = start.PlusMonths(Math.Min(k * recurrence.Interval, 1200));
        var first = NextOrSame(new LocalDate(month.Year, month.Month, 1), day);
        var candidates = Enumerable.Range(0, 5).Select(i => first.PlusDays(7 * i)).Where(d => d.Month == month.Month).ToList();
        return ordinal == WeekdayOrdinal.Last ? candidates[^1] : candidates[Math.Min((int)ordinal, candidates.Count) - 1];
    }

    private static LocalDate NextOrSame(LocalDate date, IsoDayOfWeek day)
    {
        var d = date;
        while (d.DayOfWeek != day)
        {
            d = d.PlusDays(1);
        }

        return d;
    }

    /// <summary>Roughly how many days the recurrence lasts, so that windows fall where it is active.</summary>
    private static int SpanDays(TimeFrameDefinition definition)
    {
        static int Span(RecurrenceEnd end, LocalDate start, double periodDays) =>
            end.Count is { } count ? (int)Math.Min(4000, (count * periodDays) + 1)
            : end.Date is { } date ? Math.Min(4000, Period.Between(start, date, PeriodUnits.Days).Days + 1)
            : 4000;

        switch (definition)
        {
            case DaysOfWeekDefinition days:
                var perPeriod = days.Recurrence.IsMonthly ? 30.0 : 7.0;
                return Span(days.End, days.StartDate ?? FirstDate, perPeriod * days.Recurrence.Interval / days.Days.Length);
            case SpecificDatesDefinition dates when dates.Intervals[0].Recurrence is { } recurrence:
                var period = recurrence.Frequency switch
                {
                    DateFrequency.Daily => 1.0,
                    DateFrequency.Weekly => 7.0,
                    DateFrequency.Yearly => 365.0,
                    _ => 30.0,
                };
                return Span(recurrence.End, dates.Intervals[0].Start.Date, period * recurrence.Interval);
            default:
                return 4000;
        }
    }

    private static LocalDate AnchorDate(TimeFrameDefinition definition) => definition switch
    {
        DaysOfWeekDefinition days => days.StartDate ?? FirstDate,
        SpecificDatesDefinition dates => dates.Intervals[0].Start.Date,
        _ => FirstDate,
    };

    private static Instant[] TransitionsOf(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var window = new NodaTime.Interval(FirstInstant, FirstInstant + Duration.FromSeconds(SecondCount));
        return [.. zone.GetZoneIntervals(window).Skip(1).Where(i => i.HasStart).Select(i => i.Start)];
    }

    private static string Mutate(string text, int position, char c, int mode)
    {
        var p = Math.Min(position, text.Length);
        return mode switch
        {
            0 => text.Insert(p, c.ToString()),
            1 => p < text.Length ? text.Remove(p, 1) : text,
            _ => p < text.Length ? text.Remove(p, 1).Insert(p, c.ToString()) : text + c,
        };
    }

    // ---- Shrinking ------------------------------------------------------------------------------------------

    /// <summary>Smaller valid frames: UTC instead of the zone, fewer days, ranges, intervals, holidays or children, simpler recurrences.</summary>
    /// <param name="frame">The frame.</param>
    /// <returns>Valid smaller frames.</returns>
    public static IEnumerable<TimeFrame> ShrinkFrame(TimeFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var candidates = new List<(DateTimeZone Zone, TimeFrameDefinition Definition)>();
        if (frame.Zone.Id != "UTC")
        {
            candidates.Add((DateTimeZone.Utc, frame.Definition));
        }

        candidates.AddRange(ShrinkDefinition(frame.Definition).Select(d => (frame.Zone, d)));
        foreach (var (zone, definition) in candidates)
        {
            TimeFrame? smaller;
            try
            {
                smaller = new TimeFrame(frame.Name, frame.Owner, zone, definition);
            }
            catch (TimeFrameValidationException)
            {
                smaller = null;
            }

            if (smaller is not null)
            {
                yield return smaller;
            }
        }
    }

    private static IEnumerable<TimeFrameDefinition> ShrinkDefinition(TimeFrameDefinition definition)
    {
        switch (definition)
        {
            case CustomDefinition custom:
                foreach (var child in custom.Children)
                {
                    yield return child;
                }

                for (var i = 0; i < custom.Children.Length && custom.Children.Length > 1; i++)
                {
                    yield return new CustomDefinition([.. custom.Children.RemoveAt(i)]);
                }

                break;
            case DaysOfWeekDefinition days:
                for (var i = 0; i < days.Days.Length && days.Days.Length > 1; i++)
                {
                    yield return days with { Days = days.Days.RemoveAt(i) };
                }

                for (var i = 0; i < days.Days.Length; i++)
                {
                    var day = days.Days[i];
                    for (var j = 0; j < day.Ranges.Length && day.Ranges.Length > 1; j++)
                    {
                        yield return days with { Days = days.Days.SetItem(i, day with { Ranges = day.Ranges.RemoveAt(j) }) };
                    }
                }

                if (!days.End.IsNever)
                {
                    yield return days with { End = RecurrenceEnd.Never };
                }

                if (days.Recurrence.Interval > 1)
                {
                    yield return days with { Recurrence = days.Recurrence with { Interval = 1 } };
                }

                if (days.Recurrence.IsMonthly)
                {
                    yield return days with { Recurrence = DaysOfWeekRecurrence.Weekly(days.Recurrence.Interval) };
                }

                break;
            case SpecificDatesDefinition dates:
                for (var i = 0; i < dates.Intervals.Length && dates.Intervals.Length > 1; i++)
                {
                    yield return dates with { Intervals = dates.Intervals.RemoveAt(i) };
                }

                for (var i = 0; i < dates.Intervals.Length; i++)
                {
                    var interval = dates.Intervals[i];
                    if (interval.Recurrence is { } recurrence)
                    {
                        if (!recurrence.End.IsNever)
                        {
                            yield return dates with { Intervals = dates.Intervals.SetItem(i, interval with { Recurrence = recurrence with { End = RecurrenceEnd.Never } }) };
                        }

                        if (recurrence.Interval > 1)
                        {
                            yield return dates with { Intervals = dates.Intervals.SetItem(i, interval with { Recurrence = recurrence with { Interval = 1 } }) };
                        }
                    }
                }

                break;
            case HolidaysDefinition holidays:
                for (var i = 0; i < holidays.Holidays.Length && holidays.Holidays.Length > 1; i++)
                {
                    yield return holidays with { Holidays = holidays.Holidays.RemoveAt(i) };
                }

                if (holidays.Observed != ObservedHolidayRules.None && holidays.Observed != ObservedHolidayRules.UnitedStates)
                {
                    yield return holidays with { Observed = ObservedHolidayRules.UnitedStates };
                }

                if (holidays.Observed == ObservedHolidayRules.UnitedStates)
                {
                    yield return holidays with { Observed = ObservedHolidayRules.None };
                }

                break;
        }
    }

    // ---- Descriptions ---------------------------------------------------------------------------------------

    /// <summary>A readable description of a frame, for counterexamples.</summary>
    /// <param name="frame">The frame.</param>
    /// <returns>The description.</returns>
    public static string Describe(TimeFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return $"[{frame.Zone.Id}] {Describe(frame.Definition)}";
    }

    /// <summary>An instant with its wall-clock time in a zone.</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="instant">The instant.</param>
    /// <returns>The description.</returns>
    public static string Describe(DateTimeZone zone, Instant instant)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return $"{instant} ({instant.InZone(zone).ToString("uuuu-MM-dd'T'HH:mm:ss o<g>", CultureInfo.InvariantCulture)})";
    }

    /// <summary>A readable description of a definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The description.</returns>
    public static string Describe(TimeFrameDefinition definition)
    {
        var text = new StringBuilder();
        switch (definition)
        {
            case AlwaysDefinition:
                text.Append("Always");
                break;
            case DaysOfWeekDefinition days:
                text.Append("Days(");
                text.AppendJoin("; ", days.Days.Select(d => $"{d.Day} {string.Join(",", d.Ranges)}"));
                var r = days.Recurrence;
                text.Append(CultureInfo.InvariantCulture, $" | {(r.IsMonthly ? $"Monthly({r.Ordinal}, {r.Interval})" : $"Weekly({r.Interval})")}");
                text.Append(CultureInfo.InvariantCulture, $" | start {Date(days.StartDate)} | end {End(days.End)})");
                break;
            case SpecificDatesDefinition dates:
                text.Append("Dates(");
                text.AppendJoin("; ", dates.Intervals.Select(i =>
                    $"{DateTime(i.Start)}..{DateTime(i.End)}" + (i.Recurrence is { } rec ? $" {rec.Frequency}/{rec.Interval} end {End(rec.End)}" : " once")));
                text.Append(')');
                break;
            case HolidaysDefinition holidays:
                text.Append("Holidays(");
                text.AppendJoin("; ", holidays.Holidays.Select(h =>
                    (h.Company is { } c ? $"company {c.Id} {c.Rule}" : $"{h.Country}/{h.HolidayId}")
                    + $" {h.Time}" + (h.OnlyInYear is { } y ? $" only {y}" : string.Empty) + (h.Until is { } u ? $" until {Date(u)}" : string.Empty)));
                var o = holidays.Observed;
                text.Append(CultureInfo.InvariantCulture, $" | work {o.WorkWeek}, Mo {o.Monday} Tu {o.Tuesday} We {o.Wednesday} Th {o.Thursday} Fr {o.Friday} Sa {o.Saturday} Su {o.Sunday}, keep {o.KeepActualDay})");
                break;
            case CustomDefinition custom:
                text.Append("Custom(");
                text.AppendJoin(" + ", custom.Children.Select(Describe));
                text.Append(')');
                break;
        }

        return text.ToString();
    }

    private static string Date(LocalDate? date) => date?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private static string DateTime(LocalDateTime value) => value.ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string End(RecurrenceEnd end) =>
        end.Date is { } d ? $"on {Date(d)}" : end.Count is { } c ? $"after {c}" : "never";
}
