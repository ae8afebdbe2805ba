using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace K7.TimeFrames.Tests.Holidays;

/// <summary>Valid observed-holiday rules and a holiday date.</summary>
/// <param name="Rules">The rules.</param>
/// <param name="Actual">The holiday's actual date.</param>
public sealed record ObservedCase(ObservedHolidayRules Rules, LocalDate Actual)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Actual:yyyy-MM-dd} ({Actual.DayOfWeek}) under WorkWeek={Rules.WorkWeek}, "
        + $"Mon..Sun={string.Join("/", Enumerable.Range(1, 7).Select(d => Rules.GetShift((IsoDayOfWeek)d)))}, Keep={Rules.KeepActualDay}";
}

/// <summary>FsCheck generators of the holiday tests.</summary>
public static class HolidayGenerators
{
    /// <summary>Rules with a non-empty work week and any shifts, with a date from 1900 to 2200.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ObservedCase> ObservedCase()
    {
        var shift = Gen.Elements(ObservedShift.NotMoved, ObservedShift.PrecedingWorkday, ObservedShift.FollowingWorkday, ObservedShift.Both);
        var rules =
            from workWeek in Gen.Choose(1, 127)
            from shifts in Gen.ArrayOf(shift, 7)
            from keep in Gen.Elements(true, false)
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
        var first = new LocalDate(1900, 1, 1);
        var days = Period.Between(first, new LocalDate(2200, 12, 31), PeriodUnits.Days).Days;
        var date = Gen.Choose(0, days).Select(first.PlusDays);
        return Arb.From(from r in rules from d in date select new ObservedCase(r, d));
    }
}
