using System.Buffers;

namespace K7.Contacts.Search;

/// <summary>
/// Folds text for search: lower case, accents removed, white space collapsed; and extracts the digits of numbers.
/// </summary>
/// <remarks>
/// <para>
/// The package runs with invariant globalization, where <see cref="string.Normalize(System.Text.NormalizationForm)"/>
/// leaves <c>é</c> as it is (checked on .NET 10: the FormD of "José" is unchanged), so accents are removed with a table
/// of our own covering Latin-1 Supplement and Latin Extended-A (<c>é</c> → <c>e</c>, <c>ß</c> → <c>ss</c>,
/// <c>æ</c> → <c>ae</c>, <c>ø</c> → <c>o</c>, <c>ł</c> → <c>l</c>, <c>đ</c> → <c>d</c>, <c>œ</c> → <c>oe</c>,
/// <c>þ</c> → <c>th</c>, …). Combining diacritical marks (U+0300–U+036F) are dropped, so text typed decomposed folds
/// the same. Any other character is lower-cased with <see cref="char.ToLowerInvariant(char)"/>.
/// </para>
/// <para>
/// White space and control characters count as a separator: runs of them become one space, and leading and trailing
/// ones are dropped. Punctuation is kept (<c>o'brien</c> is not <c>obrien</c>).
/// </para>
/// </remarks>
internal static class TextFolding
{
    private const int TableEnd = 0x180;
    private const int StackLimit = 256;

    private static readonly string?[] Table = BuildTable();

    /// <summary>Folds text; <see langword="null"/> folds to the empty string.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsFolded(text))
        {
            return text;
        }

        var capacity = text.Length * 2;
        char[]? rented = null;
        var buffer = capacity <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (c is >= '\u0300' and <= '\u036F')
            {
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            if (c < TableEnd && Table[c] is { } replacement)
            {
                foreach (var r in replacement)
                {
                    buffer[length++] = r;
                }
            }
            else
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        var result = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Gets the ASCII digits of text, in order ("+1 (555) 123" → "1555123"); empty when there are none.</summary>
    public static string Digits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        if (count == text.Length)
        {
            return text;
        }

        if (count == 0)
        {
            return string.Empty;
        }

        return string.Create(count, text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsAsciiDigit(c))
                {
                    span[i++] = c;
                }
            }
        });
    }

    /// <summary>
    /// Tells whether a search text reads as a number: at least one digit and no letter ("555-123", "+1 (555)", "*97";
    /// not "room 2"). Only such text is looked for, by its digits, in numbers and extensions.
    /// </summary>
    public static bool IsNumberLike(string text)
    {
        var digit = false;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return false;
            }

            digit |= char.IsAsciiDigit(c);
        }

        return digit;
    }

    /// <summary>Tells whether a word starts at <paramref name="index"/>: at the start, or after a character that is neither a letter nor a digit.</summary>
    public static bool IsWordStart(ReadOnlySpan<char> text, int index) => index == 0 || !char.IsLetterOrDigit(text[index - 1]);

    private static bool IsFolded(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
                continue;
            }

            previousSpace = false;
            if (c > '\u007F' || char.IsAsciiLetterUpper(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string?[] BuildTable()
    {
        var table = new string?[TableEnd];

        // Latin-1 Supplement.
        Fill(table, 0xC0, 0xC5, "a");
        Fill(table, 0xC6, 0xC6, "ae");
        Fill(table, 0xC7, 0xC7, "c");
        Fill(table, 0xC8, 0xCB, "e");
        Fill(table, 0xCC, 0xCF, "i");
        Fill(table, 0xD0, 0xD0, "d");
        Fill(table, 0xD1, 0xD1, "n");
        Fill(table, 0xD2, 0xD6, "o");
        Fill(table, 0xD8, 0xD8, "o");
        Fill(table, 0xD9, 0xDC, "u");
        Fill(table, 0xDD, 0xDD, "y");
        Fill(table, 0xDE, 0xDE, "th");
        Fill(table, 0xDF, 0xDF, "ss");
        Fill(table, 0xE0, 0xE5, "a");
        Fill(table, 0xE6, 0xE6, "ae");
        Fill(table, 0xE7, 0xE7, "c");
        Fill(table, 0xE8, 0xEB, "e");
        Fill(table, 0xEC, 0xEF, "i");
        Fill(table, 0xF0, 0xF0, "d");
        Fill(table, 0xF1, 0xF1, "n");
        Fill(table, 0xF2, 0xF6, "o");
        Fill(table, 0xF8, 0xF8, "o");
        Fill(table, 0xF9, 0xFC, "u");
        Fill(table, 0xFD, 0xFD, "y");
        Fill(table, 0xFE, 0xFE, "th");
        Fill(table, 0xFF, 0xFF, "y");

        // Latin Extended-A, in code point order (upper and lower case alternate).
        Fill(table, 0x100, 0x105, "a");
        Fill(table, 0x106, 0x10D, "c");
        Fill(table, 0x10E, 0x111, "d");
        Fill(table, 0x112, 0x11B, "e");
        Fill(table, 0x11C, 0x123, "g");
        Fill(table, 0x124, 0x127, "h");
        Fill(table, 0x128, 0x131, "i");
        Fill(table, 0x132, 0x133, "ij");
        Fill(table, 0x134, 0x135, "j");
        Fill(table, 0x136, 0x138, "k");
        Fill(table, 0x139, 0x142, "l");
        Fill(table, 0x143, 0x14B, "n");
        Fill(table, 0x14C, 0x151, "o");
        Fill(table, 0x152, 0x153, "oe");
        Fill(table, 0x154, 0x159, "r");
        Fill(table, 0x15A, 0x161, "s");
        Fill(table, 0x162, 0x167, "t");
        Fill(table, 0x168, 0x173, "u");
        Fill(table, 0x174, 0x175, "w");
        Fill(table, 0x176, 0x178, "y");
        Fill(table, 0x179, 0x17E, "z");
        Fill(table, 0x17F, 0x17F, "s");
        return table;
    }

    private static void Fill(string?[] table, int first, int last, string replacement)
    {
        for (var c = first; c <= last; c++)
        {
            table[c] = replacement;
        }
    }
}
