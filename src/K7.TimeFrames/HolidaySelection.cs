using NodaTime;

namespace K7.TimeFrames;

/// <summary>One holiday picked for a holidays time frame: from the holiday calendar, or defined by the company.</summary>
/// <remarks>
/// Set either <see cref="Country"/> and <see cref="HolidayId"/> (and optionally <see cref="Region"/>) to pick from the
/// <see cref="IHolidayCalendar"/>, or <see cref="Company"/> for a company-defined holiday; not both.
/// </remarks>
public sealed record HolidaySelection
{
    /// <summary>Gets the ISO 3166-1 alpha-2 country of a calendar holiday ("US").</summary>
    public string? Country { get; init; }

    /// <summary>Gets the region of a calendar holiday ("DE-BY"), or <see langword="null"/> for nationwide data.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the calendar's stable id of the holiday ("juneteenth").</summary>
    public string? HolidayId { get; init; }

    /// <summary>Gets a company-defined holiday, used instead of a calendar one.</summary>
    public CompanyHoliday? Company { get; init; }

    /// <summary>Gets the time of day the frame is active on each observed day of the holiday.</summary>
    /// <value>Default: <see cref="TimeRange.WholeDay"/>.</value>
    public TimeRange Time { get; init; } = TimeRange.WholeDay;

    /// <summary>Gets the single year in which the holiday applies, or <see langword="null"/> when it recurs every year.</summary>
    /// <value>Default: <see langword="null"/> (yearly).</value>
    public int? OnlyInYear { get; init; }

    /// <summary>Gets the last date of a yearly recurrence (inclusive; compared with the holiday's actual date), or <see langword="null"/>.</summary>
    /// <value>Default: <see langword="null"/> (never ends).</value>
    public LocalDate? Until { get; init; }

    /// <summary>Gets a value indicating whether the selection recurs every year.</summary>
    public bool RecursYearly => OnlyInYear is null;

    /// <summary>Returns a selection of the calendar holiday <paramref name="holidayId"/> of <paramref name="country"/>.</summary>
    /// <param name="country">The ISO 3166-1 alpha-2 country code.</param>
    /// <param name="holidayId">The calendar's stable holiday id.</param>
    /// <param name="region">The region, or <see langword="null"/>.</param>
    /// <returns>The selection, recurring yearly for the whole day.</returns>
    public static HolidaySelection FromCalendar(string country, string holidayId, string? region = null) =>
        new() { Country = country, HolidayId = holidayId, Region = region };

    /// <summary>Returns a selection of a company-defined holiday.</summary>
    /// <param name="holiday">The holiday.</param>
    /// <returns>The selection, recurring yearly for the whole day.</returns>
    public static HolidaySelection FromCompany(CompanyHoliday holiday) => new() { Company = holiday };
}
