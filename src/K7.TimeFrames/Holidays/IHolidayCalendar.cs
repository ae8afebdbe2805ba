using System.Diagnostics.CodeAnalysis;

namespace K7.TimeFrames;

/// <summary>Public holidays by country, region and year, on their actual dates.</summary>
/// <remarks>
/// Implementations are thread-safe. Observed-holiday rules (a Saturday holiday observed on Friday) are not applied
/// here: see <see cref="ObservedHolidayRules"/>.
/// </remarks>
public interface IHolidayCalendar
{
    /// <summary>Gets the countries the calendar covers, sorted by <see cref="HolidayCountry.Code"/>.</summary>
    IReadOnlyList<HolidayCountry> Countries { get; }

    /// <summary>Finds a country by its ISO 3166-1 alpha-2 code, ignoring case.</summary>
    /// <param name="countryCode">The country code ("US", "de").</param>
    /// <param name="country">The country, when found.</param>
    /// <returns><see langword="true"/> when the calendar covers the country.</returns>
    bool TryGetCountry(string countryCode, [NotNullWhen(true)] out HolidayCountry? country);

    /// <summary>Returns the holidays of <paramref name="year"/> in a country, or in one of its regions.</summary>
    /// <param name="countryCode">The ISO 3166-1 alpha-2 country code, any case.</param>
    /// <param name="regionCode">
    /// A region of the country (see <see cref="HolidayCountry.Regions"/>), or <see langword="null"/> (or empty) for the
    /// nationwide list.
    /// </param>
    /// <param name="year">The year, from 1900 to 2200 and within the country's <see cref="HolidayCountry.FirstYear"/> and <see cref="HolidayCountry.LastYear"/>.</param>
    /// <returns>The holidays on their actual dates, sorted by <see cref="Holiday.Date"/> then <see cref="Holiday.Id"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="countryCode"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The country (ParamName <c>countryCode</c>) or the region (ParamName <c>regionCode</c>) is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside the years the calendar covers for the country.</exception>
    IReadOnlyList<Holiday> GetHolidays(string countryCode, string? regionCode, int year);
}
