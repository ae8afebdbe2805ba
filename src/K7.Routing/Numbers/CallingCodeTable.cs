using System.Text.RegularExpressions;
using PhoneNumbers;

namespace K7.Routing;

/// <summary>
/// What the allocation-free path of <see cref="PhoneNumberCanonicalizer.TryCanonicalize"/> needs to know about each
/// country calling code, taken once from libphonenumber's metadata: whether the code is assigned, and whether
/// libphonenumber could strip a national prefix (a trunk prefix written after the country code, as in
/// <c>+44 (0)20…</c>) from a number, in which case the fast path leaves the number to libphonenumber.
/// </summary>
internal static class CallingCodeTable
{
    private const int Size = 1000;

    private static readonly bool[] Assigned = new bool[Size];
    private static readonly string?[] LiteralPrefixes = new string?[Size];
    private static readonly Regex?[] PatternPrefixes = new Regex?[Size];
    private static readonly int[] MaxNationalLengths = new int[Size];

#pragma warning disable CA1810 // The tables are filled together from one pass over the metadata.
    static CallingCodeTable()
#pragma warning restore CA1810
    {
        var util = PhoneNumberUtil.GetInstance();
        foreach (var code in util.GetSupportedCallingCodes())
        {
            if (code is <= 0 or >= Size)
            {
                continue;
            }

            var region = util.GetRegionCodeForCountryCode(code);
            var metadata = region == "001" ? util.GetMetadataForNonGeographicalRegion(code) : util.GetMetadataForRegion(region);
            if (metadata is null)
            {
                continue;
            }

            Assigned[code] = true;
            var prefix = !string.IsNullOrEmpty(metadata.NationalPrefixForParsing) ? metadata.NationalPrefixForParsing : metadata.NationalPrefix;
            if (string.IsNullOrEmpty(prefix))
            {
                // Nothing to strip.
            }
            else if (IsAllAsciiDigits(prefix))
            {
                LiteralPrefixes[code] = prefix;
            }
            else
            {
                PatternPrefixes[code] = new Regex($"^(?:{prefix})", RegexOptions.CultureInvariant);
            }

            var max = 0;
            foreach (var length in metadata.GeneralDesc.PossibleLengthList)
            {
                max = Math.Max(max, length);
            }

            MaxNationalLengths[code] = max;
        }
    }

    /// <summary>Returns whether <paramref name="code"/> is an assigned country calling code.</summary>
    public static bool IsAssigned(int code) => (uint)code < Size && Assigned[code];

    /// <summary>
    /// Returns whether libphonenumber might strip a national prefix from <paramref name="national"/> (the digits after
    /// the country calling code), so that the number is not simply the digits as written. Allocates nothing once warm.
    /// </summary>
    public static bool MayStripNationalPrefix(int code, ReadOnlySpan<char> national)
    {
        if (LiteralPrefixes[code] is { } literal)
        {
            return national.StartsWith(literal, StringComparison.Ordinal);
        }

        if (PatternPrefixes[code] is { } pattern)
        {
            foreach (var match in pattern.EnumerateMatches(national))
            {
                return match.Length > 0;
            }
        }

        return false;
    }

    /// <summary>The largest possible length of a national significant number for <paramref name="code"/>, or 0 when unknown.</summary>
    public static int MaxNationalLength(int code) => IsAssigned(code) ? MaxNationalLengths[code] : 0;

    private static bool IsAllAsciiDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
