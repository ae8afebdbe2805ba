using NodaTime;

namespace K7.TimeFrames.Tests.Holidays;

public sealed class ObservedHolidayRulesTests
{
    [Fact]
    public void GetObservedDates_NewYear2022OnSaturdayUnderUnitedStates_IsFridayOfThePreviousYearAndTheDayItself()
    {
        var dates = ObservedHolidayRules.UnitedStates.GetObservedDates(new LocalDate(2022, 1, 1));

        Assert.Equal([new LocalDate(2021, 12, 31), new LocalDate(2022, 1, 1)], dates);
    }

    [Fact]
    public void GetObservedDates_SundayNewYear2023UnderUnitedStates_AddsMonday()
    {
        var dates = ObservedHolidayRules.UnitedStates.GetObservedDates(new LocalDate(2023, 1, 1));

        Assert.Equal([new LocalDate(2023, 1, 1), new LocalDate(2023, 1, 2)], dates);
    }

    [Fact]
    public void GetObservedDates_WithoutKeepingTheActualDay_IsOnlyTheWorkday()
    {
        var rules = ObservedHolidayRules.UnitedStates with { KeepActualDay = false };

        Assert.Equal([new LocalDate(2021, 12, 31)], rules.GetObservedDates(new LocalDate(2022, 1, 1)));
        Assert.Equal([new LocalDate(2023, 1, 2)], rules.GetObservedDates(new LocalDate(2023, 1, 1)));
    }

    [Fact]
    public void GetObservedDates_WeekdayHoliday_IsNotMoved()
    {
        var thursday = new LocalDate(2025, 7, 3);

        Assert.Equal([thursday], ObservedHolidayRules.UnitedStates.GetObservedDates(thursday));
        Assert.Equal([thursday], (ObservedHolidayRules.UnitedStates with { KeepActualDay = false }).GetObservedDates(thursday));
    }

    [Fact]
    public void GetObservedDates_FridayHolidayWithSundayToThursdayWorkWeekAndBoth_IsThursdayAndSunday()
    {
        var rules = new ObservedHolidayRules
        {
            WorkWeek = Weekdays.Sunday | Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday,
            Friday = ObservedShift.Both,
            Saturday = ObservedShift.NotMoved,
            Sunday = ObservedShift.NotMoved,
            KeepActualDay = false,
        };
        var friday = new LocalDate(2025, 1, 3);

        Assert.Equal([new LocalDate(2025, 1, 2), new LocalDate(2025, 1, 5)], rules.GetObservedDates(friday));
        Assert.Equal(
            [new LocalDate(2025, 1, 2), friday, new LocalDate(2025, 1, 5)],
            (rules with { KeepActualDay = true }).GetObservedDates(friday));
    }

    [Fact]
    public void GetObservedDates_SaturdayWithMondayToFridayAndFollowing_SkipsTheWeekend()
    {
        var rules = new ObservedHolidayRules { Saturday = ObservedShift.FollowingWorkday, KeepActualDay = false };

        Assert.Equal([new LocalDate(2025, 1, 6)], rules.GetObservedDates(new LocalDate(2025, 1, 4)));
    }

    [Fact]
    public void GetObservedDates_None_NeverMoves()
    {
        var saturday = new LocalDate(2022, 1, 1);
        var sunday = new LocalDate(2023, 1, 1);

        Assert.Equal([saturday], ObservedHolidayRules.None.GetObservedDates(saturday));
        Assert.Equal([sunday], ObservedHolidayRules.None.GetObservedDates(sunday));
    }

    [Fact]
    public void GetObservedDates_IntoASpan_WritesTheDatesAndReturnsTheCount()
    {
        Span<LocalDate> destination = stackalloc LocalDate[ObservedHolidayRules.MaxObservedDates];

        var count = ObservedHolidayRules.UnitedStates.GetObservedDates(new LocalDate(2022, 1, 1), destination);

        Assert.Equal(2, count);
        Assert.Equal(new LocalDate(2021, 12, 31), destination[0]);
        Assert.Equal(new LocalDate(2022, 1, 1), destination[1]);
    }

    [Fact]
    public void GetObservedDates_DestinationTooShort_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => ObservedHolidayRules.UnitedStates.GetObservedDates(new LocalDate(2022, 1, 1), new LocalDate[1]));

        Assert.Equal("destination", exception.ParamName);
    }

    [Fact]
    public void GetObservedDates_IntoASpan_DoesNotAllocate()
    {
        var rules = new ObservedHolidayRules { WorkWeek = Weekdays.Monday, Saturday = ObservedShift.Both };
        var destination = new LocalDate[ObservedHolidayRules.MaxObservedDates];
        var saturday = new LocalDate(2022, 1, 1);
        rules.GetObservedDates(saturday, destination);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            rules.GetObservedDates(saturday.PlusDays(i * 7), destination);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void GetObservedDates_WorkWeekWithoutDays_ThrowsWhenAHolidayMoves()
    {
        var rules = new ObservedHolidayRules { WorkWeek = Weekdays.None };

        Assert.Throws<InvalidOperationException>(() => rules.GetObservedDates(new LocalDate(2022, 1, 1)));
        Assert.Equal([new LocalDate(2025, 7, 3)], rules.GetObservedDates(new LocalDate(2025, 7, 3)));
    }

    [Fact]
    public void GetObservedDates_UndefinedShift_Throws()
    {
        var rules = new ObservedHolidayRules { Saturday = (ObservedShift)42 };

        Assert.Throws<InvalidOperationException>(() => rules.GetObservedDates(new LocalDate(2022, 1, 1)));
    }

    [Fact]
    public void Defaults_AreTheUnitedStatesRule()
    {
        var rules = new ObservedHolidayRules();

        Assert.Equal(ObservedHolidayRules.UnitedStates, rules);
        Assert.Equal(Weekdays.MondayToFriday, rules.WorkWeek);
        Assert.True(rules.KeepActualDay);
        Assert.Equal(ObservedShift.PrecedingWorkday, rules.GetShift(IsoDayOfWeek.Saturday));
        Assert.Equal(ObservedShift.FollowingWorkday, rules.GetShift(IsoDayOfWeek.Sunday));
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            Assert.Equal(ObservedShift.NotMoved, rules.GetShift(day));
        }
    }

    [Fact]
    public void GetShift_EachDay_ReturnsItsProperty()
    {
        var rules = new ObservedHolidayRules
        {
            Monday = ObservedShift.Both,
            Tuesday = ObservedShift.FollowingWorkday,
            Wednesday = ObservedShift.PrecedingWorkday,
            Thursday = ObservedShift.Both,
            Friday = ObservedShift.FollowingWorkday,
            Saturday = ObservedShift.NotMoved,
            Sunday = ObservedShift.PrecedingWorkday,
        };

        Assert.Equal(
            [ObservedShift.Both, ObservedShift.FollowingWorkday, ObservedShift.PrecedingWorkday, ObservedShift.Both, ObservedShift.FollowingWorkday, ObservedShift.NotMoved, ObservedShift.PrecedingWorkday],
            Enumerable.Range(1, 7).Select(d => rules.GetShift((IsoDayOfWeek)d)));
    }

    [Fact]
    public void GetShift_NoDay_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ObservedHolidayRules.UnitedStates.GetShift(IsoDayOfWeek.None));
    }

    [Fact]
    public void Validate_DefaultsAndNone_DoNotThrow()
    {
        ObservedHolidayRules.UnitedStates.Validate();
        ObservedHolidayRules.None.Validate();
    }

    [Fact]
    public void Validate_WorkWeekWithoutDays_ThrowsNamingWorkWeek()
    {
        var exception = Assert.Throws<ArgumentException>(() => new ObservedHolidayRules { WorkWeek = Weekdays.None }.Validate());

        Assert.Equal("WorkWeek", exception.ParamName);
    }

    [Fact]
    public void Validate_WorkWeekWithUndefinedFlags_ThrowsNamingWorkWeek()
    {
        var exception = Assert.Throws<ArgumentException>(() => new ObservedHolidayRules { WorkWeek = (Weekdays)(128 | 1) }.Validate());

        Assert.Equal("WorkWeek", exception.ParamName);
    }

    [Fact]
    public void Validate_UndefinedShift_ThrowsNamingTheDay()
    {
        var exception = Assert.Throws<ArgumentException>(() => new ObservedHolidayRules { Sunday = (ObservedShift)7 }.Validate());

        Assert.Equal("Sunday", exception.ParamName);
    }
}
