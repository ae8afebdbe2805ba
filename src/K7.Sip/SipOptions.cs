using K7.Sip.Authentication;
using K7.Sip.Registrar;
using K7.Sip.Transactions;
using K7.Sip.Transport;
using NodaTime;

namespace K7.Sip;

/// <summary>Settings of a <see cref="SipServer"/>: where it listens, which domains it serves, and its parts' settings.</summary>
/// <remarks>
/// The nested settings (<see cref="Transport"/>, <see cref="Registrar"/>, <see cref="Authentication"/>,
/// <see cref="Timers"/>) are validated with the rest when the server starts.
/// </remarks>
public sealed class SipOptions
{
    /// <summary>Gets the transport settings, including the listen addresses (<c>udp:127.0.0.1:5060</c>, <c>tcp:[::1]:5060</c>).</summary>
    /// <value>No listen addresses: <see cref="SipServer.StartAsync"/> then listens on <c>udp:127.0.0.1:5060</c> and <c>tcp:127.0.0.1:5060</c>.</value>
    public SipTransportOptions Transport { get; } = new();

    /// <summary>Gets the registrar settings (expiry bounds, contact limits).</summary>
    public RegistrarOptions Registrar { get; } = new();

    /// <summary>Gets the digest authentication settings (realm, algorithms in order of preference, nonce lifetime).</summary>
    /// <value>An empty realm, which <c>AddK7Sip</c> replaces by the first of <see cref="Domains"/>, or by <c>k7</c> when no domain is set. A <see cref="DigestAuthenticator"/> built without DI needs a realm.</value>
    public DigestAuthenticationOptions Authentication { get; } = new();

    /// <summary>Gets the RFC 3261 §17 timer values.</summary>
    public SipTimerOptions Timers { get; } = new();

    /// <summary>Gets the domains (host names or addresses) whose users this registrar serves; REGISTER for any other domain gets 404.</summary>
    /// <value>Empty: every domain is served.</value>
    public IList<string> Domains { get; } = new List<string>();

    /// <summary>
    /// Gets other names of the first of <see cref="Domains"/>: host names or addresses (the server's IP address, say)
    /// that phones may use instead of it. An address-of-record at an alias is the one at the first domain: a phone
    /// registered as <c>202@10.0.0.5</c> and one registered as <c>202@pbx.example.com</c> share the bindings of
    /// <c>sip:202@pbx.example.com</c>, and a call to either name reaches both. REGISTER for an alias is served.
    /// </summary>
    /// <value>Empty. Needs at least one of <see cref="Domains"/>.</value>
    public IList<string> DomainAliases { get; } = new List<string>();

    /// <summary>Gets or sets a value indicating whether REGISTER must carry valid digest credentials.</summary>
    /// <value><see langword="true"/>.</value>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>
    /// Gets the <c>User-Agent</c> prefixes of clients that are challenged with MD5 only. Some user agents read only the
    /// first challenge of a 401 or give up on a challenge list with an algorithm they do not know, so the RFC 8760
    /// preference order (SHA-256 first) locks them out.
    /// </summary>
    /// <value><c>baresip v0.</c>, <c>baresip v1.</c> and <c>sipp</c> (baresip 1.0 rejects the whole 401 when any challenge uses SHA-256; SIPp 3.6 answers only the first challenge and only with MD5).</value>
    public IList<string> Md5OnlyUserAgents { get; } = new List<string> { "baresip v0.", "baresip v1.", "sipp" };

    /// <summary>Gets or sets how often each registered contact is sent an OPTIONS request to check that it still answers; <see cref="Duration.Zero"/> turns this off.</summary>
    /// <value>60 seconds.</value>
    public Duration QualifyInterval { get; set; } = Duration.FromSeconds(60);

    /// <summary>Gets or sets the resolution of the transaction, expiry and qualify timers.</summary>
    /// <value>50 milliseconds.</value>
    public Duration TimerResolution { get; set; } = Duration.FromMilliseconds(50);

    /// <summary>Gets or sets the most server transactions kept for retransmission absorption; beyond it, the oldest completed ones end early.</summary>
    /// <value>1,000,000.</value>
    public int MaxServerTransactions { get; set; } = 1_000_000;

    /// <summary>Gets or sets the value of the <c>Server</c> and <c>User-Agent</c> headers this server sends.</summary>
    /// <value><c>K7.Sip</c>.</value>
    public string ServerName { get; set; } = "K7.Sip";

    /// <summary>Gets how calls (INVITE) are proxied: voicemail and outbound destinations, ring timeouts, Record-Route.</summary>
    public K7.Sip.Proxy.SipCallOptions Calls { get; } = new();
}
