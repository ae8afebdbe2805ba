using System.Buffers;
using System.Globalization;
using System.Text;

namespace K7.Sip;

/// <summary>Character classes and small scanners of the RFC 3261 §25 grammar, shared by the message and URI parsers.</summary>
internal static class SipGrammar
{
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~");

    private static readonly SearchValues<byte> TokenBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    /// <summary>unreserved = alphanum / mark.</summary>
    private static readonly SearchValues<char> UnreservedChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()");

    /// <summary>The characters a user part may hold unescaped: unreserved / user-unreserved.</summary>
    internal static readonly SearchValues<char> UserChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()&=+$,;?/");

    /// <summary>The characters a password may hold unescaped.</summary>
    internal static readonly SearchValues<char> PasswordChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()&=+$,");

    /// <summary>paramchar: unreserved / param-unreserved.</summary>
    internal static readonly SearchValues<char> ParamChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()[]/:&+$");

    /// <summary>hname / hvalue characters: unreserved / hnv-unreserved.</summary>
    internal static readonly SearchValues<char> HeaderChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()[]/?:+$");

    /// <summary>Characters of an opaque absolute URI (RFC 3986 reserved / unreserved / %).</summary>
    internal static readonly SearchValues<char> OpaqueChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()[]/?:@&=+$,;%#");

    /// <summary>Characters of a telephone-subscriber (RFC 3966), before its parameters.</summary>
    internal static readonly SearchValues<char> TelChars =
        SearchValues.Create("0123456789abcdefABCDEF*#+-.()pPwW");

    /// <summary>Host name, IPv4 and port characters.</summary>
    internal static readonly SearchValues<char> HostChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.");

    private static readonly bool[] TokenTable = CreateTable("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~");

    internal static bool IsTokenChar(char c) => c < 128 && TokenTable[c];

    internal static bool IsToken(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExcept(TokenChars);

    internal static bool IsToken(ReadOnlySpan<byte> s) => !s.IsEmpty && !s.ContainsAnyExcept(TokenBytes);

    internal static bool IsUnreserved(char c) => UnreservedChars.Contains(c);

    internal static bool IsWhitespace(char c) => c is ' ' or '\t';

    internal static int SkipWhitespace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
        {
            i++;
        }

        return i;
    }

    internal static int TokenEnd(ReadOnlySpan<char> s, int i)
    {
        var rest = s[i..].IndexOfAnyExcept(TokenChars);
        return rest < 0 ? s.Length : i + rest;
    }

    /// <summary>Scans a quoted-string starting at the opening quote; returns the index after the closing quote, or -1.</summary>
    internal static int QuotedStringEnd(ReadOnlySpan<char> s, int start)
    {
        var i = start + 1;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"')
            {
                return i + 1;
            }

            if (c == '\\')
            {
                if (i + 1 >= s.Length || s[i + 1] is '\r' or '\n')
                {
                    return -1;
                }

                i += 2;
                continue;
            }

            if (c is '\r' or '\n')
            {
                return -1;
            }

            i++;
        }

        return -1;
    }

    /// <summary>The content of a quoted string (without quotes) with its quoted-pairs resolved.</summary>
    internal static string Unquote(ReadOnlySpan<char> inner)
    {
        if (!inner.Contains('\\'))
        {
            return inner.ToString();
        }

        var sb = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            sb.Append(inner[i]);
        }

        return sb.ToString();
    }

    /// <summary>Writes <paramref name="value"/> as a quoted-string, escaping quotes and backslashes.</summary>
    internal static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        sb.Append('"');
    }

    /// <summary>Index of the first <paramref name="target"/> outside quoted strings and angle brackets, or -1.</summary>
    internal static int IndexOfTopLevel(ReadOnlySpan<char> s, char target, int start = 0)
    {
        var angle = false;
        for (var i = start; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '"' && !angle)
            {
                var end = QuotedStringEnd(s, i);
                if (end < 0)
                {
                    return -1;
                }

                i = end - 1;
            }
            else if (c == '<')
            {
                angle = true;
            }
            else if (c == '>')
            {
                angle = false;
            }
            else if (c == target && !angle)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Splits a list header value at its top-level commas (not inside quotes or &lt;&gt;); each part trimmed.</summary>
    internal static int SplitList(ReadOnlySpan<char> s, Span<Range> parts)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            var comma = IndexOfTopLevel(s, ',', start);
            var end = comma < 0 ? s.Length : comma;
            if (count == parts.Length)
            {
                return -1;
            }

            parts[count++] = Trim(s, start, end);
            if (comma < 0)
            {
                return count;
            }

            start = comma + 1;
        }
    }

    internal static List<string> SplitList(string value)
    {
        var result = new List<string>();
        var start = 0;
        while (true)
        {
            var comma = IndexOfTopLevel(value, ',', start);
            var end = comma < 0 ? value.Length : comma;
            var r = Trim(value, start, end);
            result.Add(value[r]);
            if (comma < 0)
            {
                return result;
            }

            start = comma + 1;
        }
    }

    internal static Range Trim(ReadOnlySpan<char> s, int start, int end)
    {
        while (start < end && IsWhitespace(s[start]))
        {
            start++;
        }

        while (end > start && IsWhitespace(s[end - 1]))
        {
            end--;
        }

        return new Range(start, end);
    }

    /// <summary>Parses 1*DIGIT into a <see cref="ulong"/>; false when empty, not digits, or above <paramref name="max"/>.</summary>
    internal static bool TryParseDigits(ReadOnlySpan<char> s, ulong max, out ulong value)
    {
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (ulong)(c - '0');
            if (value > max)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="s"/> is 1*DIGIT (of any length).</summary>
    internal static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>delta-seconds as an <see cref="int"/>; values too large for it are clamped to <see cref="int.MaxValue"/>.</summary>
    internal static int? ParseDeltaSeconds(ReadOnlySpan<char> s)
    {
        s = s.Trim(" \t");
        if (!IsDigits(s))
        {
            return null;
        }

        return TryParseDigits(s, int.MaxValue, out var v) ? (int)v : int.MaxValue;
    }

    /// <summary>
    /// Scans generic parameters <c>*( SEMI name [ EQUAL value ] )</c> from <paramref name="i"/> to the end of
    /// <paramref name="s"/>, LWS allowed around <c>;</c> and <c>=</c>. Returns -1 when valid, otherwise the offset of the fault.
    /// </summary>
    internal static int ScanGenericParams(ReadOnlySpan<char> s, int i, List<KeyValuePair<string, string?>>? output)
    {
        while (true)
        {
            i = SkipWhitespace(s, i);
            if (i >= s.Length)
            {
                return -1;
            }

            if (s[i] != ';')
            {
                return i;
            }

            i = SkipWhitespace(s, i + 1);
            var nameStart = i;
            i = TokenEnd(s, i);
            if (i == nameStart)
            {
                return nameStart;
            }

            var name = s[nameStart..i];
            i = SkipWhitespace(s, i);
            string? value = null;
            if (i < s.Length && s[i] == '=')
            {
                i = SkipWhitespace(s, i + 1);
                var valueStart = i;
                if (i < s.Length && s[i] == '"')
                {
                    i = QuotedStringEnd(s, i);
                    if (i < 0)
                    {
                        return valueStart;
                    }
                }
                else
                {
                    while (i < s.Length && (IsTokenChar(s[i]) || s[i] is ':' or '[' or ']'))
                    {
                        i++;
                    }

                    if (i == valueStart)
                    {
                        return valueStart;
                    }
                }

                if (output is not null)
                {
                    value = s[valueStart..i].ToString();
                }
            }

            output?.Add(new KeyValuePair<string, string?>(name.ToString(), value));
        }
    }

    internal static bool IsHexDigit(char c) => char.IsAsciiHexDigit(c);

    private static bool[] CreateTable(string chars)
    {
        var table = new bool[128];
        foreach (var c in chars)
        {
            table[c] = true;
        }

        return table;
    }

    /// <summary>Checks that every <c>%</c> starts a <c>%HH</c> escape and every other character is in <paramref name="allowed"/>.</summary>
    internal static bool IsEscapedText(ReadOnlySpan<char> s, SearchValues<char> allowed)
    {
        while (true)
        {
            var k = s.IndexOfAnyExcept(allowed);
            if (k < 0)
            {
                return true;
            }

            if (s[k] != '%' || k + 2 >= s.Length || !IsHexDigit(s[k + 1]) || !IsHexDigit(s[k + 2]))
            {
                return false;
            }

            s = s[(k + 3)..];
        }
    }

    /// <summary>Resolves <c>%HH</c> escapes (as UTF-8 octets).</summary>
    internal static string Unescape(ReadOnlySpan<char> s)
    {
        if (!s.Contains('%'))
        {
            return s.ToString();
        }

        var bytes = new byte[s.Length];
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && IsHexDigit(s[i + 1]) && IsHexDigit(s[i + 2]))
            {
                bytes[n++] = byte.Parse(s.Slice(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                i += 2;
            }
            else
            {
                n += Encoding.UTF8.GetBytes(s.Slice(i, 1), bytes.AsSpan(n));
            }
        }

        return Encoding.UTF8.GetString(bytes, 0, n);
    }

    /// <summary>Escapes every character not in <paramref name="allowed"/> as <c>%HH</c> (UTF-8).</summary>
    internal static void AppendEscaped(StringBuilder sb, string value, SearchValues<char> allowed)
    {
        if (!value.AsSpan().ContainsAnyExcept(allowed))
        {
            sb.Append(value);
            return;
        }

        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (allowed.Contains(c))
            {
                sb.Append(c);
                continue;
            }

            var len = char.IsHighSurrogate(c) && i + 1 < value.Length
                ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), buffer)
                : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), buffer);
            for (var k = 0; k < len; k++)
            {
                sb.Append('%').Append(buffer[k].ToString("X2", CultureInfo.InvariantCulture));
            }
        }
    }
}
