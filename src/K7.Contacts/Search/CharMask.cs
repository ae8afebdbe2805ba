namespace K7.Contacts.Search;

/// <summary>
/// A 64-bit summary of the characters of a contact's keys, so that a scan (search texts of one or two characters)
/// rejects most contacts without reading their keys.
/// </summary>
/// <remarks>
/// Bits 0–25 are <c>a</c>–<c>z</c> and bits 26–35 <c>0</c>–<c>9</c> of the name key, bit 36 a space; any other
/// character of the name key sets one of bits 37–53 (shared by several characters); bits 54–63 are the digits of the
/// digit key. A key can hold a text only if its mask holds the text's mask.
/// </remarks>
internal static class CharMask
{
    private const int DigitBase = 26;
    private const int SpaceBit = 36;
    private const int OtherBase = 37;
    private const int OtherBuckets = 17;
    private const int NumberBase = 54;

    /// <summary>Gets the mask of folded name text.</summary>
    public static ulong Of(string text)
    {
        var mask = 0UL;
        foreach (var c in text)
        {
            mask |= 1UL << Bit(c);
        }

        return mask;
    }

    /// <summary>Gets the mask of a digit key or digit needle (separators ignored).</summary>
    public static ulong OfDigits(string digits)
    {
        var mask = 0UL;
        foreach (var c in digits)
        {
            if (char.IsAsciiDigit(c))
            {
                mask |= 1UL << (NumberBase + (c - '0'));
            }
        }

        return mask;
    }

    /// <summary>Tells whether a one-character text's bit is its own (the mask alone decides a match).</summary>
    public static bool IsExact(string text) => text.Length == 1 && Bit(text[0]) < OtherBase;

    private static int Bit(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= '0' and <= '9' => DigitBase + (c - '0'),
        ' ' => SpaceBit,
        _ => OtherBase + (c % OtherBuckets),
    };
}
