using System.Text;

namespace K7.Contacts.Formats;

/// <summary>Text escaping, structured values, quoted-printable and charsets of vCard values.</summary>
internal static class VCardText
{
    /// <summary>
    /// Removes text escapes: <c>\n</c> and <c>\N</c> become a line break; <c>\,</c>, <c>\;</c>, <c>\:</c> and
    /// <c>\\</c> the character. Any other backslash is kept as written (<c>C:\temp</c> stays).
    /// </summary>
    public static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                var next = value[i + 1];
                switch (next)
                {
                    case 'n' or 'N':
                        builder.Append('\n');
                        i++;
                        continue;
                    case ',' or ';' or ':' or '\\':
                        builder.Append(next);
                        i++;
                        continue;
                }
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Splits a value at unescaped separators; the parts keep their escapes.</summary>
    public static List<string> Split(string value, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == separator)
            {
                parts.Add(value[start..i]);
                start = i + 1;
            }
        }

        parts.Add(value[Math.Min(start, value.Length)..]);
        return parts;
    }

    /// <summary>Escapes a text value: backslash, semicolon, comma, and line breaks (CRLF, CR or LF, written <c>\n</c>).</summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case ';':
                    builder.Append(@"\;");
                    break;
                case ',':
                    builder.Append(@"\,");
                    break;
                case '\r':
                    builder.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Trims a value; <see langword="null"/> when nothing is left.</summary>
    public static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>
    /// Decodes a quoted-printable value (soft line breaks are already joined): <c>=XX</c> is a byte; anything else
    /// stands for itself (a broken <c>=</c> sequence is kept as written). The bytes are then decoded with the charset.
    /// </summary>
    public static string DecodeQuotedPrintable(string value, Encoding charset)
    {
        var bytes = new List<byte>(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '=' && i + 2 < value.Length && char.IsAsciiHexDigit(value[i + 1]) && char.IsAsciiHexDigit(value[i + 2]))
            {
                bytes.Add((byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2])));
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                // Not quoted-printable at all: keep the character (as UTF-8 bytes when the charset is UTF-8).
                var rune = Rune.TryGetRuneAt(value, i, out var r) ? r : Rune.ReplacementChar;
                var written = rune.EncodeToUtf8(utf8);
                for (var k = 0; k < written; k++)
                {
                    bytes.Add(utf8[k]);
                }

                i += rune.Utf16SequenceLength - 1;
            }
        }

        return charset.GetString(bytes.ToArray());
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>
    /// Finds a charset by name: UTF-8 when none is given; ISO-8859-1 is read as Windows-1252 (its superset for text,
    /// as browsers do); other names through the code pages that ship with .NET.
    /// </summary>
    /// <returns>The encoding, or <see langword="null"/> when the name is unknown.</returns>
    public static Encoding? GetCharset(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Encoding.UTF8;
        }

        switch (trimmed.ToUpperInvariant())
        {
            case "UTF-8" or "UTF8":
                return Encoding.UTF8;
            case "US-ASCII" or "ASCII":
                return Encoding.ASCII;
            case "ISO-8859-1" or "ISO8859-1" or "LATIN1" or "WINDOWS-1252" or "CP1252":
                return CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(trimmed) ?? Encoding.GetEncoding(trimmed);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
