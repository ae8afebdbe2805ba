namespace K7.TimeFrames;

/// <summary>A region of a country that adds holidays to, or changes, the nationwide list.</summary>
/// <param name="Code">
/// The region code: ISO 3166-2 where one exists ("DE-BY", "AU-NSW", "GB-SCT", "CH-ZH"), otherwise a code of the same
/// shape documented by the calendar that offers it.
/// </param>
/// <param name="Name">The region's English name ("Bavaria").</param>
public sealed record HolidayRegion(string Code, string Name);
