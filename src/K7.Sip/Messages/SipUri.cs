using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace K7.Sip;

/// <summary>
/// A <c>sip:</c>, <c>sips:</c> or <c>tel:</c> URI (RFC 3261 §19.1, RFC 3966), or any other absolute URI kept opaque.
/// Immutable.
/// </summary>
/// <remarks>
/// <para>The user, password, parameters and headers are unescaped (<c>%41</c> becomes <c>A</c>, once: <c>%2541</c>
/// becomes <c>%41</c>); <see cref="ToString"/> escapes them again. An IPv6 host keeps its brackets
/// (<c>[2001:db8::1]</c>), as in the wire form. For <c>tel:</c> URIs the number is in <see cref="User"/> and
/// <see cref="Host"/> is empty; for other schemes <see cref="OpaquePart"/> holds everything after the colon.</para>
/// </remarks>
public sealed class SipUri : IEquatable<SipUri>
{
    private string? _text;

    private SipUri(SipUriScheme scheme, string schemeName, string? user, string? password, string host, int? port,
        SipParameterList parameters, SipParameterList headers, string? opaque, string? text)
    {
        Scheme = scheme;
        SchemeName = schemeName;
        User = user;
        Password = password;
        Host = host;
        Port = port;
        Parameters = parameters;
        Headers = headers;
        OpaquePart = opaque;
        _text = text;
    }

    /// <summary>Gets the scheme.</summary>
    public SipUriScheme Scheme { get; }

    /// <summary>Gets the scheme name in lower case (<c>sip</c>, <c>tel</c>, <c>nobodyknowsthisscheme</c>).</summary>
    public string SchemeName { get; }

    /// <summary>Gets the unescaped user part (the number for <c>tel:</c>), or <see langword="null"/>.</summary>
    public string? User { get; }

    /// <summary>Gets the unescaped password, or <see langword="null"/>.</summary>
    public string? Password { get; }

    /// <summary>Gets the host (IPv6 references with brackets); empty for <c>tel:</c> and opaque URIs.</summary>
    public string Host { get; }

    /// <summary>Gets the port, when written.</summary>
    public int? Port { get; }

    /// <summary>Gets the URI parameters (<c>;name=value</c>), unescaped.</summary>
    public SipParameterList Parameters { get; }

    /// <summary>Gets the URI headers (<c>?name=value&amp;…</c>), unescaped.</summary>
    public SipParameterList Headers { get; }

    /// <summary>Gets everything after <c>scheme:</c> for <see cref="SipUriScheme.Other"/>; otherwise <see langword="null"/>.</summary>
    public string? OpaquePart { get; }

    /// <summary>Gets the <c>transport</c> parameter, if any.</summary>
    public string? Transport => Parameters["transport"];

    /// <summary>Gets a value indicating whether the URI carries the <c>lr</c> parameter (a loose router).</summary>
    public bool IsLooseRouter => Parameters.Contains("lr");

    /// <summary>Creates a <c>sip:</c>, <c>sips:</c> or <c>tel:</c> URI.</summary>
    /// <param name="scheme">The scheme (not <see cref="SipUriScheme.Other"/>).</param>
    /// <param name="user">The user part (unescaped), or the number for <c>tel:</c>.</param>
    /// <param name="host">The host (IPv6 in brackets); ignored for <c>tel:</c>.</param>
    /// <param name="port">The port, if any.</param>
    /// <param name="parameters">URI parameters.</param>
    /// <param name="headers">URI headers.</param>
    /// <returns>The URI.</returns>
    public static SipUri Create(SipUriScheme scheme, string? user, string host, int? port = null,
        SipParameterList? parameters = null, SipParameterList? headers = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (scheme == SipUriScheme.Other)
        {
            throw new ArgumentException("Use CreateOpaque for other schemes.", nameof(scheme));
        }

        if (port is { } p)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(p, nameof(port));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 65535, nameof(port));
        }

        if (scheme == SipUriScheme.Tel)
        {
            ArgumentException.ThrowIfNullOrEmpty(user);
            return new SipUri(scheme, "tel", user, null, string.Empty, null, parameters ?? SipParameterList.Empty,
                SipParameterList.Empty, null, null);
        }

        if (host.Length == 0 || !IsValidHost(host))
        {
            throw new ArgumentException($"'{host}' is not a host name, IPv4 address or bracketed IPv6 reference.", nameof(host));
        }

        return new SipUri(scheme, scheme == SipUriScheme.Sip ? "sip" : "sips", user, null, host, port,
            parameters ?? SipParameterList.Empty, headers ?? SipParameterList.Empty, null, null);
    }

    /// <summary>Parses a URI.</summary>
    /// <param name="text">The URI text.</param>
    /// <returns>The URI.</returns>
    /// <exception cref="SipFormatException">The text is not a valid URI; the exception gives the offset.</exception>
    public static SipUri Parse(ReadOnlySpan<char> text)
    {
        var fault = Scan(text, out _);
        if (fault >= 0)
        {
            throw new SipFormatException($"Invalid URI at character {fault}.", fault, null, "URI");
        }

        return Build(text, text.ToString());
    }

    /// <summary>Parses a URI.</summary>
    /// <param name="text">The URI text.</param>
    /// <param name="uri">The URI when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipUri? uri)
    {
        if (Scan(text, out _) >= 0)
        {
            uri = null;
            return false;
        }

        uri = Build(text, text.ToString());
        return true;
    }

    /// <summary>Returns a copy with a parameter set (or added).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, or <see langword="null"/> for a valueless one.</param>
    /// <returns>A new URI.</returns>
    public SipUri WithParameter(string name, string? value) => new(Scheme, SchemeName, User, Password, Host, Port,
        Parameters.With(name, value), Headers, OpaquePart, null);

    /// <summary>Returns a copy without a parameter.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>A new URI.</returns>
    public SipUri WithoutParameter(string name) => new(Scheme, SchemeName, User, Password, Host, Port,
        Parameters.Without(name), Headers, OpaquePart, null);

    /// <summary>Returns a copy without URI headers (what a Request-URI built from this URI must be).</summary>
    /// <returns>A new URI, or this one when it has no headers.</returns>
    public SipUri WithoutHeaders() => Headers.Count == 0 ? this : new(Scheme, SchemeName, User, Password, Host, Port,
        Parameters, SipParameterList.Empty, OpaquePart, null);

    /// <summary>Returns a copy with another host and port.</summary>
    /// <param name="host">The host.</param>
    /// <param name="port">The port, if any.</param>
    /// <returns>A new URI.</returns>
    public SipUri WithHost(string host, int? port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        if (Scheme is SipUriScheme.Tel or SipUriScheme.Other)
        {
            throw new InvalidOperationException("Only sip: and sips: URIs have a host.");
        }

        return Create(Scheme, User, host, port, Parameters, Headers);
    }

    /// <summary>Compares two URIs by the rules of RFC 3261 §19.1.4.</summary>
    /// <param name="other">The other URI.</param>
    /// <returns><see langword="true"/> when the URIs are equivalent.</returns>
    /// <remarks>
    /// User and password compare case-sensitively after unescaping, the host case-insensitively; a port that is
    /// written never matches one that is not. A <c>user</c>, <c>ttl</c>, <c>method</c>, <c>maddr</c> or
    /// <c>transport</c> parameter in one URI must be in both; any parameter in both must have equal values
    /// (case-insensitive); other parameters in only one are ignored. Headers must match exactly as a set.
    /// <c>tel:</c> numbers compare without visual separators.
    /// </remarks>
    public bool IsEquivalentTo(SipUri other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Scheme != other.Scheme || !string.Equals(SchemeName, other.SchemeName, StringComparison.Ordinal))
        {
            return false;
        }

        if (Scheme == SipUriScheme.Other)
        {
            return string.Equals(OpaquePart, other.OpaquePart, StringComparison.Ordinal);
        }

        if (Scheme == SipUriScheme.Tel)
        {
            return string.Equals(StripVisual(User), StripVisual(other.User), StringComparison.OrdinalIgnoreCase) &&
                   ParametersMatch(this, other, all: true);
        }

        return string.Equals(User, other.User, StringComparison.Ordinal) &&
               string.Equals(Password, other.Password, StringComparison.Ordinal) &&
               string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase) &&
               Port == other.Port &&
               ParametersMatch(this, other, all: false) &&
               HeadersMatch(Headers, other.Headers);
    }

    /// <summary>Structural equality: the same parts, compared as <see cref="IsEquivalentTo"/> would plus the same parameter set.</summary>
    /// <param name="other">The other URI.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals([NotNullWhen(true)] SipUri? other) =>
        other is not null && IsEquivalentTo(other) && Parameters.Count == other.Parameters.Count;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SipUri);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Scheme, Scheme == SipUriScheme.Tel ? StripVisual(User)?.ToUpperInvariant() : User, Host.ToUpperInvariant(), Port, OpaquePart);

    /// <summary>Returns the wire form: the text as parsed, or a canonical form (escaping what must be escaped) for built URIs.</summary>
    /// <returns>The URI text.</returns>
    public override string ToString() => _text ??= Format();

    /// <summary>Scans a URI; returns -1 when valid, otherwise the offset of the first fault.</summary>
    internal static int Scan(ReadOnlySpan<char> s, out SipUriScheme scheme)
    {
        scheme = SipUriScheme.Other;
        var colon = s.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(s[0]))
        {
            return 0;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!char.IsAsciiLetterOrDigit(s[i]) && s[i] is not ('+' or '-' or '.'))
            {
                return i;
            }
        }

        scheme = SchemeOf(s[..colon]);
        var rest = s[(colon + 1)..];
        var offset = colon + 1;
        int fault;
        switch (scheme)
        {
            case SipUriScheme.Sip:
            case SipUriScheme.Sips:
                fault = ScanSip(rest);
                break;
            case SipUriScheme.Tel:
                fault = ScanTel(rest);
                break;
            default:
                var bad = rest.IndexOfAnyExcept(SipGrammar.OpaqueChars);
                fault = rest.IsEmpty ? 0 : bad;
                break;
        }

        return fault < 0 ? -1 : offset + fault;
    }

    internal static SipUri Build(ReadOnlySpan<char> s, string text)
    {
        var colon = s.IndexOf(':');
        var scheme = SchemeOf(s[..colon]);
        var schemeName = scheme switch
        {
            SipUriScheme.Sip => "sip",
            SipUriScheme.Sips => "sips",
            SipUriScheme.Tel => "tel",
            _ => s[..colon].ToString().ToLowerInvariant(),
        };
        var rest = s[(colon + 1)..];
        if (scheme == SipUriScheme.Other)
        {
            return new SipUri(scheme, schemeName, null, null, string.Empty, null, SipParameterList.Empty,
                SipParameterList.Empty, rest.ToString(), text);
        }

        if (scheme == SipUriScheme.Tel)
        {
            var semi = rest.IndexOf(';');
            var number = semi < 0 ? rest : rest[..semi];
            var tparams = semi < 0 ? SipParameterList.Empty : ParseList(rest[semi..], ';');
            return new SipUri(scheme, schemeName, SipGrammar.Unescape(number), null, string.Empty, null, tparams,
                SipParameterList.Empty, null, text);
        }

        string? user = null;
        string? password = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userinfo = rest[..at];
            var pc = userinfo.IndexOf(':');
            user = SipGrammar.Unescape(pc < 0 ? userinfo : userinfo[..pc]);
            password = pc < 0 ? null : SipGrammar.Unescape(userinfo[(pc + 1)..]);
            rest = rest[(at + 1)..];
        }

        var hostEnd = HostPortEnd(rest);
        var hostport = rest[..hostEnd];
        string host;
        int? port = null;
        var portColon = hostport.LastIndexOf(':');
        if (portColon >= 0 && (hostport[0] != '[' || hostport[portColon - 1] == ']'))
        {
            host = hostport[..portColon].ToString();
            port = int.Parse(hostport[(portColon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        else
        {
            host = hostport.ToString();
        }

        rest = rest[hostEnd..];
        var q = rest.IndexOf('?');
        var paramText = q < 0 ? rest : rest[..q];
        var parameters = paramText.IsEmpty ? SipParameterList.Empty : ParseList(paramText, ';');
        var headers = q < 0 ? SipParameterList.Empty : ParseList(rest[q..], '&');
        return new SipUri(scheme, schemeName, user, password, host, port, parameters, headers, null, text);
    }

    internal static bool IsValidHost(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty)
        {
            return false;
        }

        if (host[0] == '[')
        {
            return host.Length > 2 && host[^1] == ']' &&
                   System.Net.IPAddress.TryParse(host[1..^1], out var a) &&
                   a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        }

        return !host.ContainsAnyExcept(SipGrammar.HostChars) && host[0] != '.' && host[0] != '-';
    }

    private static SipUriScheme SchemeOf(ReadOnlySpan<char> name)
    {
        if (name.Equals("sip", StringComparison.OrdinalIgnoreCase))
        {
            return SipUriScheme.Sip;
        }

        if (name.Equals("sips", StringComparison.OrdinalIgnoreCase))
        {
            return SipUriScheme.Sips;
        }

        return name.Equals("tel", StringComparison.OrdinalIgnoreCase) ? SipUriScheme.Tel : SipUriScheme.Other;
    }

    private static int HostPortEnd(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (s.Length > 0 && s[0] == '[')
        {
            var close = s.IndexOf(']');
            i = close < 0 ? s.Length : close + 1;
        }

        var end = s[i..].IndexOfAny(';', '?');
        return end < 0 ? s.Length : i + end;
    }

    private static int ScanSip(ReadOnlySpan<char> s)
    {
        var offset = 0;
        var at = s.IndexOf('@');
        if (at >= 0)
        {
            var userinfo = s[..at];
            var pc = userinfo.IndexOf(':');
            var user = pc < 0 ? userinfo : userinfo[..pc];
            if (user.IsEmpty || !SipGrammar.IsEscapedText(user, SipGrammar.UserChars))
            {
                return 0;
            }

            if (pc >= 0 && !SipGrammar.IsEscapedText(userinfo[(pc + 1)..], SipGrammar.PasswordChars))
            {
                return pc + 1;
            }

            offset = at + 1;
        }

        var rest = s[offset..];
        var hostEnd = HostPortEnd(rest);
        var hostport = rest[..hostEnd];
        var portColon = hostport.LastIndexOf(':');
        var host = hostport;
        if (portColon >= 0 && (hostport[0] != '[' || hostport[portColon - 1] == ']'))
        {
            host = hostport[..portColon];
            if (!SipGrammar.TryParseDigits(hostport[(portColon + 1)..], 65535, out _))
            {
                return offset + portColon + 1;
            }
        }

        if (!IsValidHost(host))
        {
            return offset;
        }

        offset += hostEnd;
        rest = rest[hostEnd..];
        var q = rest.IndexOf('?');
        var paramText = q < 0 ? rest : rest[..q];
        var fault = ScanList(paramText, ';', SipGrammar.ParamChars, requireValue: false);
        if (fault >= 0)
        {
            return offset + fault;
        }

        if (q >= 0)
        {
            fault = ScanList(rest[q..], '&', SipGrammar.HeaderChars, requireValue: true);
            if (fault >= 0)
            {
                return offset + q + fault;
            }
        }

        return -1;
    }

    private static int ScanTel(ReadOnlySpan<char> s)
    {
        var semi = s.IndexOf(';');
        var number = semi < 0 ? s : s[..semi];
        if (number.IsEmpty || number.ContainsAnyExcept(SipGrammar.TelChars))
        {
            return 0;
        }

        return semi < 0 ? -1 : ScanList(s[semi..], ';', SipGrammar.ParamChars, requireValue: false) is var f && f >= 0 ? semi + f : -1;
    }

    /// <summary>Scans <c>*( sep name [ "=" value ] )</c> (for headers the first separator is <c>?</c>).</summary>
    private static int ScanList(ReadOnlySpan<char> s, char separator, System.Buffers.SearchValues<char> chars, bool requireValue)
    {
        var i = 0;
        while (i < s.Length)
        {
            if (i == 0 ? s[0] != (separator == '&' ? '?' : ';') : s[i] != separator)
            {
                return i;
            }

            var start = ++i;
            var end = s[start..].IndexOf(separator);
            end = end < 0 ? s.Length : start + end;
            var item = s[start..end];
            var eq = item.IndexOf('=');
            var name = eq < 0 ? item : item[..eq];
            if (name.IsEmpty || !SipGrammar.IsEscapedText(name, chars))
            {
                return start;
            }

            if (eq < 0 && requireValue)
            {
                return end;
            }

            if (eq >= 0 && ((eq + 1 == item.Length && !requireValue) || !SipGrammar.IsEscapedText(item[(eq + 1)..], chars)))
            {
                return start + eq + 1;
            }

            i = end;
        }

        return -1;
    }

    private static SipParameterList ParseList(ReadOnlySpan<char> s, char separator)
    {
        var items = new List<KeyValuePair<string, string?>>();
        var i = 1;
        while (i <= s.Length)
        {
            var end = s[i..].IndexOf(separator);
            end = end < 0 ? s.Length : i + end;
            var item = s[i..end];
            var eq = item.IndexOf('=');
            items.Add(eq < 0
                ? new(SipGrammar.Unescape(item), null)
                : new(SipGrammar.Unescape(item[..eq]), SipGrammar.Unescape(item[(eq + 1)..])));
            i = end + 1;
        }

        return new SipParameterList([.. items]);
    }

    private static string? StripVisual(string? number) =>
        number?.Replace("-", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal)
            .Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);

    private static bool ParametersMatch(SipUri a, SipUri b, bool all)
    {
        if (all && a.Parameters.Count != b.Parameters.Count)
        {
            return false;
        }

        foreach (var p in a.Parameters)
        {
            if (b.Parameters.TryGetValue(p.Key, out var v))
            {
                if (!string.Equals(p.Value, v, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            else if (all || IsSpecialParameter(p.Key))
            {
                return false;
            }
        }

        foreach (var p in b.Parameters)
        {
            if (!a.Parameters.Contains(p.Key) && (all || IsSpecialParameter(p.Key)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpecialParameter(string name) =>
        name.Equals("user", StringComparison.OrdinalIgnoreCase) || name.Equals("ttl", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("method", StringComparison.OrdinalIgnoreCase) || name.Equals("maddr", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("transport", StringComparison.OrdinalIgnoreCase);

    private static bool HeadersMatch(SipParameterList a, SipParameterList b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var h in a)
        {
            if (!b.TryGetValue(h.Key, out var v) || !string.Equals(h.Value, v, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private string Format()
    {
        var sb = new StringBuilder();
        sb.Append(SchemeName).Append(':');
        if (Scheme == SipUriScheme.Other)
        {
            return sb.Append(OpaquePart).ToString();
        }

        if (Scheme == SipUriScheme.Tel)
        {
            SipGrammar.AppendEscaped(sb, User!, SipGrammar.TelChars);
        }
        else
        {
            if (User is not null)
            {
                SipGrammar.AppendEscaped(sb, User, UserOutChars);
                if (Password is not null)
                {
                    sb.Append(':');
                    SipGrammar.AppendEscaped(sb, Password, SipGrammar.PasswordChars);
                }

                sb.Append('@');
            }

            sb.Append(Host);
            if (Port is { } port)
            {
                sb.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
            }
        }

        foreach (var p in Parameters)
        {
            sb.Append(';');
            SipGrammar.AppendEscaped(sb, p.Key, SipGrammar.ParamChars);
            if (p.Value is not null)
            {
                sb.Append('=');
                SipGrammar.AppendEscaped(sb, p.Value, SipGrammar.ParamChars);
            }
        }

        var first = true;
        foreach (var h in Headers)
        {
            sb.Append(first ? '?' : '&');
            first = false;
            SipGrammar.AppendEscaped(sb, h.Key, SipGrammar.HeaderChars);
            sb.Append('=');
            SipGrammar.AppendEscaped(sb, h.Value ?? string.Empty, SipGrammar.HeaderChars);
        }

        return sb.ToString();
    }

    /// <summary>User characters written unescaped: unreserved and user-unreserved except <c>;</c> and <c>?</c>, which
    /// are escaped so that the URI reads back unambiguously.</summary>
    private static readonly System.Buffers.SearchValues<char> UserOutChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()&=+$,/");
}
