using K7.TimeFrames.Sample;
using K7.TimeFrames.Tests.Reference;
using NodaTime;

namespace K7.TimeFrames.Tests.Evaluation;

/// <summary>One test per case of "What active means" in docs/timeframes.md, with exact instants, and the portal examples.</summary>
public sealed class CompiledTimeFrameTests
{
    private static readonly DateTimeZone NewYork = TestCompiler.NewYork;
    private static readonly DateTimeZone London = TestCompiler.London;
    private static readonly DateTimeZone Istanbul = DateTimeZoneProviders.Tzdb["Europe/Istanbul"];
    private static readonly DateTimeZone LordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];
    private static readonly TimeRange NineToFive = new(new LocalTime(9, 0), new LocalTime(17, 0));

    // ---- Ranges crossing midnight ---------------------------------------------------------------------------

    [Fact]
    public void IsActive_SaturdayMorningAfterSelectedFridayNight_IsActive()
    {
        var sut = CreateSut(PortalExamples.NightShift());

        Assert.True(sut.IsActive(Local(NewYork, 2025, 1, 3, 22, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 1, 4, 3, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 1, 4, 5, 59)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 1, 4, 6, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 1, 3, 21, 59)));
    }

    [Fact]
    public void IsActive_SaturdayMorningAfterSkippedFriday_IsInactive()
    {
        var sut = CreateSut(PortalExamples.NightShift());

        Assert.False(sut.IsActive(Local(NewYork, 2025, 1, 10, 23, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 1, 11, 3, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 1, 18, 3, 0)));
    }

    [Fact]
    public void IsActive_MondayMorningAfterSundayNightOfActiveWeek_IsActiveThoughMondaysWeekIsSkipped()
    {
        // ISO weeks run Monday to Sunday: Sunday 2025-01-05 is in week 0, the Monday after it in week 1.
        var sut = CreateSut(new DaysOfWeekDefinition(
            new DaySchedule(IsoDayOfWeek.Sunday, new TimeRange(new LocalTime(22, 0), new LocalTime(6, 0))),
            new DaySchedule(IsoDayOfWeek.Monday, new TimeRange(new LocalTime(9, 0), new LocalTime(10, 0))))
        {
            Recurrence = DaysOfWeekRecurrence.Weekly(2),
            StartDate = new LocalDate(2025, 1, 5),
        });

        Assert.True(sut.IsActive(Local(NewYork, 2025, 1, 6, 3, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 1, 6, 9, 30)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 1, 13, 3, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 1, 13, 9, 30)));
    }

    [Fact]
    public void IsActive_WholeDayRange_CoversMidnightToMidnight()
    {
        var sut = CreateSut(new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Wednesday, TimeRange.WholeDay)));

        Assert.False(sut.IsActive(Local(NewYork, 2025, 6, 3, 23, 59)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 6, 4, 0, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 6, 4, 23, 59)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 6, 5, 0, 0)));
    }

    [Fact]
    public void IsActive_SubSecondInstants_FollowTheWallClockSecond()
    {
        var sut = CreateSut(new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Wednesday, NineToFive)));
        var five = Local(NewYork, 2025, 6, 4, 17, 0);

        Assert.True(sut.IsActive(five - Duration.FromNanoseconds(1)));
        Assert.False(sut.IsActive(five));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 6, 4, 9, 0) - Duration.FromNanoseconds(1)));
    }

    // ---- DST gap ----------------------------------------------------------------------------------------------

    [Fact]
    public void GetActiveIntervals_NewYorkSpringForwardRangeStartingInGap_StartsAt0300EdtForOneHour()
    {
        var sut = CreateSut(Sundays(new TimeRange(new LocalTime(2, 30), new LocalTime(4, 0))));

        var intervals = sut.GetActiveIntervals(Local(NewYork, 2025, 3, 9, 0, 0), Local(NewYork, 2025, 3, 10, 0, 0));

        Assert.Equal([new Interval(Utc(2025, 3, 9, 7, 0), Utc(2025, 3, 9, 8, 0))], intervals);
        Assert.False(sut.IsActive(Utc(2025, 3, 9, 7, 0) - Duration.FromSeconds(1)));
        Assert.True(sut.IsActive(Utc(2025, 3, 9, 7, 0)));
        Assert.False(sut.IsActive(Utc(2025, 3, 9, 8, 0)));
        Assert.Equal(Utc(2025, 3, 9, 7, 0), sut.GetNextStart(Utc(2025, 3, 9, 5, 0)));
    }

    [Fact]
    public void GetActiveIntervals_NewYorkRangeWhollyInsideGap_IsNotActiveThatDay()
    {
        var sut = CreateSut(Sundays(new TimeRange(new LocalTime(2, 10), new LocalTime(2, 50))));

        Assert.Empty(sut.GetActiveIntervals(Local(NewYork, 2025, 3, 9, 0, 0), Local(NewYork, 2025, 3, 10, 0, 0)));
        Assert.False(sut.IsActive(Utc(2025, 3, 9, 7, 0) - Duration.FromSeconds(1)));
        Assert.False(sut.IsActive(Utc(2025, 3, 9, 7, 0)));
        Assert.Equal(Local(NewYork, 2025, 3, 16, 2, 10), sut.GetNextStart(Local(NewYork, 2025, 3, 8, 12, 0)));
    }

    [Fact]
    public void GetActiveIntervals_LondonSpringForward_RangeStartingInGapStartsAt0200Bst()
    {
        var startsInGap = CreateSut(Sundays(new TimeRange(new LocalTime(1, 30), new LocalTime(3, 0))), London);
        var insideGap = CreateSut(Sundays(new TimeRange(new LocalTime(1, 10), new LocalTime(1, 50))), London);
        var day = (Start: Local(London, 2025, 3, 30, 0, 0), End: Local(London, 2025, 3, 31, 0, 0));

        Assert.Equal([new Interval(Utc(2025, 3, 30, 1, 0), Utc(2025, 3, 30, 2, 0))], startsInGap.GetActiveIntervals(day.Start, day.End));
        Assert.Empty(insideGap.GetActiveIntervals(day.Start, day.End));
    }

    [Fact]
    public void GetActiveIntervals_LordHoweThirtyMinuteSpringForward_RangeStartsAtEndOfGap()
    {
        // 2025-10-05 at 02:00 (+10:30) the clock jumps to 02:30 (+11).
        var sut = CreateSut(Sundays(new TimeRange(new LocalTime(2, 0), new LocalTime(3, 0))), LordHowe);

        var intervals = sut.GetActiveIntervals(Utc(2025, 10, 4, 12, 0), Utc(2025, 10, 5, 12, 0));

        Assert.Equal([new Interval(Utc(2025, 10, 4, 15, 30), Utc(2025, 10, 4, 16, 0))], intervals);
    }

    // ---- DST overlap ------------------------------------------------------------------------------------------

    [Fact]
    public void GetActiveIntervals_NewYorkFallBackRangeInRepeatedHour_IsTwoIntervals()
    {
        var sut = CreateSut(Sundays(new TimeRange(new LocalTime(1, 0), new LocalTime(1, 30))));

        var intervals = sut.GetActiveIntervals(Local(NewYork, 2025, 11, 2, 0, 0), Local(NewYork, 2025, 11, 3, 0, 0));

        Assert.Equal(
            [new Interval(Utc(2025, 11, 2, 5, 0), Utc(2025, 11, 2, 5, 30)), new Interval(Utc(2025, 11, 2, 6, 0), Utc(2025, 11, 2, 6, 30))],
            intervals);
        Assert.False(sut.IsActive(Utc(2025, 11, 2, 5, 45)));
        Assert.True(sut.IsActive(Utc(2025, 11, 2, 6, 15)));
        Assert.Equal(Utc(2025, 11, 2, 6, 0), sut.GetNextStart(Utc(2025, 11, 2, 5, 0)));
    }

    [Fact]
    public void GetActiveIntervals_NewYorkFallBackRangeSpanningOverlap_IsOneIntervalOfFourHours()
    {
        var sut = CreateSut(Sundays(new TimeRange(LocalTime.Midnight, new LocalTime(3, 0))));

        var intervals = sut.GetActiveIntervals(Local(NewYork, 2025, 11, 2, 0, 0), Local(NewYork, 2025, 11, 3, 0, 0));

        var interval = Assert.Single(intervals);
        Assert.Equal(new Interval(Utc(2025, 11, 2, 4, 0), Utc(2025, 11, 2, 8, 0)), interval);
        Assert.Equal(Duration.FromHours(4), interval.Duration);
    }

    [Fact]
    public void GetActiveIntervals_LondonFallBackRangeInRepeatedHour_IsTwoIntervals()
    {
        var sut = CreateSut(Sundays(new TimeRange(new LocalTime(1, 0), new LocalTime(1, 30))), London);

        var intervals = sut.GetActiveIntervals(Utc(2025, 10, 25, 22, 0), Utc(2025, 10, 26, 22, 0));

        Assert.Equal(
            [new Interval(Utc(2025, 10, 26, 0, 0), Utc(2025, 10, 26, 0, 30)), new Interval(Utc(2025, 10, 26, 1, 0), Utc(2025, 10, 26, 1, 30))],
            intervals);
    }

    [Fact]
    public void GetActiveIntervals_LordHoweThirtyMinuteFallBack_RepeatedHalfHourIsActiveTwice()
    {
        // 2025-04-06 at 02:00 (+11) the clock goes back to 01:30 (+10:30).
        var sut = CreateSut(Sundays(new TimeRange(new LocalTime(1, 30), new LocalTime(1, 45))), LordHowe);

        var intervals = sut.GetActiveIntervals(Utc(2025, 4, 5, 12, 0), Utc(2025, 4, 5, 18, 0));

        Assert.Equal(
            [new Interval(Utc(2025, 4, 5, 14, 30), Utc(2025, 4, 5, 14, 45)), new Interval(Utc(2025, 4, 5, 15, 0), Utc(2025, 4, 5, 15, 15))],
            intervals);
    }

    // ---- Occurrences and ends ---------------------------------------------------------------------------------

    [Fact]
    public void IsActive_AfterTenOccurrences_TenthIsActiveEleventhIsNot()
    {
        var sut = CreateSut(PortalExamples.FirstMondayStaffMeeting());

        Assert.True(sut.IsActive(Local(NewYork, 2025, 1, 6, 9, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 1, 6, 10, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 1, 13, 9, 30)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 10, 6, 9, 30)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 11, 3, 9, 30)));
        Assert.Null(sut.GetNextStart(Local(NewYork, 2025, 10, 6, 9, 30)));
        Assert.Equal(Local(NewYork, 2025, 10, 6, 9, 0), sut.GetNextStart(Local(NewYork, 2025, 9, 2, 0, 0)));
    }

    [Fact]
    public void IsActive_EndOnDate_KeepsOccurrencesStartingOnOrBeforeIt()
    {
        var sut = CreateSut(PortalExamples.NightShift());

        // Fridays 2025-12-19 (week 50 from the start: on) and 2025-12-26 (week 51: off); 2026-01-02 (week 52) is after the end.
        Assert.True(sut.IsActive(Local(NewYork, 2025, 12, 20, 3, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 12, 27, 3, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2026, 1, 2, 23, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2026, 1, 3, 3, 0)));
        Assert.Null(sut.GetNextStart(Local(NewYork, 2025, 12, 20, 12, 0)));
    }

    [Fact]
    public void IsActive_RangeCrossingMidnightOnEndDate_RunsIntoTheNextMorning()
    {
        var sut = CreateSut(new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Friday, new TimeRange(new LocalTime(22, 0), new LocalTime(6, 0))))
        {
            End = RecurrenceEnd.On(new LocalDate(2025, 12, 26)),
        });

        Assert.True(sut.IsActive(Local(NewYork, 2025, 12, 27, 3, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2026, 1, 2, 23, 0)));
    }

    [Fact]
    public void IsActive_SpecificDatesDailyAfterThree_ThirdDayActiveFourthNot()
    {
        var sut = CreateSut(new SpecificDatesDefinition(new SpecificDateInterval(
            new LocalDateTime(2025, 1, 1, 9, 0), new LocalDateTime(2025, 1, 1, 10, 0), new DateRecurrence(DateFrequency.Daily, 1, RecurrenceEnd.After(3)))));

        Assert.True(sut.IsActive(Local(NewYork, 2025, 1, 3, 9, 30)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 1, 4, 9, 30)));
        Assert.False(sut.IsActive(Local(NewYork, 2024, 12, 31, 9, 30)));
    }

    [Fact]
    public void IsActive_SpecificDatesWeeklyEndOn_LastWeekOnTheEndDateIsIncluded()
    {
        var sut = CreateSut(new SpecificDatesDefinition(new SpecificDateInterval(
            new LocalDateTime(2025, 1, 1, 9, 0), new LocalDateTime(2025, 1, 1, 10, 0), new DateRecurrence(DateFrequency.Weekly, 1, RecurrenceEnd.On(new LocalDate(2025, 1, 15))))));

        Assert.True(sut.IsActive(Local(NewYork, 2025, 1, 15, 9, 30)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 1, 22, 9, 30)));
    }

    [Fact]
    public void Compile_CountWhoseLastOccurrenceIsBeyondYear9999_CompilesAndStartsOnTime()
    {
        // Valid: every 99 months (the most), 1000 occurrences (the most); the 1000th would be in the year 10275.
        var definition = new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Monday, NineToFive))
        {
            Recurrence = DaysOfWeekRecurrence.Monthly(WeekdayOrdinal.First, 99),
            StartDate = new LocalDate(2025, 1, 1),
            End = RecurrenceEnd.After(1000),
        };

        var sut = CreateSut(definition);

        Assert.True(sut.IsActive(Local(NewYork, 2025, 1, 6, 12, 0)));
        Assert.Equal(Local(NewYork, 2033, 4, 4, 9, 0), sut.GetNextStart(Local(NewYork, 2025, 1, 7, 0, 0)));
    }

    [Fact]
    public void Compile_CountOfAnOrdinalThatNeverOccurs_CompilesAndIsNeverActive()
    {
        // Every 48 months from February 2025 is always a February of a common year, which has no fifth Monday.
        var definition = new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Monday, NineToFive))
        {
            Recurrence = DaysOfWeekRecurrence.Monthly(WeekdayOrdinal.Fifth, 48),
            StartDate = new LocalDate(2025, 2, 1),
            End = RecurrenceEnd.After(1),
        };

        var sut = CreateSut(definition);

        Assert.False(sut.IsActive(Local(NewYork, 2025, 2, 24, 12, 0)));
        Assert.Null(sut.GetNextStart(Local(NewYork, 2025, 1, 1, 0, 0)));
    }

    // ---- Last vs 4th ------------------------------------------------------------------------------------------

    [Fact]
    public void IsActive_LastFridayInMay2025_IsMay30NotMay23()
    {
        var sut = CreateSut(MonthlyFriday(WeekdayOrdinal.Last));

        Assert.True(sut.IsActive(Local(NewYork, 2025, 5, 30, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 5, 23, 12, 0)));
    }

    [Fact]
    public void IsActive_FourthFridayInMay2025_IsMay23NotMay30()
    {
        var sut = CreateSut(MonthlyFriday(WeekdayOrdinal.Fourth));

        Assert.True(sut.IsActive(Local(NewYork, 2025, 5, 23, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 5, 30, 12, 0)));
    }

    [Fact]
    public void IsActive_LastAndFourthFridayInFebruary2025_AreBothFebruary28()
    {
        Assert.True(CreateSut(MonthlyFriday(WeekdayOrdinal.Last)).IsActive(Local(NewYork, 2025, 2, 28, 12, 0)));
        Assert.True(CreateSut(MonthlyFriday(WeekdayOrdinal.Fourth)).IsActive(Local(NewYork, 2025, 2, 28, 12, 0)));
    }

    [Fact]
    public void GetNextStart_FifthFriday_SkipsMonthsWithoutOne()
    {
        var sut = CreateSut(MonthlyFriday(WeekdayOrdinal.Fifth));

        Assert.True(sut.IsActive(Local(NewYork, 2025, 5, 30, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 2, 28, 12, 0)));
        Assert.Equal(Local(NewYork, 2025, 8, 29, 9, 0), sut.GetNextStart(Local(NewYork, 2025, 6, 1, 0, 0)));
    }

    // ---- Specific dates ---------------------------------------------------------------------------------------

    [Fact]
    public void IsActive_YearlyOnFebruary29_OnlyInLeapYears()
    {
        var sut = CreateSut(new SpecificDatesDefinition(new SpecificDateInterval(
            new LocalDateTime(2024, 2, 29, 9, 0), new LocalDateTime(2024, 2, 29, 17, 0), new DateRecurrence(DateFrequency.Yearly))));

        Assert.True(sut.IsActive(Local(NewYork, 2024, 2, 29, 12, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2028, 2, 29, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 2, 28, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 3, 1, 12, 0)));
        Assert.Equal(Local(NewYork, 2028, 2, 29, 9, 0), sut.GetNextStart(Local(NewYork, 2024, 3, 1, 0, 0)));
    }

    [Fact]
    public void IsActive_MonthlyOnThe31st_SkipsMonthsWithoutIt()
    {
        var sut = CreateSut(new SpecificDatesDefinition(new SpecificDateInterval(
            new LocalDateTime(2025, 1, 31, 10, 0), new LocalDateTime(2025, 1, 31, 11, 0), new DateRecurrence(DateFrequency.MonthlyByDayOfMonth))));

        Assert.True(sut.IsActive(Local(NewYork, 2025, 1, 31, 10, 30)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 2, 28, 10, 30)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 3, 3, 10, 30)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 3, 31, 10, 30)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 4, 30, 10, 30)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 5, 31, 10, 30)));
    }

    [Fact]
    public void IsActive_MonthlyOnThe31stAfterThree_CountsOnlyMonthsThatHaveIt()
    {
        var sut = CreateSut(new SpecificDatesDefinition(new SpecificDateInterval(
            new LocalDateTime(2025, 1, 31, 10, 0), new LocalDateTime(2025, 1, 31, 11, 0), new DateRecurrence(DateFrequency.MonthlyByDayOfMonth, 1, RecurrenceEnd.After(3)))));

        Assert.True(sut.IsActive(Local(NewYork, 2025, 5, 31, 10, 30)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 7, 31, 10, 30)));
    }

    [Fact]
    public void IsActive_MonthlyByWeekdayStartingOnFifthFriday_RecursOnTheLastFriday()
    {
        var sut = CreateSut(new SpecificDatesDefinition(new SpecificDateInterval(
            new LocalDateTime(2025, 5, 30, 10, 0), new LocalDateTime(2025, 5, 30, 11, 0), new DateRecurrence(DateFrequency.MonthlyByWeekday))));

        Assert.True(sut.IsActive(Local(NewYork, 2025, 6, 27, 10, 30)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 7, 25, 10, 30)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 7, 4, 10, 30)));
    }

    // ---- Holidays ---------------------------------------------------------------------------------------------

    [Fact]
    public void IsActive_JuneteenthBeforeItsFirstYear_IsInactive()
    {
        var sut = CreateSut(new HolidaysDefinition(HolidaySelection.FromCalendar("US", "juneteenth")));

        Assert.False(sut.IsActive(Local(NewYork, 2020, 6, 19, 12, 0)));
        Assert.Empty(sut.GetActiveIntervals(Local(NewYork, 2020, 6, 1, 0, 0), Local(NewYork, 2020, 7, 1, 0, 0)));
    }

    [Fact]
    public void IsActive_Juneteenth2021OnSaturday_ActiveOnObservedFridayAndActualDay()
    {
        var sut = CreateSut(new HolidaysDefinition(HolidaySelection.FromCalendar("US", "juneteenth")));

        Assert.True(sut.IsActive(Local(NewYork, 2021, 6, 18, 12, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2021, 6, 19, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2021, 6, 20, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2021, 6, 17, 12, 0)));
    }

    [Fact]
    public void IsActive_Juneteenth2021WithoutKeepActualDay_ActiveOnObservedFridayOnly()
    {
        var sut = CreateSut(new HolidaysDefinition(HolidaySelection.FromCalendar("US", "juneteenth"))
        {
            Observed = ObservedHolidayRules.UnitedStates with { KeepActualDay = false },
        });

        Assert.True(sut.IsActive(Local(NewYork, 2021, 6, 18, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2021, 6, 19, 12, 0)));
    }

    [Fact]
    public void GetNextStart_JuneteenthFrom2020_IsObservedFridayInJune2021()
    {
        var sut = CreateSut(new HolidaysDefinition(HolidaySelection.FromCalendar("US", "juneteenth")));

        Assert.Equal(Local(NewYork, 2021, 6, 18, 0, 0), sut.GetNextStart(Local(NewYork, 2020, 1, 1, 0, 0)));
        Assert.Equal(Local(NewYork, 2021, 6, 18, 0, 0), sut.GetNextActive(Local(NewYork, 2020, 1, 1, 0, 0)));
    }

    [Fact]
    public void IsActive_NewYear2022OnSaturday_ObservedOnFriday20211231AndActualDay()
    {
        var sut = CreateSut(new HolidaysDefinition(HolidaySelection.FromCalendar("US", "new-year")));

        Assert.False(sut.IsActive(Local(NewYork, 2021, 12, 30, 12, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2021, 12, 31, 12, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2022, 1, 1, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2022, 1, 3, 12, 0)));
        Assert.Equal(
            [new Interval(Local(NewYork, 2021, 12, 31, 0, 0), Local(NewYork, 2022, 1, 2, 0, 0))],
            sut.GetActiveIntervals(Local(NewYork, 2021, 12, 25, 0, 0), Local(NewYork, 2022, 1, 8, 0, 0)));
    }

    [Fact]
    public void IsActive_NewYear2022OnlyInYear2022_IncludesItsObservedDayIn2021()
    {
        var sut = CreateSut(new HolidaysDefinition(HolidaySelection.FromCalendar("US", "new-year") with { OnlyInYear = 2022 }));

        Assert.True(sut.IsActive(Local(NewYork, 2021, 12, 31, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2021, 1, 1, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2023, 1, 2, 12, 0)));
    }

    [Fact]
    public void IsActive_SubstituteDayReportedByTheData_IsNotMovedAgain()
    {
        // The data reports the UK's New Year 2022 (a Saturday) as Monday 2022-01-03: a workday, left alone.
        var sut = CreateSut(new HolidaysDefinition(HolidaySelection.FromCalendar("GB", "new-year")), London);

        Assert.True(sut.IsActive(Local(London, 2022, 1, 3, 12, 0)));
        Assert.False(sut.IsActive(Local(London, 2021, 12, 31, 12, 0)));
        Assert.False(sut.IsActive(Local(London, 2022, 1, 1, 12, 0)));
        Assert.False(sut.IsActive(Local(London, 2022, 1, 4, 12, 0)));
    }

    [Fact]
    public void IsActive_HolidayOnWorkday_IsNotMoved()
    {
        var sut = CreateSut(new HolidaysDefinition(HolidaySelection.FromCalendar("US", "christmas")));

        Assert.False(sut.IsActive(Local(NewYork, 2024, 12, 24, 12, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2024, 12, 25, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2024, 12, 26, 12, 0)));
    }

    [Fact]
    public void IsActive_UntilBeforeActualDate_DropsThatYearEvenIfObservedDayIsBeforeUntil()
    {
        // Christmas 2027 is a Saturday, observed on Friday 2027-12-24.
        var until24 = CreateSut(new HolidaysDefinition(HolidaySelection.FromCalendar("US", "christmas") with { Until = new LocalDate(2027, 12, 24) }));
        var until25 = CreateSut(new HolidaysDefinition(HolidaySelection.FromCalendar("US", "christmas") with { Until = new LocalDate(2027, 12, 25) }));

        Assert.True(until24.IsActive(Local(NewYork, 2026, 12, 25, 12, 0)));
        Assert.False(until24.IsActive(Local(NewYork, 2027, 12, 24, 12, 0)));
        Assert.True(until25.IsActive(Local(NewYork, 2027, 12, 24, 12, 0)));
        Assert.True(until25.IsActive(Local(NewYork, 2027, 12, 25, 12, 0)));
    }

    [Fact]
    public void IsActive_HolidayInLastYearTheCalendarCovers_IsActive()
    {
        // The calendar has Türkiye from 1901 to 2076 only; Republic Day is October 29.
        var sut = CreateIstanbulSut(TurkishRepublicDay());

        Assert.True(sut.IsActive(Local(Istanbul, 2076, 10, 29, 12, 0)));
    }

    [Fact]
    public void IsActive_YearsTheCalendarDoesNotCover_IsInactiveRatherThanThrowing()
    {
        var sut = CreateIstanbulSut(TurkishRepublicDay());

        Assert.False(sut.IsActive(Local(Istanbul, 2077, 10, 29, 12, 0)));
        Assert.False(sut.IsActive(Local(Istanbul, 1901, 6, 1, 12, 0)));
    }

    [Fact]
    public void GetNextStart_SearchReachingPastTheCalendar_FindsNothingRatherThanThrowing()
    {
        var sut = CreateIstanbulSut(TurkishRepublicDay());

        Assert.Null(sut.GetNextStart(Local(Istanbul, 2076, 11, 1, 0, 0)));
    }

    // ---- The hot path ---------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(PortalExampleData.Names), MemberType = typeof(PortalExampleData))]
    public void IsActive_WarmFrame_DoesNotAllocate(string name)
    {
        var sut = CreateSut(PortalExampleData.ByName(name));
        var instants = Enumerable.Range(0, 500).Select(i => Utc(2025, 12, 20, 0, 0) + Duration.FromMinutes(37 * i)).ToArray();
        foreach (var t in instants)
        {
            sut.IsActive(t);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var active = 0;
        foreach (var t in instants)
        {
            active += sut.IsActive(t) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(active, 0, instants.Length);
    }

    // ---- Custom -----------------------------------------------------------------------------------------------

    [Fact]
    public void IsActive_CustomFrame_IsActiveWhenAnyChildIs()
    {
        var sut = CreateSut(PortalExamples.CustomFrame());

        Assert.True(sut.IsActive(Local(NewYork, 2025, 7, 4, 20, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 7, 5, 20, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 7, 5, 10, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 6, 19, 20, 0)));
    }

    // ---- Portal examples --------------------------------------------------------------------------------------

    [Fact]
    public void IsActive_EarlyRelease_FridayAfternoonAndSaturdayMorning()
    {
        var sut = CreateSut(PortalExamples.EarlyRelease());

        Assert.True(sut.IsActive(Local(NewYork, 2025, 6, 6, 14, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 6, 6, 12, 59)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 6, 6, 17, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 6, 7, 10, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 6, 7, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 6, 5, 14, 0)));
        Assert.Equal(Local(NewYork, 2025, 6, 6, 13, 0), sut.GetNextStart(Local(NewYork, 2025, 6, 5, 12, 0)));
    }

    [Fact]
    public void IsActive_OutOfOffice_OnlyOnNewYearsDay2026()
    {
        var sut = CreateSut(PortalExamples.OutOfOffice());

        Assert.True(sut.IsActive(Local(NewYork, 2026, 1, 1, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 12, 31, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2026, 1, 2, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 1, 1, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2027, 1, 1, 12, 0)));
        Assert.Equal(Local(NewYork, 2026, 1, 1, 0, 0), sut.GetNextStart(Local(NewYork, 2025, 6, 1, 0, 0)));
        Assert.Null(sut.GetNextStart(Local(NewYork, 2026, 1, 2, 0, 0)));
    }

    [Fact]
    public void GetNextStart_AllTheTime_IsNeverAndNextActiveIsNow()
    {
        var sut = CreateSut(PortalExamples.AllTheTime());
        var now = Utc(2025, 6, 1, 12, 0);

        Assert.True(sut.IsActive(now));
        Assert.Equal(now, sut.GetNextActive(now));
        Assert.Null(sut.GetNextStart(now));
        Assert.Equal([new Interval(now, now + Duration.FromDays(7))], sut.GetActiveIntervals(now, now + Duration.FromDays(7)));
    }

    [Fact]
    public void IsActive_OfficeHours_WeekdaysAndTwoSundayRanges()
    {
        var sut = CreateSut(PortalExamples.OfficeHours());

        Assert.True(sut.IsActive(Local(NewYork, 2025, 6, 2, 8, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 6, 2, 17, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 6, 7, 10, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 6, 8, 14, 59)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 6, 8, 16, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 6, 8, 17, 30)));
        Assert.Equal(Local(NewYork, 2025, 6, 8, 17, 0), sut.GetNextStart(Local(NewYork, 2025, 6, 8, 15, 0)));
    }

    [Fact]
    public void IsActive_WinterClosure_RecursFromDecember23ToJanuary4()
    {
        var sut = CreateSut(PortalExamples.WinterClosure());

        Assert.True(sut.IsActive(Local(NewYork, 2026, 12, 30, 12, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2027, 1, 3, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2026, 12, 23, 16, 59)));
        Assert.True(sut.IsActive(Local(NewYork, 2026, 12, 23, 17, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2027, 1, 4, 7, 59)));
        Assert.False(sut.IsActive(Local(NewYork, 2027, 1, 4, 8, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 12, 22, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 1, 2, 12, 0)));
    }

    [Fact]
    public void IsActive_Inventory_YearlyIntervalRecursOneOffDoesNot()
    {
        var sut = CreateSut(PortalExamples.Inventory());

        Assert.True(sut.IsActive(Local(NewYork, 2026, 3, 31, 13, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 9, 30, 13, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2026, 9, 30, 13, 0)));
    }

    [Fact]
    public void IsActive_CompanyHolidays_CalendarAndCompanyHolidaysWithObservedRules()
    {
        var sut = CreateSut(PortalExamples.CompanyHolidays());

        Assert.True(sut.IsActive(Local(NewYork, 2025, 11, 27, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 11, 28, 12, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 12, 24, 9, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2025, 12, 25, 11, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2025, 12, 25, 13, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2026, 7, 3, 12, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2026, 7, 4, 12, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2026, 7, 6, 12, 0)));
    }

    [Fact]
    public void IsActive_CompanyHolidaysIn2022_WeekendHolidaysObservedOnFridayAndMonday()
    {
        // Christmas Eve 2022 is a Saturday (observed Friday 12-23); Christmas a Sunday (observed Monday 12-26, from noon).
        var sut = CreateSut(PortalExamples.CompanyHolidays());

        Assert.True(sut.IsActive(Local(NewYork, 2022, 12, 23, 10, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2022, 12, 24, 10, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2022, 12, 25, 11, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2022, 12, 25, 13, 0)));
        Assert.False(sut.IsActive(Local(NewYork, 2022, 12, 26, 11, 0)));
        Assert.True(sut.IsActive(Local(NewYork, 2022, 12, 26, 13, 0)));
    }

    [Theory]
    [MemberData(nameof(PortalExampleData.Names), MemberType = typeof(PortalExampleData))]
    public void IsActive_PortalExamplesOverAYear_MatchesReferenceHourly(string name)
    {
        var frame = PortalExampleData.ByName(name);
        var sut = CreateSut(frame);

        for (var t = Utc(2025, 1, 1, 0, 0); t < Utc(2027, 1, 1, 0, 0); t += Duration.FromMinutes(61))
        {
            Assert.True(ReferenceEvaluator.IsActive(frame, t, TestCompiler.Calendar) == sut.IsActive(t), $"{name} at {t}");
        }
    }

    private static CompiledTimeFrame CreateSut(TimeFrame frame) => TestCompiler.Compile(frame);

    private static CompiledTimeFrame CreateSut(TimeFrameDefinition definition, DateTimeZone? zone = null) =>
        TestCompiler.Compile(definition, zone ?? NewYork);

    private static CompiledTimeFrame CreateIstanbulSut(TimeFrameDefinition definition) => TestCompiler.Compile(definition, Istanbul);

    private static HolidaysDefinition TurkishRepublicDay() => new(HolidaySelection.FromCalendar("TR", "cumhuriyet-bayrami"));

    private static DaysOfWeekDefinition Sundays(TimeRange range) => new(new DaySchedule(IsoDayOfWeek.Sunday, range));

    private static DaysOfWeekDefinition MonthlyFriday(WeekdayOrdinal ordinal) =>
        new(new DaySchedule(IsoDayOfWeek.Friday, NineToFive))
        {
            Recurrence = DaysOfWeekRecurrence.Monthly(ordinal),
            StartDate = new LocalDate(2025, 1, 1),
        };

    private static Instant Local(DateTimeZone zone, int year, int month, int day, int hour, int minute) =>
        zone.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    private static Instant Utc(int year, int month, int day, int hour, int minute) => Instant.FromUtc(year, month, day, hour, minute);
}
