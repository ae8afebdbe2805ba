using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace K7.Sip.Transport;

/// <summary>A transport protocol and a local IP endpoint to listen on, written <c>udp:127.0.0.1:5060</c> or <c>tcp:[::1]:5070</c>.</summary>
/// <remarks>
/// <para>Syntax: <c>protocol ":" host ":" port</c>, where protocol is <c>udp</c> or <c>tcp</c> (case-insensitive), host is
/// a dotted IPv4 address or an IPv6 address in square brackets, and port is a decimal number from 0 to 65535 (0 lets the
/// system choose; see <see cref="SipTransportManager.BoundAddresses"/>). Wildcards (<c>0.0.0.0</c>, <c>[::]</c>) listen on
/// every interface of that address family.</para>
/// <para>Immutable and thread-safe; compares by value.</para>
/// </remarks>
public sealed class SipListenAddress : IEquatable<SipListenAddress>, ISpanParsable<SipListenAddress>
{
    private string? _text;

    /// <summary>Initializes a new instance of the <see cref="SipListenAddress"/> class.</summary>
    /// <param name="protocol">The transport protocol.</param>
    /// <param name="endPoint">The local address and port (port 0 lets the system choose). The value is copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="endPoint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="protocol"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="endPoint"/> is neither IPv4 nor IPv6.</exception>
    public SipListenAddress(SipTransportProtocol protocol, IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (protocol is not (SipTransportProtocol.Udp or SipTransportProtocol.Tcp))
        {
            throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "The protocol must be Udp or Tcp.");
        }

        if (endPoint.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException("The endpoint must be an IPv4 or IPv6 endpoint.", nameof(endPoint));
        }

        Protocol = protocol;
        EndPoint = new IPEndPoint(endPoint.Address, endPoint.Port);
    }

    /// <summary>Gets the transport protocol.</summary>
    public SipTransportProtocol Protocol { get; }

    /// <summary>Gets the local address and port (port 0 means "any free port"). Do not modify the instance.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Determines whether two addresses are equal.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or have the same protocol and endpoint.</returns>
    public static bool operator ==(SipListenAddress? left, SipListenAddress? right) => Equals(left, right);

    /// <summary>Determines whether two addresses differ.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    /// <returns><see langword="true"/> when the addresses are not equal.</returns>
    public static bool operator !=(SipListenAddress? left, SipListenAddress? right) => !Equals(left, right);

    /// <summary>Parses a listen address such as <c>udp:0.0.0.0:5060</c> or <c>tcp:[::1]:5070</c>.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="SipFormatException"><paramref name="s"/> is not a listen address; the exception gives the position.</exception>
    public static SipListenAddress Parse(ReadOnlySpan<char> s)
    {
        var result = TryParseCore(s, out var error, out var position);
        return result ?? throw new SipFormatException(
            string.Create(CultureInfo.InvariantCulture, $"Invalid SIP listen address '{s}' at position {position}: {error} Expected 'udp:' or 'tcp:', an IPv4 address or an IPv6 address in brackets, ':' and a port, as in 'udp:0.0.0.0:5060' or 'tcp:[::1]:5070'."),
            position,
            line: null,
            field: "listen address");
    }

    /// <summary>Parses a listen address such as <c>udp:0.0.0.0:5060</c> or <c>tcp:[::1]:5070</c>.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="SipFormatException"><paramref name="s"/> is not a listen address; the exception gives the position.</exception>
    public static SipListenAddress Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Tries to parse a listen address such as <c>udp:0.0.0.0:5060</c>; never throws on bad input.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The address, or <see langword="null"/> when the text is not one.</param>
    /// <returns><see langword="true"/> when the text is a listen address.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, [NotNullWhen(true)] out SipListenAddress? result)
    {
        result = TryParseCore(s, out _, out _);
        return result is not null;
    }

    /// <summary>Tries to parse a listen address such as <c>udp:0.0.0.0:5060</c>; never throws on bad input.</summary>
    /// <param name="s">The text, or <see langword="null"/>.</param>
    /// <param name="result">The address, or <see langword="null"/> when the text is not one.</param>
    /// <returns><see langword="true"/> when the text is a listen address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, [NotNullWhen(true)] out SipListenAddress? result)
    {
        result = s is null ? null : TryParseCore(s, out _, out _);
        return result is not null;
    }

    static SipListenAddress ISpanParsable<SipListenAddress>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<SipListenAddress>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, [MaybeNullWhen(false)] out SipListenAddress result) =>
        TryParse(s, out result);

    static SipListenAddress IParsable<SipListenAddress>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<SipListenAddress>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out SipListenAddress result) =>
        TryParse(s, out result);

    /// <inheritdoc/>
    public bool Equals(SipListenAddress? other) =>
        other is not null && Protocol == other.Protocol && EndPoint.Equals(other.EndPoint);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SipListenAddress);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Protocol, EndPoint);

    /// <summary>Formats the address as it is parsed: <c>udp:127.0.0.1:5060</c>, <c>tcp:[::1]:5070</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() =>
        _text ??= (Protocol == SipTransportProtocol.Udp ? "udp:" : "tcp:") + EndPoint.ToString();

    private static SipListenAddress? TryParseCore(ReadOnlySpan<char> s, out string error, out int position)
    {
        SipTransportProtocol protocol;
        if (s.StartsWith("udp:", StringComparison.OrdinalIgnoreCase))
        {
            protocol = SipTransportProtocol.Udp;
        }
        else if (s.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
        {
            protocol = SipTransportProtocol.Tcp;
        }
        else
        {
            position = 0;
            error = "the protocol must be 'udp' or 'tcp'.";
            return null;
        }

        var hostStart = 4;
        var rest = s[hostStart..];
        IPAddress? address;
        int portColon;
        if (!rest.IsEmpty && rest[0] == '[')
        {
            var close = rest.IndexOf(']');
            if (close < 0)
            {
                position = hostStart;
                error = "the IPv6 address has no closing ']'.";
                return null;
            }

            if (!IPAddress.TryParse(rest[1..close], out address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                position = hostStart + 1;
                error = "not an IPv6 address.";
                return null;
            }

            portColon = close + 1;
            if (portColon >= rest.Length || rest[portColon] != ':')
            {
                position = hostStart + portColon;
                error = "':' and a port must follow the address.";
                return null;
            }
        }
        else
        {
            portColon = rest.IndexOf(':');
            if (portColon < 0)
            {
                position = s.Length;
                error = "':' and a port must follow the address.";
                return null;
            }

            var host = rest[..portColon];
            if (!IsDottedQuad(host) || !IPAddress.TryParse(host, out address))
            {
                position = hostStart;
                error = "not an IPv4 address (write IPv6 addresses in brackets).";
                return null;
            }
        }

        var portStart = hostStart + portColon + 1;
        var portText = s[portStart..];
        if (portText.IsEmpty || portText.Length > 5 || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            position = portStart;
            error = "the port must be a number from 0 to 65535.";
            return null;
        }

        position = 0;
        error = string.Empty;
        return new SipListenAddress(protocol, new IPEndPoint(address, port));
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> host)
    {
        var parts = 0;
        var digits = 0;
        foreach (var c in host)
        {
            if (c == '.')
            {
                if (digits == 0)
                {
                    return false;
                }

                parts++;
                digits = 0;
            }
            else if (char.IsAsciiDigit(c) && digits < 3)
            {
                digits++;
            }
            else
            {
                return false;
            }
        }

        return parts == 3 && digits > 0;
    }
}
