using NodaTime;

namespace K7.TimeFrames.Tests;

/// <summary>The constructor's validation: each bad input of the Errors table in docs/timeframes.md, with its field path.</summary>
public sealed class TimeFrameTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly TimeRange Morning = new(new LocalTime(8, 0), new LocalTime(12, 0));
    private static readonly LocalDateTime Noon = new(2025, 6, 2, 12, 0);

    // ---- Name, zone, definition ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" Early Release")]
    [InlineData("Early Release ")]
    [InlineData("Early\nRelease")]
    [InlineData("Early\u0007Release")]
    public void Ctor_BadName_ThrowsForName(string name)
    {
        var e = Assert.Throws<TimeFrameValidationException>(() => new TimeFrame(name, TimeFrameOwner.User("202"), NewYork, AlwaysDefinition.Instance));

        Assert.Equal("Name", e.Field);
        Assert.False(string.IsNullOrWhiteSpace(e.Reason));
    }

    [Fact]
    public void Ctor_NullName_ThrowsForName()
    {
        var e = Assert.Throws<TimeFrameValidationException>(() => new TimeFrame(null!, TimeFrameOwner.User("202"), NewYork, AlwaysDefinition.Instance));

        Assert.Equal("Name", e.Field);
    }

    [Fact]
    public void Ctor_NameOf101Characters_ThrowsForName()
    {
        var e = Assert.Throws<TimeFrameValidationException>(() => CreateSut(AlwaysDefinition.Instance, new string('a', 101)));

        Assert.Equal("Name", e.Field);
    }

    [Fact]
    public void Ctor_NameOf100Characters_IsAccepted()
    {
        var sut = CreateSut(AlwaysDefinition.Instance, new string('a', 100));

        Assert.Equal(100, sut.Name.Length);
    }

    [Fact]
    public void Ctor_NullZone_ThrowsForZone()
    {
        var e = Assert.Throws<TimeFrameValidationException>(() => new TimeFrame("Frame", TimeFrameOwner.User("202"), null!, AlwaysDefinition.Instance));

        Assert.Equal("Zone", e.Field);
    }

    [Fact]
    public void Ctor_NullDefinition_ThrowsForDefinition()
    {
        var e = Assert.Throws<TimeFrameValidationException>(() => new TimeFrame("Frame", TimeFrameOwner.User("202"), NewYork, null!));

        Assert.Equal("Definition", e.Field);
    }

    [Fact]
    public void Message_ValidationFailure_StartsWithTheField()
    {
        var e = Assert.Throws<TimeFrameValidationException>(() => CreateSut(new DaysOfWeekDefinition()));

        Assert.StartsWith("Definition.Days: ", e.Message, StringComparison.Ordinal);
    }

    // ---- Days of the week -----------------------------------------------------------------------------------

    public static TheoryData<string, Func<TimeFrameDefinition>> InvalidDaysOfWeek() => new()
    {
        { "Definition.Days", () => new DaysOfWeekDefinition() },
        { "Definition.Days[1].Day", () => new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Monday, Morning), new DaySchedule(IsoDayOfWeek.Monday, TimeRange.BusinessHours)) },
        { "Definition.Days[0].Day", () => new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.None, Morning)) },
        { "Definition.Days[0].Ranges", () => new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Monday)) },
        {
            "Definition.Days[1].Ranges[1]",
            () => new DaysOfWeekDefinition(
                new DaySchedule(IsoDayOfWeek.Monday, Morning),
                new DaySchedule(IsoDayOfWeek.Tuesday, Morning, new TimeRange(new LocalTime(11, 0), new LocalTime(13, 0))))
        },
        {
            "Definition.Days[0].Ranges[1]",
            () => new DaysOfWeekDefinition(new DaySchedule(
                IsoDayOfWeek.Friday, new TimeRange(new LocalTime(22, 0), new LocalTime(6, 0)), new TimeRange(new LocalTime(23, 0), new LocalTime(1, 0))))
        },
        {
            "Definition.Days[0].Ranges[1]",
            () => new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Friday, TimeRange.WholeDay, Morning))
        },
        {
            "Definition.Days[0].Ranges[0]",
            () => new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Friday, new TimeRange(new LocalTime(8, 0, 0, 500), new LocalTime(9, 0))))
        },
        { "Definition.Recurrence.Interval", () => Monday() with { Recurrence = DaysOfWeekRecurrence.Weekly(0), StartDate = new LocalDate(2025, 1, 1) } },
        { "Definition.Recurrence.Interval", () => Monday() with { Recurrence = DaysOfWeekRecurrence.Weekly(100), StartDate = new LocalDate(2025, 1, 1) } },
        { "Definition.Recurrence.Ordinal", () => Monday() with { Recurrence = DaysOfWeekRecurrence.Monthly((WeekdayOrdinal)6) } },
        { "Definition.StartDate", () => Monday() with { Recurrence = DaysOfWeekRecurrence.Weekly(2) } },
        { "Definition.StartDate", () => Monday() with { End = RecurrenceEnd.After(5) } },
        { "Definition.End.Date", () => Monday() with { StartDate = new LocalDate(2025, 6, 2), End = RecurrenceEnd.On(new LocalDate(2025, 6, 1)) } },
        { "Definition.End.Count", () => Monday() with { StartDate = new LocalDate(2025, 6, 2), End = RecurrenceEnd.Unchecked(null, 0) } },
        { "Definition.End.Count", () => Monday() with { StartDate = new LocalDate(2025, 6, 2), End = RecurrenceEnd.After(1001) } },
        { "Definition.End", () => Monday() with { StartDate = new LocalDate(2025, 6, 2), End = RecurrenceEnd.Unchecked(new LocalDate(2025, 7, 1), 3) } },
    };

    [Theory]
    [MemberData(nameof(InvalidDaysOfWeek))]
    public void Ctor_InvalidDaysOfWeek_ThrowsForField(string field, Func<TimeFrameDefinition> definition)
    {
        var e = Assert.Throws<TimeFrameValidationException>(() => CreateSut(definition()));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Ctor_RangesTouchingOrSplitAcrossMidnight_AreAccepted()
    {
        var sut = CreateSut(new DaysOfWeekDefinition(new DaySchedule(
            IsoDayOfWeek.Friday,
            new TimeRange(new LocalTime(22, 0), new LocalTime(6, 0)),
            new TimeRange(new LocalTime(5, 0), new LocalTime(7, 0)),
            new TimeRange(new LocalTime(7, 0), new LocalTime(8, 0)))));

        Assert.Equal(TimeFrameKind.DaysOfWeek, sut.Kind);
    }

    [Fact]
    public void Ctor_EndOnTheStartDate_IsAccepted()
    {
        var sut = CreateSut(Monday() with { StartDate = new LocalDate(2025, 6, 2), End = RecurrenceEnd.On(new LocalDate(2025, 6, 2)) });

        Assert.Equal(TimeFrameKind.DaysOfWeek, sut.Kind);
    }

    [Fact]
    public void RecurrenceEnd_AfterZero_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurrenceEnd.After(0));
    }

    [Fact]
    public void CopyTo_MondayToFriday_GivesOneScheduleEachMondayFirst()
    {
        var schedule = new DaySchedule(IsoDayOfWeek.Sunday, TimeRange.BusinessHours);

        var copies = schedule.CopyTo(Weekdays.MondayToFriday);

        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], copies.Select(c => c.Day));
        Assert.All(copies, c => Assert.Equal(new[] { TimeRange.BusinessHours }, c.Ranges.ToArray()));
    }

    // ---- Specific dates -------------------------------------------------------------------------------------

    public static TheoryData<string, Func<TimeFrameDefinition>> InvalidSpecificDates() => new()
    {
        { "Definition.Intervals", () => new SpecificDatesDefinition() },
        { "Definition.Intervals[0].End", () => Once(Noon, Noon.PlusMinutes(-1)) },
        { "Definition.Intervals[0].End", () => Once(Noon, Noon) },
        { "Definition.Intervals[0].Start", () => Once(new LocalDateTime(1899, 12, 31, 12, 0), new LocalDateTime(1900, 1, 1, 12, 0)) },
        { "Definition.Intervals[0]", () => Once(Noon.PlusNanoseconds(1), Noon.PlusHours(1)) },
        { "Definition.Intervals[0].End", () => Recurring(DateFrequency.Daily, 1, Noon.PlusDays(1).PlusSeconds(1)) },
        { "Definition.Intervals[0].End", () => Recurring(DateFrequency.Weekly, 2, Noon.PlusDays(14).PlusSeconds(1)) },
        { "Definition.Intervals[0].End", () => Recurring(DateFrequency.MonthlyByDayOfMonth, 1, Noon.PlusDays(28).PlusSeconds(1)) },
        { "Definition.Intervals[0].End", () => Recurring(DateFrequency.MonthlyByWeekday, 3, Noon.PlusDays(84).PlusSeconds(1)) },
        { "Definition.Intervals[0].End", () => Recurring(DateFrequency.Yearly, 1, Noon.PlusDays(365).PlusSeconds(1)) },
        { "Definition.Intervals[0].Recurrence.Interval", () => Recurring(DateFrequency.Daily, 0, Noon.PlusHours(1)) },
        { "Definition.Intervals[0].Recurrence.Interval", () => Recurring(DateFrequency.Daily, 100, Noon.PlusHours(1)) },
        { "Definition.Intervals[0].Recurrence.Frequency", () => Recurring((DateFrequency)9, 1, Noon.PlusHours(1)) },
        {
            "Definition.Intervals[0].Recurrence.End.Date",
            () => new SpecificDatesDefinition(new SpecificDateInterval(Noon, Noon.PlusHours(1), new DateRecurrence(DateFrequency.Daily, 1, RecurrenceEnd.On(Noon.Date.PlusDays(-1)))))
        },
        {
            "Definition.Intervals[0].Recurrence.End.Count",
            () => new SpecificDatesDefinition(new SpecificDateInterval(Noon, Noon.PlusHours(1), new DateRecurrence(DateFrequency.Daily, 1, RecurrenceEnd.After(1001))))
        },
        {
            "Definition.Intervals[1].Recurrence",
            () => new SpecificDatesDefinition(Once(Noon, Noon.PlusHours(1)).Intervals[0], new SpecificDateInterval(Noon.PlusDays(2), Noon.PlusDays(2).PlusHours(1), new DateRecurrence(DateFrequency.Daily)))
        },
        {
            "Definition.Intervals[0].Recurrence",
            () => new SpecificDatesDefinition(new SpecificDateInterval(Noon, Noon.PlusHours(1), new DateRecurrence(DateFrequency.Yearly, 2)), Once(Noon.PlusDays(2), Noon.PlusDays(3)).Intervals[0])
        },
        {
            "Definition.Intervals[0].Recurrence",
            () => new SpecificDatesDefinition(new SpecificDateInterval(Noon, Noon.PlusHours(1), new DateRecurrence(DateFrequency.Yearly, 1, RecurrenceEnd.After(3))), Once(Noon.PlusDays(2), Noon.PlusDays(3)).Intervals[0])
        },
        {
            "Definition.Intervals[1]",
            () => new SpecificDatesDefinition(Once(Noon, Noon.PlusHours(2)).Intervals[0], Once(Noon.PlusHours(1), Noon.PlusHours(3)).Intervals[0])
        },
    };

    [Theory]
    [MemberData(nameof(InvalidSpecificDates))]
    public void Ctor_InvalidSpecificDates_ThrowsForField(string field, Func<TimeFrameDefinition> definition)
    {
        var e = Assert.Throws<TimeFrameValidationException>(() => CreateSut(definition()));

        Assert.Equal(field, e.Field);
    }

    [Theory]
    [InlineData(DateFrequency.Daily, 1, 1)]
    [InlineData(DateFrequency.Weekly, 2, 14)]
    [InlineData(DateFrequency.MonthlyByDayOfMonth, 1, 28)]
    [InlineData(DateFrequency.MonthlyByWeekday, 2, 56)]
    [InlineData(DateFrequency.Yearly, 1, 365)]
    public void Ctor_IntervalAsLongAsTheShortestPeriod_IsAccepted(DateFrequency frequency, int interval, int days)
    {
        var sut = CreateSut(Recurring(frequency, interval, Noon.PlusDays(days)));

        Assert.Equal(TimeFrameKind.SpecificDates, sut.Kind);
    }

    [Fact]
    public void Ctor_SeveralIntervalsYearlyEndingOnDateOrNotRecurring_IsAccepted()
    {
        var sut = CreateSut(new SpecificDatesDefinition(
            new SpecificDateInterval(Noon, Noon.PlusHours(1), new DateRecurrence(DateFrequency.Yearly, 1, RecurrenceEnd.On(new LocalDate(2030, 1, 1)))),
            new SpecificDateInterval(Noon.PlusHours(1), Noon.PlusHours(2), new DateRecurrence(DateFrequency.Yearly)),
            new SpecificDateInterval(Noon.PlusDays(1), Noon.PlusDays(2))));

        Assert.Equal(3, ((SpecificDatesDefinition)sut.Definition).Intervals.Length);
    }

    // ---- Holidays -------------------------------------------------------------------------------------------

    public static TheoryData<string, Func<TimeFrameDefinition>> InvalidHolidays() => new()
    {
        { "Definition.Holidays", () => new HolidaysDefinition() },
        { "Definition.Observed.WorkWeek", () => Christmas() with { Observed = ObservedHolidayRules.UnitedStates with { WorkWeek = Weekdays.None } } },
        { "Definition.Observed.Saturday", () => Christmas() with { Observed = ObservedHolidayRules.UnitedStates with { Saturday = (ObservedShift)7 } } },
        { "Definition.Holidays[0]", () => new HolidaysDefinition(HolidaySelection.FromCalendar("US", "christmas") with { Company = FoundersDay() }) },
        { "Definition.Holidays[0]", () => new HolidaysDefinition(new HolidaySelection()) },
        { "Definition.Holidays[1]", () => new HolidaysDefinition(HolidaySelection.FromCalendar("US", "christmas"), HolidaySelection.FromCalendar("us", "CHRISTMAS")) },
        { "Definition.Holidays[1]", () => new HolidaysDefinition(HolidaySelection.FromCompany(FoundersDay()), HolidaySelection.FromCompany(FoundersDay())) },
        { "Definition.Holidays[0].OnlyInYear", () => new HolidaysDefinition(HolidaySelection.FromCalendar("US", "christmas") with { OnlyInYear = 1899 }) },
        { "Definition.Holidays[0].Until", () => new HolidaysDefinition(HolidaySelection.FromCalendar("US", "christmas") with { OnlyInYear = 2025, Until = new LocalDate(2030, 1, 1) }) },
        { "Definition.Holidays[0].Country", () => new HolidaysDefinition(new HolidaySelection { HolidayId = "christmas" }) },
        { "Definition.Holidays[0].HolidayId", () => new HolidaysDefinition(new HolidaySelection { Country = "US" }) },
        {
            "Definition.Holidays[0].Time",
            () => new HolidaysDefinition(HolidaySelection.FromCalendar("US", "christmas") with { Time = new TimeRange(new LocalTime(8, 0, 0, 1), new LocalTime(9, 0)) })
        },
    };

    [Theory]
    [MemberData(nameof(InvalidHolidays))]
    public void Ctor_InvalidHolidays_ThrowsForField(string field, Func<TimeFrameDefinition> definition)
    {
        var e = Assert.Throws<TimeFrameValidationException>(() => CreateSut(definition()));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Ctor_SameHolidayInDifferentSingleYears_IsAccepted()
    {
        var sut = CreateSut(new HolidaysDefinition(
            HolidaySelection.FromCalendar("US", "christmas") with { OnlyInYear = 2025 },
            HolidaySelection.FromCalendar("US", "christmas") with { OnlyInYear = 2026 }));

        Assert.Equal(TimeFrameKind.Holidays, sut.Kind);
    }

    // ---- Custom ---------------------------------------------------------------------------------------------

    public static TheoryData<string, Func<TimeFrameDefinition>> InvalidCustom() => new()
    {
        { "Definition.Children", () => new CustomDefinition() },
        { "Definition.Children[0]", () => new CustomDefinition(AlwaysDefinition.Instance) },
        { "Definition.Children[1]", () => new CustomDefinition(Monday(), new CustomDefinition(Monday())) },
        {
            "Definition.Children[1].Days[0].Ranges[1]",
            () => new CustomDefinition(Christmas(), new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Monday, Morning, Morning)))
        },
        { "Definition.Children[0].Holidays", () => new CustomDefinition(new HolidaysDefinition()) },
    };

    [Theory]
    [MemberData(nameof(InvalidCustom))]
    public void Ctor_InvalidCustom_ThrowsForField(string field, Func<TimeFrameDefinition> definition)
    {
        var e = Assert.Throws<TimeFrameValidationException>(() => CreateSut(definition()));

        Assert.Equal(field, e.Field);
    }

    // ---- Identity -------------------------------------------------------------------------------------------

    [Fact]
    public void WithDefinition_NewDefinition_KeepsNameOwnerAndZone()
    {
        var sut = CreateSut(Monday(), "Early Release");

        var changed = sut.WithDefinition(Christmas());

        Assert.Equal("Early Release", changed.Name);
        Assert.Equal(sut.Owner, changed.Owner);
        Assert.Equal(sut.Zone, changed.Zone);
        Assert.Equal(TimeFrameKind.Holidays, changed.Kind);
    }

    [Fact]
    public void WithDefinition_InvalidDefinition_Throws()
    {
        var sut = CreateSut(Monday());

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.WithDefinition(new DaysOfWeekDefinition()));

        Assert.Equal("Definition.Days", e.Field);
    }

    [Fact]
    public void Equals_SameValuesBuiltTwice_AreEqual()
    {
        var a = CreateSut(Monday() with { StartDate = new LocalDate(2025, 1, 1) });
        var b = CreateSut(Monday() with { StartDate = new LocalDate(2025, 1, 1) });

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.WithZone(DateTimeZone.Utc));
    }

    private static TimeFrame CreateSut(TimeFrameDefinition definition, string name = "Frame") =>
        new(name, TimeFrameOwner.User("202"), NewYork, definition);

    private static DaysOfWeekDefinition Monday() => new(new DaySchedule(IsoDayOfWeek.Monday, Morning));

    private static HolidaysDefinition Christmas() => new(HolidaySelection.FromCalendar("US", "christmas"));

    private static CompanyHoliday FoundersDay() => new("founders-day", "Founders' Day", new FixedDateHolidayRule(10, 31));

    private static SpecificDatesDefinition Once(LocalDateTime start, LocalDateTime end) => new(new SpecificDateInterval(start, end));

    private static SpecificDatesDefinition Recurring(DateFrequency frequency, int interval, LocalDateTime end) =>
        new(new SpecificDateInterval(Noon, end, new DateRecurrence(frequency, interval)));
}
