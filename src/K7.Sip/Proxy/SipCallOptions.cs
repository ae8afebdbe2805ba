using NodaTime;

namespace K7.Sip.Proxy;

/// <summary>How calls are proxied.</summary>
public sealed class SipCallOptions
{
    /// <summary>Gets or sets the voicemail server's URI, with <c>{user}</c> for the mailbox (<c>sip:vm-{user}@127.0.0.1:5090</c>); calls routed to voicemail go there.</summary>
    /// <value>Default: <see langword="null"/>: calls to voicemail fail with 480.</value>
    public string? VoicemailUri { get; set; }

    /// <summary>Gets or sets a value indicating whether calls to voicemail are redirected (302 with the voicemail URI) rather than proxied there.</summary>
    /// <value>Default: <see langword="false"/>.</value>
    public bool VoicemailRedirect { get; set; }

    /// <summary>Gets or sets the outbound proxy (<c>host:port</c>, an IP address) that external numbers are sent to as <c>sip:number@host:port</c>.</summary>
    /// <value>Default: <see langword="null"/>: calls to external numbers fail.</value>
    public string? OutboundProxy { get; set; }

    /// <summary>Gets or sets how long phones ring when the answering rule sets no timeout.</summary>
    /// <value>Default: 60 seconds.</value>
    public Duration DefaultRingTimeout { get; set; } = Duration.FromSeconds(60);

    /// <summary>Gets or sets how long a forwarded call rings before it fails.</summary>
    /// <value>Default: 60 seconds.</value>
    public Duration ForwardRingTimeout { get; set; } = Duration.FromSeconds(60);

    /// <summary>Gets or sets a value indicating whether the proxy stays in the path of answered calls (Record-Route), so it sees BYE and tracks dialogs.</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool RecordRoute { get; set; } = true;
}
