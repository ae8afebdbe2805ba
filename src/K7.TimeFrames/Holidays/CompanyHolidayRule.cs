using NodaTime;

namespace K7.TimeFrames;

/// <summary>The rule that gives a company-defined holiday its date in each year.</summary>
/// <remarks>
/// The rules are <see cref="FixedDateHolidayRule"/>, <see cref="WeekdayOfMonthHolidayRule"/> and
/// <see cref="EasterOffsetHolidayRule"/>; the constructor is internal so that the set stays closed. Each checks
/// its values when built, and its properties cannot be changed with <c>with</c>. Immutable and thread-safe.
/// </remarks>
public abstract record CompanyHolidayRule
{
    internal CompanyHolidayRule()
    {
    }

    /// <summary>Returns the holiday's date in <paramref name="year"/>, or <see langword="null"/> when it has none that year.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <returns>The date, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1 to 9999.</exception>
    public abstract LocalDate? GetDate(int year);

    /// <summary>Checks a year passed to <see cref="GetDate"/>.</summary>
    /// <param name="year">The year.</param>
    private protected static void CheckYear(int year)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Expected a year from 1 to 9999.");
        }
    }
}
