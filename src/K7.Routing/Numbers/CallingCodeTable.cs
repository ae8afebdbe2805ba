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
    private static readonly int[] MaxNationalLengths = new int[Size];

    /// <summary>For a code whose national prefix is a pattern, 1 + the index of the pattern in <see cref="PatternSources"/>; otherwise 0.</summary>
    private static readonly int[] PatternIndexes = new int[Size];

    /// <summary>The national-prefix patterns, anchored and limited to non-empty matches.</summary>
    private static readonly List<string> PatternSources = [];

    /// <summary>For a code whose national prefix is a pattern, the digits a non-empty match can start with (bit d for digit d).</summary>
    private static readonly int[] PatternFirstDigits = new int[Size];

    /// <summary>
    /// Each thread's own instances of the patterns, created on first use: a <see cref="Regex"/> shared by threads
    /// allocates a new runner whenever two of them use it at once, and the fast path must not allocate.
    /// </summary>
    [ThreadStatic]
    private static Regex?[]? _threadPatterns;

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
                // (?<=.) keeps only non-empty matches: an empty one strips nothing.
                PatternSources.Add($"^(?:{prefix})(?<=.)");
                PatternIndexes[code] = PatternSources.Count;
                PatternFirstDigits[code] = RegexFirstDigits.Compute(prefix);
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

        // Run the pattern only when a non-empty match could start with the first digit: the pattern costs hundreds of
        // nanoseconds, the check one. A non-empty match is enough to leave the number to libphonenumber, even where
        // libphonenumber's own (first) match would be empty: the fallback is always right, only slower.
        var index = PatternIndexes[code];
        return index > 0
            && !national.IsEmpty
            && (PatternFirstDigits[code] & (1 << (national[0] - '0'))) != 0
            && Pattern(index - 1).IsMatch(national);
    }

    private static Regex Pattern(int index)
    {
        var patterns = _threadPatterns ??= new Regex?[PatternSources.Count];
        return patterns[index] ??= new Regex(PatternSources[index], RegexOptions.CultureInvariant);
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
