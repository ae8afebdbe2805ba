namespace K7.Sip;

/// <summary>Where the parts of a name-addr / addr-spec value are.</summary>
internal struct NameAddrParts
{
    public Range DisplayName;
    public bool DisplayQuoted;
    public bool HasDisplayName;
    public Range Uri;
    public bool Bracketed;
    public int ParamsStart;
}

/// <summary>Where the parts of one Via value are.</summary>
internal struct ViaParts
{
    public Range ProtocolName;
    public Range Version;
    public Range Transport;
    public Range Host;
    public int? Port;
    public int ParamsStart;
}

/// <summary>
/// Validating scanners for the header values checked at parse time. They work on spans, allocate nothing, and return
/// -1 when the value is valid or the offset of the first fault.
/// </summary>
internal static class SipHeaderScanner
{
    /// <summary>name-addr / addr-spec followed by generic parameters (From, To, Contact, Route, …).</summary>
    internal static int ScanNameAddr(ReadOnlySpan<char> s, out NameAddrParts parts)
    {
        parts = default;
        var i = SipGrammar.SkipWhitespace(s, 0);
        if (i >= s.Length)
        {
            return i;
        }

        int uriStart;
        int uriEnd;
        if (s[i] == '"')
        {
            var end = SipGrammar.QuotedStringEnd(s, i);
            if (end < 0)
            {
                return i;
            }

            parts.DisplayName = new Range(i + 1, end - 1);
            parts.DisplayQuoted = true;
            parts.HasDisplayName = true;
            i = SipGrammar.SkipWhitespace(s, end);
            if (i >= s.Length || s[i] != '<')
            {
                return i;
            }
        }
        else
        {
            var lt = s[i..].IndexOf('<');
            if (lt > 0)
            {
                var display = s.Slice(i, lt);
                for (var k = 0; k < display.Length; k++)
                {
                    if (!SipGrammar.IsTokenChar(display[k]) && !SipGrammar.IsWhitespace(display[k]))
                    {
                        return i + k;
                    }
                }

                parts.DisplayName = SipGrammar.Trim(s, i, i + lt);
                parts.HasDisplayName = true;
                i += lt;
            }
        }

        if (i < s.Length && s[i] == '<')
        {
            var close = s[i..].IndexOf('>');
            if (close < 0)
            {
                return s.Length;
            }

            uriStart = i + 1;
            uriEnd = i + close;
            parts.Bracketed = true;
            parts.ParamsStart = uriEnd + 1;
        }
        else
        {
            uriStart = i;
            var end = s[i..].IndexOfAny(";, \t");
            uriEnd = end < 0 ? s.Length : i + end;
            parts.ParamsStart = uriEnd;
        }

        parts.Uri = new Range(uriStart, uriEnd);
        var uri = s[uriStart..uriEnd];
        var fault = SipUri.Scan(uri, out var scheme);
        if (fault >= 0)
        {
            return uriStart + fault;
        }

        if (!parts.Bracketed && scheme is SipUriScheme.Sip or SipUriScheme.Sips && uri.Contains('?'))
        {
            // RFC 3261 §20: a URI with headers (or a comma, semicolon or question mark) must be enclosed in <>.
            return uriStart + uri.IndexOf('?');
        }

        return SipGrammar.ScanGenericParams(s, parts.ParamsStart, null);
    }

    /// <summary>One Contact value: <c>*</c> or a name-addr with parameters (q and expires checked).</summary>
    internal static int ScanContact(ReadOnlySpan<char> s)
    {
        var t = s.Trim(" \t");
        if (t.Length == 1 && t[0] == '*')
        {
            return -1;
        }

        var fault = ScanNameAddr(s, out var parts);
        if (fault >= 0)
        {
            return fault;
        }

        // Check q = qvalue; expires may be any delta-seconds (huge values are clamped when read).
        var p = s[parts.ParamsStart..];
        if (TryFindParam(p, "q", out var q) && !IsQValue(p[q]))
        {
            return parts.ParamsStart + q.Start.Value;
        }

        if (TryFindParam(p, "expires", out var e) && !SipGrammar.IsDigits(p[e]))
        {
            return parts.ParamsStart + e.Start.Value;
        }

        return -1;
    }

    /// <summary>One Via value: <c>protocol / version / transport LWS sent-by *(; via-params)</c>.</summary>
    internal static int ScanVia(ReadOnlySpan<char> s, out ViaParts parts)
    {
        parts = default;
        var i = SipGrammar.SkipWhitespace(s, 0);
        var start = i;
        i = SipGrammar.TokenEnd(s, i);
        if (i == start)
        {
            return start;
        }

        parts.ProtocolName = new Range(start, i);
        if (!Slash(s, ref i))
        {
            return i;
        }

        start = i;
        i = SipGrammar.TokenEnd(s, i);
        if (i == start)
        {
            return start;
        }

        parts.Version = new Range(start, i);
        if (!Slash(s, ref i))
        {
            return i;
        }

        start = i;
        i = SipGrammar.TokenEnd(s, i);
        if (i == start)
        {
            return start;
        }

        parts.Transport = new Range(start, i);
        var afterTransport = i;
        i = SipGrammar.SkipWhitespace(s, i);
        if (i == afterTransport || i >= s.Length)
        {
            return i;
        }

        start = i;
        if (s[i] == '[')
        {
            var close = s[i..].IndexOf(']');
            if (close < 0)
            {
                return i;
            }

            i += close + 1;
        }
        else
        {
            while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '.'))
            {
                i++;
            }
        }

        parts.Host = new Range(start, i);
        if (!SipUri.IsValidHost(s[start..i]))
        {
            return start;
        }

        var j = SipGrammar.SkipWhitespace(s, i);
        if (j < s.Length && s[j] == ':')
        {
            j = SipGrammar.SkipWhitespace(s, j + 1);
            var portStart = j;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            if (!SipGrammar.TryParseDigits(s[portStart..j], 65535, out var port))
            {
                return portStart;
            }

            parts.Port = (int)port;
            i = j;
        }

        parts.ParamsStart = i;
        var fault = SipGrammar.ScanGenericParams(s, i, null);
        if (fault >= 0)
        {
            return fault;
        }

        if (TryFindParam(s[i..], "rport", out var rport) && rport.End.Value > rport.Start.Value &&
            !SipGrammar.TryParseDigits(s[i..][rport], 65535, out _))
        {
            return i + rport.Start.Value;
        }

        return -1;
    }

    /// <summary>CSeq: <c>1*DIGIT LWS Method</c>; the number must fit 32 bits.</summary>
    internal static int ScanCSeq(ReadOnlySpan<char> s, out uint number, out Range method)
    {
        number = 0;
        method = default;
        var i = SipGrammar.SkipWhitespace(s, 0);
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (!SipGrammar.TryParseDigits(s[start..i], uint.MaxValue, out var n))
        {
            return start;
        }

        number = (uint)n;
        var afterNumber = i;
        i = SipGrammar.SkipWhitespace(s, i);
        if (i == afterNumber)
        {
            return i;
        }

        start = i;
        i = SipGrammar.TokenEnd(s, i);
        if (i == start)
        {
            return start;
        }

        method = new Range(start, i);
        i = SipGrammar.SkipWhitespace(s, i);
        return i == s.Length ? -1 : i;
    }

    /// <summary>Call-ID: <c>word [ "@" word ]</c>, i.e. non-empty and without whitespace.</summary>
    internal static int ScanCallId(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return 0;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] <= ' ' || s[i] == 0x7F)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Finds the value range of a generic parameter in <c>;a=b;c</c> text (empty when valueless).</summary>
    internal static bool TryFindParam(ReadOnlySpan<char> p, string name, out Range value)
    {
        value = default;
        var i = 0;
        while (i < p.Length)
        {
            i = SipGrammar.SkipWhitespace(p, i);
            if (i >= p.Length || p[i] != ';')
            {
                break;
            }

            i = SipGrammar.SkipWhitespace(p, i + 1);
            var ns = i;
            i = SipGrammar.TokenEnd(p, i);
            var match = p[ns..i].Equals(name, StringComparison.OrdinalIgnoreCase);
            i = SipGrammar.SkipWhitespace(p, i);
            var vs = i;
            var ve = i;
            if (i < p.Length && p[i] == '=')
            {
                i = SipGrammar.SkipWhitespace(p, i + 1);
                vs = i;
                if (i < p.Length && p[i] == '"')
                {
                    var end = SipGrammar.QuotedStringEnd(p, i);
                    i = end < 0 ? p.Length : end;
                }
                else
                {
                    while (i < p.Length && p[i] != ';' && !SipGrammar.IsWhitespace(p[i]))
                    {
                        i++;
                    }
                }

                ve = i;
            }

            if (match)
            {
                value = new Range(vs, ve);
                return true;
            }
        }

        return false;
    }

    internal static bool IsQValue(ReadOnlySpan<char> s)
    {
        // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
        if (s.IsEmpty || s[0] is not ('0' or '1'))
        {
            return false;
        }

        if (s.Length == 1)
        {
            return true;
        }

        if (s[1] != '.' || s.Length > 5)
        {
            return false;
        }

        foreach (var c in s[2..])
        {
            if (!char.IsAsciiDigit(c) || (s[0] == '1' && c != '0'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Slash(ReadOnlySpan<char> s, ref int i)
    {
        i = SipGrammar.SkipWhitespace(s, i);
        if (i >= s.Length || s[i] != '/')
        {
            return false;
        }

        i = SipGrammar.SkipWhitespace(s, i + 1);
        return true;
    }
}
