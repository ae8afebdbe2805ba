using PublicHoliday;

namespace K7.TimeFrames;

/// <summary>One region of a country: a provider configuration.</summary>
/// <param name="Region">The public description.</param>
/// <param name="Create">A factory of a provider configured for the region.</param>
/// <param name="Label">
/// How the provider names the region in <c>Holiday.Regions</c>: entries it flags as not public are kept only when
/// they list this label (Portugal lists Madeira's and the Azores' days in every configuration; Switzerland flags the
/// cantonal days of the selected canton).
/// </param>
internal sealed record PublicHolidayRegionSource(HolidayRegion Region, Func<IPublicHolidays> Create, string? Label = null);
