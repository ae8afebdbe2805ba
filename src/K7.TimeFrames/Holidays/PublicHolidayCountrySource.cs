using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using PublicHoliday;

namespace K7.TimeFrames;

/// <summary>One country of the PublicHoliday package: how to build its providers and which regions it offers.</summary>
internal sealed class PublicHolidayCountrySource
{
    private readonly FrozenDictionary<string, PublicHolidayRegionSource> _regions;

    public PublicHolidayCountrySource(
        string code,
        string name,
        Func<IPublicHolidays> nationwide,
        IEnumerable<PublicHolidayRegionSource>? regions = null,
        int firstYear = PublicHolidaySources.MinYear,
        int lastYear = PublicHolidaySources.MaxYear,
        bool datesFromNames = false)
    {
        var sorted = (regions ?? []).OrderBy(r => r.Region.Code, StringComparer.Ordinal).ToArray();
        Country = new HolidayCountry(code, name, Array.AsReadOnly(sorted.Select(r => r.Region).ToArray()))
        {
            FirstYear = firstYear,
            LastYear = lastYear,
        };
        Nationwide = nationwide;
        DatesFromNames = datesFromNames;
        var byCode = new Dictionary<string, PublicHolidayRegionSource>(StringComparer.OrdinalIgnoreCase);
        foreach (var region in sorted)
        {
            byCode.Add(region.Region.Code, region);
            byCode.Add(region.Region.Code[(code.Length + 1)..], region);
        }

        _regions = byCode.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the public description of the country.</summary>
    public HolidayCountry Country { get; }

    /// <summary>Gets a factory of a provider for the nationwide list (the provider's default configuration).</summary>
    public Func<IPublicHolidays> Nationwide { get; }

    /// <summary>
    /// Gets a value indicating whether the dates come from <see cref="IPublicHolidays.PublicHolidayNames"/> instead of
    /// <see cref="IPublicHolidays.PublicHolidaysInformation"/> (Serbia: the latter uses Western Easter).
    /// </summary>
    public bool DatesFromNames { get; }

    /// <summary>Finds a region by its full ("DE-BY") or short ("BY") code, ignoring case.</summary>
    public bool TryGetRegion(string code, [NotNullWhen(true)] out PublicHolidayRegionSource? region) =>
        _regions.TryGetValue(code, out region);
}
