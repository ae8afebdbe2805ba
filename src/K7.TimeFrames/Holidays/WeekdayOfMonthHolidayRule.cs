using NodaTime;

namespace K7.TimeFrames;

/// <summary>A holiday on a given weekday of a month: "fourth Thursday of November", "last Monday of May".</summary>
/// <param name="Month">The month, 1 to 12.</param>
/// <param name="Day">The day of the week, Monday to Sunday.</param>
/// <param name="Ordinal">Which occurrence of the weekday in the month.</param>
/// <remarks>
/// <see cref="WeekdayOrdinal.Fifth"/> exists only in some months: <see cref="GetDate"/> returns <see langword="null"/>
/// in the others. <see cref="WeekdayOrdinal.Last"/> is always the final occurrence.
/// </remarks>
public sealed record WeekdayOfMonthHolidayRule(int Month, IsoDayOfWeek Day, WeekdayOrdinal Ordinal) : CompanyHolidayRule
{
    /// <summary>Gets the month, 1 to 12.</summary>
    public int Month { get; } = Month is >= 1 and <= 12
        ? Month
        : throw new ArgumentOutOfRangeException(nameof(Month), Month, "Expected a month from 1 to 12.");

    /// <summary>Gets the day of the week.</summary>
    public IsoDayOfWeek Day { get; } = Day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday
        ? Day
        : throw new ArgumentOutOfRangeException(nameof(Day), Day, "Expected a day from Monday to Sunday.");

    /// <summary>Gets which occurrence of the weekday in the month.</summary>
    public WeekdayOrdinal Ordinal { get; } = Enum.IsDefined(Ordinal)
        ? Ordinal
        : throw new ArgumentOutOfRangeException(nameof(Ordinal), Ordinal, "Expected First to Fifth, or Last.");

    /// <inheritdoc />
    public override LocalDate? GetDate(int year)
    {
        CheckYear(year);
        return DateMath.NthWeekdayOfMonth(year, Month, Day, Ordinal);
    }
}
