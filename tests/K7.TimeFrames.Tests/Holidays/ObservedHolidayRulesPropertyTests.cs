using FsCheck.Xunit;
using NodaTime;

namespace K7.TimeFrames.Tests.Holidays;

public sealed class ObservedHolidayRulesPropertyTests
{
    [Property(MaxTest = 500, Arbitrary = [typeof(HolidayGenerators)])]
    public void GetObservedDates_AnyRules_AreAscendingAndDistinct(ObservedCase test)
    {
        var dates = test.Rules.GetObservedDates(test.Actual);

        Assert.InRange(dates.Count, 1, ObservedHolidayRules.MaxObservedDates);
        for (var i = 1; i < dates.Count; i++)
        {
            Assert.True(dates[i - 1] < dates[i], $"{dates[i - 1]} should be before {dates[i]}");
        }
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(HolidayGenerators)])]
    public void GetObservedDates_AnyRules_MovesOnlyToWorkdays(ObservedCase test)
    {
        foreach (var date in test.Rules.GetObservedDates(test.Actual))
        {
            Assert.True(date == test.Actual || test.Rules.WorkWeek.Contains(date.DayOfWeek), $"{date} ({date.DayOfWeek}) is not a workday");
        }
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(HolidayGenerators)])]
    public void GetObservedDates_AnyRules_PrecedingIsBeforeAndFollowingAfterTheActualDay(ObservedCase test)
    {
        var (rules, actual) = (test.Rules, test.Actual);
        var shift = rules.GetShift(actual.DayOfWeek);
        var dates = rules.GetObservedDates(actual);

        var before = dates.Where(d => d < actual).ToList();
        var after = dates.Where(d => d > actual).ToList();
        Assert.Equal(shift is ObservedShift.PrecedingWorkday or ObservedShift.Both ? 1 : 0, before.Count);
        Assert.Equal(shift is ObservedShift.FollowingWorkday or ObservedShift.Both ? 1 : 0, after.Count);
        Assert.Equal(rules.KeepActualDay || shift == ObservedShift.NotMoved, dates.Contains(actual));

        // The nearest workdays: no workday lies between them and the holiday.
        foreach (var moved in before.Concat(after))
        {
            var (from, to) = moved < actual ? (moved, actual) : (actual, moved);
            for (var day = from.PlusDays(1); day < to; day = day.PlusDays(1))
            {
                Assert.False(rules.WorkWeek.Contains(day.DayOfWeek), $"{day} is a nearer workday than {moved}");
            }

            Assert.InRange(Period.Between(from, to, PeriodUnits.Days).Days, 1, 7);
        }
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(HolidayGenerators)])]
    public void GetObservedDates_SpanAndList_Agree(ObservedCase test)
    {
        var destination = new LocalDate[ObservedHolidayRules.MaxObservedDates];

        var count = test.Rules.GetObservedDates(test.Actual, destination);

        Assert.Equal(test.Rules.GetObservedDates(test.Actual), destination.Take(count));
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(HolidayGenerators)])]
    public void Validate_GeneratedRules_DoNotThrow(ObservedCase test)
    {
        test.Rules.Validate();
    }
}
