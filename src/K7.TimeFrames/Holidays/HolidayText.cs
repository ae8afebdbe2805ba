using System.Text;

namespace K7.TimeFrames;

/// <summary>
/// Folds holiday names into ids and search keys: lowercase ASCII letters and digits, accents removed, Cyrillic
/// transliterated, apostrophes dropped and every other character turned into a word break.
/// </summary>
/// <remarks>
/// The package builds with invariant globalization, where <see cref="string.Normalize()"/> and culture-aware
/// comparisons do not remove accents, so the folding is table driven. Ids derived here are persisted by callers:
/// changing a mapping changes ids, so treat the tables as append-only.
/// </remarks>
internal static class HolidayText
{
    private const char FirstMapped = '\u00C0';
    private const char LastMapped = '\u024F';

    private static readonly string[] AsciiStrings = BuildAscii();

    // Index: c - FirstMapped. null = word break, "" = dropped, otherwise the ASCII replacement.
    private static readonly string?[] Latin = BuildLatin();

    /// <summary>Returns the lower-kebab id of <paramref name="text"/> ("Fête du Travail" → "fete-du-travail").</summary>
    /// <param name="text">A holiday name, or a provider's PascalCase key.</param>
    /// <param name="splitCamelCase">Whether "IndependenceDay" should give "independence-day".</param>
    /// <returns>The id; empty when the text has no letter or digit that folds to ASCII.</returns>
    public static string ToId(string text, bool splitCamelCase) => Fold(text, '-', splitCamelCase);

    /// <summary>Returns the search key of <paramref name="text"/>: folded words separated by single spaces.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The key ("Noël" → "noel", "new-year" → "new year").</returns>
    public static string ToSearchKey(string text) => Fold(text, ' ', splitCamelCase: false);

    /// <summary>Spells out a PascalCase key as words: "MartinLutherKing" → "Martin Luther King".</summary>
    /// <param name="key">The key.</param>
    /// <returns>The words, separated by single spaces.</returns>
    public static string ToWords(string key)
    {
        var builder = new StringBuilder(key.Length + 8);
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && IsWordStart(key, i) && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }

            builder.Append(char.IsLetterOrDigit(key[i]) ? key[i] : ' ');
        }

        return builder.ToString().Trim();
    }

    /// <summary>Tells whether <paramref name="id"/> is a non-empty lower-kebab id: <c>[a-z0-9]+(-[a-z0-9]+)*</c>.</summary>
    /// <param name="id">The candidate.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id[0] == '-' || id[^1] == '-')
        {
            return false;
        }

        var previousWasDash = false;
        foreach (var c in id)
        {
            if (c == '-')
            {
                if (previousWasDash)
                {
                    return false;
                }

                previousWasDash = true;
            }
            else if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                previousWasDash = false;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static string Fold(string text, char separator, bool splitCamelCase)
    {
        var builder = new StringBuilder(text.Length);
        var pendingBreak = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (splitCamelCase && i > 0 && IsWordStart(text, i))
            {
                pendingBreak = true;
            }

            var mapped = Map(c);
            if (mapped is null)
            {
                pendingBreak = true;
                continue;
            }

            if (mapped.Length == 0)
            {
                continue;
            }

            if (pendingBreak && builder.Length > 0)
            {
                builder.Append(separator);
            }

            pendingBreak = false;
            builder.Append(mapped);
        }

        return builder.ToString();
    }

    private static bool IsWordStart(string text, int i)
    {
        var c = text[i];
        var previous = text[i - 1];
        if (char.IsDigit(c) != char.IsDigit(previous) && char.IsLetterOrDigit(previous) && char.IsLetterOrDigit(c))
        {
            return true;
        }

        if (!char.IsUpper(c))
        {
            return false;
        }

        return char.IsLower(previous) || (char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]));
    }

    private static string? Map(char c)
    {
        if (c < 128)
        {
            return c switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' => AsciiStrings[c],
                >= 'A' and <= 'Z' => AsciiStrings[c + 32],
                '\'' or '`' => string.Empty,
                _ => null,
            };
        }

        if (c is >= FirstMapped and <= LastMapped)
        {
            return Latin[c - FirstMapped];
        }

        return c switch
        {
            // Apostrophes and modifier letters used as apostrophes, and the acute accent used as one.
            '\u00B4' or '\u2018' or '\u2019' or '\u02BB' or '\u02BC' => string.Empty,

            // Combining diacritical marks.
            >= '\u0300' and <= '\u036F' => string.Empty,
            '\u0259' => "e",
            >= '\u0400' and <= '\u04FF' => Cyrillic(char.ToLowerInvariant(c)),
            _ => null,
        };
    }

    private static string[] BuildAscii()
    {
        var strings = new string[128];
        for (var c = '0'; c <= '9'; c++)
        {
            strings[c] = c.ToString();
        }

        for (var c = 'a'; c <= 'z'; c++)
        {
            strings[c] = c.ToString();
        }

        return strings;
    }

    private static string? Cyrillic(char c) => c switch
    {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' or 'ё' or 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' or 'й' or 'і' or 'ї' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' or 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' or 'ь' => string.Empty,
        'ы' => "y",
        'ю' => "iu",
        'я' => "ia",
        'є' => "ie",
        'ђ' => "dj",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'џ' => "dz",
        'ѓ' or 'ґ' or 'ғ' => "g",
        'ќ' or 'қ' => "k",
        'ѕ' => "dz",
        'ә' => "a",
        'ң' => "n",
        'ө' => "o",
        'ұ' or 'ү' => "u",
        'һ' => "h",
        _ => null,
    };

    private static string?[] BuildLatin()
    {
        var table = new string?[LastMapped - FirstMapped + 1];

        void Set(char from, char to, string value)
        {
            for (var c = from; c <= to; c++)
            {
                table[c - FirstMapped] = value;
            }
        }

        // Latin-1 Supplement.
        Set('\u00C0', '\u00C5', "a");
        Set('\u00C6', '\u00C6', "ae");
        Set('\u00C7', '\u00C7', "c");
        Set('\u00C8', '\u00CB', "e");
        Set('\u00CC', '\u00CF', "i");
        Set('\u00D0', '\u00D0', "d");
        Set('\u00D1', '\u00D1', "n");
        Set('\u00D2', '\u00D6', "o");
        Set('\u00D8', '\u00D8', "o");
        Set('\u00D9', '\u00DC', "u");
        Set('\u00DD', '\u00DD', "y");
        Set('\u00DE', '\u00DE', "th");
        Set('\u00DF', '\u00DF', "ss");
        Set('\u00E0', '\u00E5', "a");
        Set('\u00E6', '\u00E6', "ae");
        Set('\u00E7', '\u00E7', "c");
        Set('\u00E8', '\u00EB', "e");
        Set('\u00EC', '\u00EF', "i");
        Set('\u00F0', '\u00F0', "d");
        Set('\u00F1', '\u00F1', "n");
        Set('\u00F2', '\u00F6', "o");
        Set('\u00F8', '\u00F8', "o");
        Set('\u00F9', '\u00FC', "u");
        Set('\u00FD', '\u00FD', "y");
        Set('\u00FE', '\u00FE', "th");
        Set('\u00FF', '\u00FF', "y");

        // Latin Extended-A.
        Set('\u0100', '\u0105', "a");
        Set('\u0106', '\u010D', "c");
        Set('\u010E', '\u0111', "d");
        Set('\u0112', '\u011B', "e");
        Set('\u011C', '\u0123', "g");
        Set('\u0124', '\u0127', "h");
        Set('\u0128', '\u0131', "i");
        Set('\u0132', '\u0133', "ij");
        Set('\u0134', '\u0135', "j");
        Set('\u0136', '\u0138', "k");
        Set('\u0139', '\u0142', "l");
        Set('\u0143', '\u014B', "n");
        Set('\u014C', '\u0151', "o");
        Set('\u0152', '\u0153', "oe");
        Set('\u0154', '\u0159', "r");
        Set('\u015A', '\u0161', "s");
        Set('\u0162', '\u0167', "t");
        Set('\u0168', '\u0173', "u");
        Set('\u0174', '\u0175', "w");
        Set('\u0176', '\u0178', "y");
        Set('\u0179', '\u017E', "z");
        Set('\u017F', '\u017F', "s");

        // The Latin Extended-B letters used by European and Turkic orthographies.
        Set('\u0180', '\u0180', "b");
        Set('\u018F', '\u018F', "e");
        Set('\u01A0', '\u01A1', "o");
        Set('\u01AF', '\u01B0', "u");
        Set('\u01CD', '\u01CE', "a");
        Set('\u01CF', '\u01D0', "i");
        Set('\u01D1', '\u01D2', "o");
        Set('\u01D3', '\u01DC', "u");
        Set('\u0218', '\u0219', "s");
        Set('\u021A', '\u021B', "t");
        return table;
    }
}
