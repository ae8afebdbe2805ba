using System.Globalization;
using NodaTime;

namespace K7.TimeFrames;

/// <summary>A holiday on the same day of the same month every year ("December 24").</summary>
/// <param name="Month">The month, 1 to 12.</param>
/// <param name="Day">The day of the month, valid for the month in a leap year (February 29 is allowed).</param>
/// <remarks>February 29 has no date in common years: <see cref="GetDate"/> returns <see langword="null"/> then.</remarks>
public sealed record FixedDateHolidayRule(int Month, int Day) : CompanyHolidayRule
{
    /// <summary>Gets the month, 1 to 12.</summary>
    public int Month { get; } = Month is >= 1 and <= 12
        ? Month
        : throw new ArgumentOutOfRangeException(nameof(Month), Month, "Expected a month from 1 to 12.");

    /// <summary>Gets the day of the month.</summary>
    /// <remarks>Checked against the month in a leap year (2000), so February 29 is a valid rule.</remarks>
    public int Day { get; } = Day >= 1 && Day <= CalendarSystem.Iso.GetDaysInMonth(2000, Month)
        ? Day
        : throw new ArgumentOutOfRangeException(nameof(Day), Day, string.Create(CultureInfo.InvariantCulture, $"Month {Month} has no day {Day}."));

    /// <inheritdoc />
    public override LocalDate? GetDate(int year)
    {
        CheckYear(year);
        return Day <= CalendarSystem.Iso.GetDaysInMonth(year, Month) ? new LocalDate(year, Month, Day) : null;
    }
}
