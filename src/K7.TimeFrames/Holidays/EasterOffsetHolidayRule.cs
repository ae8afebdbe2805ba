using NodaTime;

namespace K7.TimeFrames;

/// <summary>A holiday a number of days before or after Western (Gregorian) Easter Sunday: Good Friday is −2, Whit Monday +50.</summary>
/// <param name="Days">The offset from Easter Sunday in days, −200 to 200.</param>
/// <remarks>
/// <see cref="GetDate"/> returns Easter Sunday of the given year plus <see cref="Days"/>. Easter Sunday falls between
/// March 22 and April 25, so with an offset below −80 the date can be in December of the previous year.
/// </remarks>
public sealed record EasterOffsetHolidayRule(int Days) : CompanyHolidayRule
{
    /// <summary>The largest offset, in days, before or after Easter Sunday.</summary>
    public const int MaxOffset = 200;

    /// <summary>Gets the offset from Easter Sunday in days.</summary>
    public int Days { get; } = Days is >= -MaxOffset and <= MaxOffset
        ? Days
        : throw new ArgumentOutOfRangeException(nameof(Days), Days, "Expected an offset from -200 to 200 days.");

    /// <inheritdoc />
    public override LocalDate? GetDate(int year)
    {
        CheckYear(year);
        return DateMath.EasterSunday(year).PlusDays(Days);
    }
}
