using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace K7.Sip.Registrar;

/// <summary>
/// A contact URI taken apart for the RFC 3261 §19.1.4 comparison that decides whether two contacts are the same binding.
/// </summary>
/// <remarks>
/// For <c>sip</c> and <c>sips</c> URIs: the schemes must be equal; user and password are compared case-sensitively and
/// host case-insensitively, all after %-unescaping; the ports must be equal (an absent port differs from 5060); the
/// <c>user</c>, <c>ttl</c>, <c>method</c>, <c>maddr</c> and <c>transport</c> parameters must match when either URI has
/// them, and any other parameter present in both must match (names and values case-insensitively); headers must be
/// present in both and match. Other schemes compare the scheme case-insensitively and the rest exactly.
/// </remarks>
internal sealed class ContactUri : IEquatable<ContactUri>
{
    private static readonly string[] StrictParameters = ["user", "ttl", "method", "maddr", "transport"];

    private readonly string _scheme;
    private readonly string? _user;
    private readonly string? _password;
    private readonly string _host;
    private readonly int _port;
    private readonly Dictionary<string, string?>? _parameters;
    private readonly Dictionary<string, string>? _headers;

    private ContactUri(string scheme, string? user, string? password, string host, int port, Dictionary<string, string?>? parameters, Dictionary<string, string>? headers)
    {
        _scheme = scheme;
        _user = user;
        _password = password;
        _host = host;
        _port = port;
        _parameters = parameters;
        _headers = headers;
    }

    /// <summary>Takes <paramref name="uri"/> apart; returns <see langword="false"/> when it is not a URI (no scheme, or a SIP URI without host).</summary>
    public static bool TryParse(string uri, [NotNullWhen(true)] out ContactUri? result)
    {
        result = null;
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsScheme(uri.AsSpan(0, colon)))
        {
            return false;
        }

        var scheme = uri[..colon].ToLowerInvariant();
        var rest = uri.AsSpan(colon + 1);
        if (scheme is not ("sip" or "sips"))
        {
            if (rest.IsEmpty)
            {
                return false;
            }

            // Opaque: the host slot holds the rest, compared exactly.
            result = new ContactUri(scheme, null, null, rest.ToString(), -1, null, null);
            return true;
        }

        string? user = null;
        string? password = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var passwordColon = userInfo.IndexOf(':');
            if (passwordColon >= 0)
            {
                password = Unescape(userInfo[(passwordColon + 1)..]);
                userInfo = userInfo[..passwordColon];
            }

            user = Unescape(userInfo);
            rest = rest[(at + 1)..];
        }

        var hostEnd = rest.IndexOfAny(';', '?');
        var hostPort = hostEnd < 0 ? rest : rest[..hostEnd];
        rest = hostEnd < 0 ? [] : rest[hostEnd..];

        var port = -1;
        var portColon = hostPort.StartsWith('[') ? hostPort.IndexOf("]:", StringComparison.Ordinal) + 1 : hostPort.IndexOf(':');
        if (portColon > 0)
        {
            if (!int.TryParse(hostPort[(portColon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
            {
                return false;
            }

            hostPort = hostPort[..portColon];
        }

        if (hostPort.IsEmpty)
        {
            return false;
        }

        Dictionary<string, string?>? parameters = null;
        Dictionary<string, string>? headers = null;
        var question = rest.IndexOf('?');
        var paramText = question < 0 ? rest : rest[..question];
        foreach (var range in paramText.Split(';'))
        {
            var param = paramText[range];
            if (param.IsEmpty)
            {
                continue;
            }

            var equals = param.IndexOf('=');
            var name = Unescape(equals < 0 ? param : param[..equals]).ToLowerInvariant();
            var value = equals < 0 ? null : Unescape(param[(equals + 1)..]).ToLowerInvariant();
            parameters ??= new Dictionary<string, string?>(StringComparer.Ordinal);
            parameters.TryAdd(name, value);
        }

        if (question >= 0)
        {
            var headerText = rest[(question + 1)..];
            foreach (var range in headerText.Split('&'))
            {
                var header = headerText[range];
                if (header.IsEmpty)
                {
                    continue;
                }

                var equals = header.IndexOf('=');
                var name = Unescape(equals < 0 ? header : header[..equals]).ToLowerInvariant();
                var value = equals < 0 ? string.Empty : Unescape(header[(equals + 1)..]);
                headers ??= new Dictionary<string, string>(StringComparer.Ordinal);
                headers.TryAdd(name, value);
            }
        }

        result = new ContactUri(scheme, user, password, Unescape(hostPort).ToLowerInvariant(), port, parameters, headers);
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(ContactUri? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (_scheme != other._scheme || _port != other._port || _user != other._user || _password != other._password || _host != other._host)
        {
            return false;
        }

        return ParametersMatch(_parameters, other._parameters) && HeadersMatch(_headers, other._headers);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ContactUri);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_scheme, _user, _host, _port);

    private static bool ParametersMatch(Dictionary<string, string?>? a, Dictionary<string, string?>? b)
    {
        foreach (var name in StrictParameters)
        {
            string? va = null;
            string? vb = null;
            var inA = a is not null && a.TryGetValue(name, out va);
            var inB = b is not null && b.TryGetValue(name, out vb);
            if (inA != inB || va != vb)
            {
                return false;
            }
        }

        if (a is null || b is null)
        {
            return true;
        }

        foreach (var (name, value) in a)
        {
            if (b.TryGetValue(name, out var otherValue) && value != otherValue)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HeadersMatch(Dictionary<string, string>? a, Dictionary<string, string>? b)
    {
        var countA = a?.Count ?? 0;
        var countB = b?.Count ?? 0;
        if (countA != countB)
        {
            return false;
        }

        if (countA == 0)
        {
            return true;
        }

        foreach (var (name, value) in a!)
        {
            if (!b!.TryGetValue(name, out var otherValue) || value != otherValue)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsScheme(ReadOnlySpan<char> s)
    {
        if (!char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Unescape(ReadOnlySpan<char> s)
    {
        if (s.IndexOf('%') < 0)
        {
            return s.ToString();
        }

        var chars = new char[s.Length];
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]))
            {
                chars[n++] = (char)((HexValue(s[i + 1]) << 4) | HexValue(s[i + 2]));
                i += 2;
            }
            else
            {
                chars[n++] = s[i];
            }
        }

        return new string(chars, 0, n);
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
