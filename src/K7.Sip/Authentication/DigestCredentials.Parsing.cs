using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace K7.Sip.Authentication;

/// <content>Parsing of header values.</content>
public sealed partial class DigestCredentials
{
    /// <summary>Parses without throwing and says what is wrong and where when the value is not well formed.</summary>
    internal static bool TryParseCore(ReadOnlySpan<char> s, [NotNullWhen(true)] out DigestCredentials? result, out ParseError error)
    {
        result = null;
        var pos = SkipWhiteSpace(s, 0);
        var schemeStart = pos;
        pos = SkipToken(s, pos);
        if (pos == schemeStart)
        {
            error = new ParseError(pos == s.Length ? "The credentials are empty." : $"Expected an authentication scheme, found '{s[pos]}'.", pos, null);
            return false;
        }

        var scheme = s[schemeStart..pos];
        if (!scheme.Equals(DigestScheme, StringComparison.OrdinalIgnoreCase))
        {
            if (pos < s.Length && !IsWhiteSpace(s[pos]))
            {
                error = new ParseError($"Expected white space after the scheme, found '{s[pos]}'.", pos, null);
                return false;
            }

            // Another scheme (RFC 4475 regaut01): only its name matters; it is answered with a digest challenge.
            result = new DigestCredentials(scheme.ToString());
            error = default;
            return true;
        }

        var afterScheme = pos;
        pos = SkipWhiteSpace(s, pos);
        if (pos == afterScheme || pos == s.Length)
        {
            error = new ParseError("Expected digest parameters after 'Digest'.", pos, null);
            return false;
        }

        string? username = null, realm = null, nonce = null, uri = null, response = null;
        string? algorithm = null, cnonce = null, opaque = null, qop = null, nc = null;
        var ncPosition = 0;
        List<KeyValuePair<string, string>>? others = null;
        while (true)
        {
            var nameStart = pos;
            pos = SkipToken(s, pos);
            if (pos == nameStart)
            {
                error = new ParseError(pos == s.Length ? "Expected a parameter name at the end of the value." : $"Expected a parameter name, found '{s[pos]}'.", pos, null);
                return false;
            }

            var name = s[nameStart..pos];
            pos = SkipWhiteSpace(s, pos);
            if (pos == s.Length || s[pos] != '=')
            {
                error = new ParseError($"Expected '=' after the parameter '{name}'.", pos, name.ToString());
                return false;
            }

            pos = SkipWhiteSpace(s, pos + 1);
            var valueStart = pos;
            string value;
            if (pos < s.Length && s[pos] == '"')
            {
                if (!TryReadQuoted(s, ref pos, out value, out var quoteError))
                {
                    error = quoteError with { Field = name.ToString() };
                    return false;
                }
            }
            else
            {
                pos = SkipToken(s, pos);
                if (pos == valueStart)
                {
                    error = new ParseError($"Expected a value for the parameter '{name}'.", pos, name.ToString());
                    return false;
                }

                value = s[valueStart..pos].ToString();
            }

            var duplicate = false;
            switch (KnownIndex(name))
            {
                case 0: duplicate = !Set(ref username, value); break;
                case 1: duplicate = !Set(ref realm, value); break;
                case 2: duplicate = !Set(ref nonce, value); break;
                case 3: duplicate = !Set(ref uri, value); break;
                case 4: duplicate = !Set(ref response, value); break;
                case 5: duplicate = !Set(ref algorithm, value); break;
                case 6: duplicate = !Set(ref cnonce, value); break;
                case 7: duplicate = !Set(ref opaque, value); break;
                case 8: duplicate = !Set(ref qop, value); break;
                case 9:
                    duplicate = !Set(ref nc, value);
                    ncPosition = valueStart;
                    break;
                default:
                    (others ??= []).Add(new(name.ToString(), value));
                    break;
            }

            if (duplicate)
            {
                error = new ParseError($"The parameter '{name}' appears more than once.", nameStart, name.ToString());
                return false;
            }

            pos = SkipWhiteSpace(s, pos);
            if (pos == s.Length)
            {
                break;
            }

            if (s[pos] != ',')
            {
                error = new ParseError($"Expected ',' or the end of the value after the parameter '{name}', found '{s[pos]}'.", pos, name.ToString());
                return false;
            }

            pos = SkipWhiteSpace(s, pos + 1);
        }

        var missing = username is null ? "username" : realm is null ? "realm" : nonce is null ? "nonce" : uri is null ? "uri" : response is null ? "response" : null;
        if (missing is null && qop is not null)
        {
            missing = cnonce is null ? "cnonce" : nc is null ? "nc" : null;
        }

        if (missing is not null)
        {
            error = new ParseError($"The digest response has no '{missing}' parameter.", s.Length, missing);
            return false;
        }

        uint ncValue = 0;
        if (nc is not null && !TryParseNonceCount(nc, out ncValue))
        {
            error = new ParseError("The nonce count 'nc' must be eight hexadecimal digits.", ncPosition, "nc");
            return false;
        }

        result = new DigestCredentials(scheme.ToString())
        {
            IsDigest = true,
            Username = username,
            Realm = realm,
            Nonce = nonce,
            Uri = uri,
            Response = response,
            Algorithm = algorithm,
            Cnonce = cnonce,
            Opaque = opaque,
            Qop = qop,
            NonceCount = nc,
            NonceCountValue = ncValue,
            OtherParameters = others is null ? [] : others.ToArray(),
        };
        error = default;
        return true;
    }

    /// <summary>Reads an RFC 7616 <c>nc</c> value: exactly eight hexadecimal digits.</summary>
    internal static bool TryParseNonceCount(ReadOnlySpan<char> s, out uint value)
    {
        value = 0;
        return s.Length == 8 && uint.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Gets whether <paramref name="s"/> is a non-empty RFC 3261 token.</summary>
    internal static bool IsToken(ReadOnlySpan<char> s) => !s.IsEmpty && SkipToken(s, 0) == s.Length;

    private static bool IsKnownName(ReadOnlySpan<char> name) => KnownIndex(name) >= 0;

    private static int KnownIndex(ReadOnlySpan<char> name)
    {
        ReadOnlySpan<string> known = ["username", "realm", "nonce", "uri", "response", "algorithm", "cnonce", "opaque", "qop", "nc"];
        for (var i = 0; i < known.Length; i++)
        {
            if (name.Equals(known[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Set(ref string? field, string value)
    {
        if (field is not null)
        {
            return false;
        }

        field = value;
        return true;
    }

    private static bool TryReadQuoted(ReadOnlySpan<char> s, ref int pos, out string value, out ParseError error)
    {
        var open = pos;
        var i = pos + 1;
        var escapes = 0;
        while (i < s.Length && s[i] != '"')
        {
            if (s[i] == '\\')
            {
                if (i + 1 == s.Length || s[i + 1] is '\r' or '\n')
                {
                    value = string.Empty;
                    error = new ParseError("A backslash in a quoted string must escape a character.", i, null);
                    return false;
                }

                escapes++;
                i++;
            }

            i++;
        }

        if (i == s.Length)
        {
            value = string.Empty;
            error = new ParseError("The quoted string is not closed.", open, null);
            return false;
        }

        var content = s[(open + 1)..i];
        value = escapes == 0 ? content.ToString() : Unescape(content, escapes);
        pos = i + 1;
        error = default;
        return true;
    }

    private static string Unescape(ReadOnlySpan<char> content, int escapes)
    {
        Span<char> buffer = content.Length - escapes <= 256 ? stackalloc char[256] : new char[content.Length - escapes];
        var n = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '\\')
            {
                i++;
            }

            buffer[n++] = content[i];
        }

        return buffer[..n].ToString();
    }

    private static int SkipWhiteSpace(ReadOnlySpan<char> s, int pos)
    {
        while (pos < s.Length && IsWhiteSpace(s[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static int SkipToken(ReadOnlySpan<char> s, int pos)
    {
        while (pos < s.Length && IsTokenChar(s[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    /// <summary>What is wrong with a value, where, and in which parameter.</summary>
    internal readonly record struct ParseError(string Message, int Position, string? Field);
}
