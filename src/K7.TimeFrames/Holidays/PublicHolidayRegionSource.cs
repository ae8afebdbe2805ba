using PublicHoliday;

namespace K7.TimeFrames;

/// <summary>One region of a country: a provider configuration. Compared by reference (a cache key).</summary>
/// <param name="region">The public description.</param>
/// <param name="create">A factory of a provider configured for the region.</param>
/// <param name="label">
/// How the provider names the region in <c>Holiday.Regions</c>: entries it flags as not public are kept only when
/// they list this label (Portugal lists Madeira's and the Azores' days in every configuration; Switzerland flags the
/// cantonal days of the selected canton).
/// </param>
internal sealed class PublicHolidayRegionSource(HolidayRegion region, Func<IPublicHolidays> create, string? label = null)
{
    public HolidayRegion Region { get; } = region;

    public Func<IPublicHolidays> Create { get; } = create;

    public string? Label { get; } = label;
}
