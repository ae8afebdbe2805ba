using System.Diagnostics.CodeAnalysis;

namespace K7.TimeFrames;

/// <summary>A country covered by a holiday calendar, with the regions that have their own holidays.</summary>
/// <param name="Code">The ISO 3166-1 alpha-2 code, upper case ("US").</param>
/// <param name="Name">The country's English name ("United States").</param>
/// <param name="Regions">The regions with their own holiday lists, sorted by <see cref="HolidayRegion.Code"/>; empty when the data is nationwide only.</param>
/// <remarks>Equality compares <see cref="Regions"/> item by item.</remarks>
public sealed record HolidayCountry(string Code, string Name, IReadOnlyList<HolidayRegion> Regions)
{
    /// <summary>Gets the first year for which the calendar has this country's holidays.</summary>
    /// <value>Default: 1900.</value>
    public int FirstYear { get; init; } = 1900;

    /// <summary>Gets the last year for which the calendar has this country's holidays.</summary>
    /// <value>Default: 2200.</value>
    public int LastYear { get; init; } = 2200;

    /// <summary>Finds a region by code, ignoring case; the country prefix may be left out ("DE-BY" or "by").</summary>
    /// <param name="code">The region code.</param>
    /// <param name="region">The region, when found.</param>
    /// <returns><see langword="true"/> when the country has the region.</returns>
    public bool TryGetRegion(string code, [NotNullWhen(true)] out HolidayRegion? region)
    {
        if (!string.IsNullOrEmpty(code))
        {
            foreach (var candidate in Regions ?? [])
            {
                if (string.Equals(candidate.Code, code, StringComparison.OrdinalIgnoreCase)
                    || (candidate.Code.Length == Code.Length + 1 + code.Length
                        && candidate.Code.StartsWith(Code, StringComparison.OrdinalIgnoreCase)
                        && candidate.Code[Code.Length] == '-'
                        && candidate.Code.EndsWith(code, StringComparison.OrdinalIgnoreCase)))
                {
                    region = candidate;
                    return true;
                }
            }
        }

        region = null;
        return false;
    }

    /// <summary>Compares two countries, including their regions item by item.</summary>
    /// <param name="other">The other country.</param>
    /// <returns><see langword="true"/> when both describe the same data.</returns>
    public bool Equals(HolidayCountry? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Code, other.Code, StringComparison.Ordinal)
                && string.Equals(Name, other.Name, StringComparison.Ordinal)
                && FirstYear == other.FirstYear
                && LastYear == other.LastYear
                && (Regions ?? []).SequenceEqual(other.Regions ?? [])));

    /// <summary>Returns a hash code consistent with <see cref="Equals(HolidayCountry?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Code, StringComparer.Ordinal);
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(FirstYear);
        hash.Add(LastYear);
        foreach (var region in Regions ?? [])
        {
            hash.Add(region);
        }

        return hash.ToHashCode();
    }
}
