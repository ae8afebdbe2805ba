using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace K7.Sip;

/// <summary>One Via value (<c>SIP/2.0/UDP host:port;branch=z9hG4bK…;rport</c>). Immutable.</summary>
public sealed class SipVia
{
    /// <summary>The RFC 3261 branch magic cookie.</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>Initializes a new instance of the <see cref="SipVia"/> class.</summary>
    /// <param name="transport">The transport (<c>UDP</c>, <c>TCP</c>, <c>TLS</c>, …).</param>
    /// <param name="host">The sent-by host (IPv6 in brackets).</param>
    /// <param name="port">The sent-by port, if any.</param>
    /// <param name="parameters">The Via parameters (branch, rport, received, …).</param>
    public SipVia(string transport, string host, int? port, SipParameterList parameters)
        : this("SIP/2.0", transport, host, port, parameters)
    {
        if (!SipGrammar.IsToken(transport))
        {
            throw new ArgumentException("The transport must be a token.", nameof(transport));
        }

        if (!SipUri.IsValidHost(host))
        {
            throw new ArgumentException($"'{host}' is not a host name, IPv4 address or bracketed IPv6 reference.", nameof(host));
        }

        if (port is { } p)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(p, nameof(port));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 65535, nameof(port));
        }
    }

    private SipVia(string protocol, string transport, string host, int? port, SipParameterList parameters)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(parameters);
        Protocol = protocol;
        Transport = transport;
        Host = host;
        Port = port;
        Parameters = parameters;
    }

    /// <summary>Gets the protocol name and version without whitespace (<c>SIP/2.0</c>).</summary>
    public string Protocol { get; }

    /// <summary>Gets the transport as written (<c>UDP</c>).</summary>
    public string Transport { get; }

    /// <summary>Gets the sent-by host (IPv6 in brackets).</summary>
    public string Host { get; }

    /// <summary>Gets the sent-by port, if written.</summary>
    public int? Port { get; }

    /// <summary>Gets the Via parameters, values as written.</summary>
    public SipParameterList Parameters { get; }

    /// <summary>Gets the <c>branch</c> parameter, or <see langword="null"/>.</summary>
    public string? Branch => Parameters["branch"];

    /// <summary>
    /// Gets a value indicating whether the branch is an RFC 3261 one: it starts with <see cref="MagicCookie"/> and has
    /// something after it. A bare <c>z9hG4bK</c> (RFC 4475 badbranch) is not, and the transaction layer then matches
    /// as for RFC 2543 (§17.2.3).
    /// </summary>
    public bool HasRfc3261Branch => Branch is { Length: > 7 } b && b.StartsWith(MagicCookie, StringComparison.Ordinal);

    /// <summary>Gets the <c>received</c> parameter, or <see langword="null"/>.</summary>
    public string? Received => Parameters["received"];

    /// <summary>Gets a value indicating whether the <c>rport</c> parameter is present (RFC 3581), with or without a value.</summary>
    public bool HasRPort => Parameters.Contains("rport");

    /// <summary>Gets the value of the <c>rport</c> parameter, or <see langword="null"/> when absent or empty.</summary>
    public int? RPort => Parameters["rport"] is { } v && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;

    /// <summary>Parses one Via value.</summary>
    /// <param name="text">The value (one element of the comma-separated list).</param>
    /// <returns>The Via.</returns>
    /// <exception cref="SipFormatException">The text is not valid; the exception gives the offset.</exception>
    public static SipVia Parse(ReadOnlySpan<char> text)
    {
        var fault = SipHeaderScanner.ScanVia(text, out var parts);
        return fault >= 0
            ? throw new SipFormatException($"Invalid Via at character {fault}.", fault, null, SipHeaderNames.Via)
            : FromParts(text, parts);
    }

    /// <summary>Parses one Via value.</summary>
    /// <param name="text">The value (one element of the comma-separated list).</param>
    /// <param name="via">The Via when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipVia? via)
    {
        via = SipHeaderScanner.ScanVia(text, out var parts) >= 0 ? null : FromParts(text, parts);
        return via is not null;
    }

    /// <summary>Returns a copy with <c>received</c> set (RFC 3261 §18.2.1).</summary>
    /// <param name="host">The source address of the request.</param>
    /// <returns>A new Via.</returns>
    public SipVia WithReceived(string host)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        return new SipVia(Protocol, Transport, Host, Port, Parameters.With("received", host));
    }

    /// <summary>Returns a copy with <c>rport</c> set to the source port (RFC 3581 §4).</summary>
    /// <param name="port">The source port of the request.</param>
    /// <returns>A new Via.</returns>
    public SipVia WithRPort(int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return new SipVia(Protocol, Transport, Host, Port, Parameters.With("rport", port.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Returns the wire form.</summary>
    /// <returns>The Via value.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder(128);
        sb.Append(Protocol).Append('/').Append(Transport).Append(' ').Append(Host);
        if (Port is { } port)
        {
            sb.Append(':').Append(port);
        }

        Parameters.AppendTo(sb);
        return sb.ToString();
    }

    internal static SipVia FromParts(ReadOnlySpan<char> text, in ViaParts parts)
    {
        var name = text[parts.ProtocolName];
        var version = text[parts.Version];
        var protocol = name.Equals("SIP", StringComparison.OrdinalIgnoreCase) && version is "2.0"
            ? "SIP/2.0"
            : string.Concat(name, "/", version);
        var transport = text[parts.Transport] switch
        {
            "UDP" => "UDP",
            "TCP" => "TCP",
            "TLS" => "TLS",
            "SCTP" => "SCTP",
            "WS" => "WS",
            "WSS" => "WSS",
            var t => t.ToString(),
        };
        var list = new List<KeyValuePair<string, string?>>(4);
        SipGrammar.ScanGenericParams(text, parts.ParamsStart, list);
        return new SipVia(protocol, transport, text[parts.Host].ToString(), parts.Port,
            list.Count == 0 ? SipParameterList.Empty : new SipParameterList([.. list]));
    }
}
