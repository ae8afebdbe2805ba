using System.Diagnostics.CodeAnalysis;

namespace K7.TimeFrames;

/// <summary>Searching and looking up holidays of an <see cref="IHolidayCalendar"/>.</summary>
public static class HolidayCalendarExtensions
{
    /// <summary>
    /// Returns the holidays of a year whose name or id contains <paramref name="text"/>, ignoring case and accents
    /// ("noel" finds "Noël", "JUNE" finds "Juneteenth").
    /// </summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="countryCode">The ISO 3166-1 alpha-2 country code.</param>
    /// <param name="regionCode">The region, or <see langword="null"/> for the nationwide list.</param>
    /// <param name="year">The year.</param>
    /// <param name="text">The text to look for; empty or white space returns every holiday of the year.</param>
    /// <returns>The matching holidays, in the order of <see cref="IHolidayCalendar.GetHolidays"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> or <paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As <see cref="IHolidayCalendar.GetHolidays"/>.</exception>
    public static IReadOnlyList<Holiday> Search(this IHolidayCalendar calendar, string countryCode, string? regionCode, int year, string text)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(text);
        var holidays = calendar.GetHolidays(countryCode, regionCode, year);
        var key = HolidayText.ToSearchKey(text);
        if (key.Length == 0)
        {
            return holidays;
        }

        var matches = new List<Holiday>();
        foreach (var holiday in holidays)
        {
            if (HolidayText.ToSearchKey(holiday.Name).Contains(key, StringComparison.Ordinal)
                || HolidayText.ToSearchKey(holiday.Id).Contains(key, StringComparison.Ordinal))
            {
                matches.Add(holiday);
            }
        }

        return matches;
    }

    /// <summary>Finds a holiday by id in a year.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="countryCode">The ISO 3166-1 alpha-2 country code.</param>
    /// <param name="regionCode">The region, or <see langword="null"/> for the nationwide list.</param>
    /// <param name="holidayId">The holiday's id, compared ignoring case.</param>
    /// <param name="year">The year.</param>
    /// <param name="holiday">The holiday, when found.</param>
    /// <returns><see langword="true"/> when the holiday occurs in that year.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> or <paramref name="holidayId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As <see cref="IHolidayCalendar.GetHolidays"/>.</exception>
    public static bool TryFindHoliday(
        this IHolidayCalendar calendar,
        string countryCode,
        string? regionCode,
        string holidayId,
        int year,
        [NotNullWhen(true)] out Holiday? holiday)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(holidayId);
        foreach (var candidate in calendar.GetHolidays(countryCode, regionCode, year))
        {
            if (string.Equals(candidate.Id, holidayId, StringComparison.OrdinalIgnoreCase))
            {
                holiday = candidate;
                return true;
            }
        }

        holiday = null;
        return false;
    }

    /// <summary>Tells whether a holiday id occurs in at least one year of a range.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="countryCode">The ISO 3166-1 alpha-2 country code.</param>
    /// <param name="regionCode">The region, or <see langword="null"/> for the nationwide list.</param>
    /// <param name="holidayId">The holiday's id, compared ignoring case.</param>
    /// <param name="fromYear">The first year, inclusive.</param>
    /// <param name="toYear">The last year, inclusive.</param>
    /// <returns>
    /// <see langword="true"/> when the holiday occurs in a year of the range. Years the calendar does not cover for
    /// the country (see <see cref="HolidayCountry.FirstYear"/>) are skipped.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> or <paramref name="holidayId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toYear"/> is before <paramref name="fromYear"/>.</exception>
    /// <exception cref="ArgumentException">The country or region is unknown, as for <see cref="IHolidayCalendar.GetHolidays"/>.</exception>
    public static bool IsKnownHoliday(
        this IHolidayCalendar calendar, string countryCode, string? regionCode, string holidayId, int fromYear, int toYear)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(countryCode);
        ArgumentNullException.ThrowIfNull(holidayId);
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, fromYear);
        if (!calendar.TryGetCountry(countryCode, out var country))
        {
            throw new ArgumentException($"The holiday calendar has no country '{countryCode}'.", nameof(countryCode));
        }

        var first = Math.Max(fromYear, country.FirstYear);
        var last = Math.Min(toYear, country.LastYear);
        if (first > last)
        {
            // Still report an unknown region.
            _ = calendar.GetHolidays(countryCode, regionCode, country.FirstYear);
            return false;
        }

        for (var year = first; year <= last; year++)
        {
            if (calendar.TryFindHoliday(countryCode, regionCode, holidayId, year, out _))
            {
                return true;
            }
        }

        return false;
    }
}
