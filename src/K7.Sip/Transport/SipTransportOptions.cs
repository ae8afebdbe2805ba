using System.ComponentModel.DataAnnotations;
using NodaTime;

namespace K7.Sip.Transport;

/// <summary>Options of a <see cref="SipTransportManager"/>: where to listen, and the limits of each transport.</summary>
/// <remarks>Mutable for the options pattern; treat an instance as read-only once a manager uses it.</remarks>
public sealed class SipTransportOptions
{
    /// <summary>Gets the addresses to listen on, such as <c>udp:0.0.0.0:5060</c> and <c>tcp:0.0.0.0:5060</c> (at least one, no duplicates).</summary>
    /// <value>Default: empty (which is invalid: at least one address is required).</value>
    public IList<SipListenAddress> ListenAddresses { get; } = new List<SipListenAddress>();

    /// <summary>Gets or sets the largest message accepted or framed, in bytes (header section and body together).</summary>
    /// <value>Default: 65536. Range: 1024 to 16 MiB. Larger datagrams are dropped; a larger message on a stream closes the connection.</value>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxMessageSize { get; set; } = 65536;

    /// <summary>Gets or sets the requested receive buffer (SO_RCVBUF) of each UDP socket, in bytes; 0 keeps the system default.</summary>
    /// <value>Default: 4 MiB. The kernel may cap it (on Linux, <c>net.core.rmem_max</c>); the size actually granted is logged at start.</value>
    [Range(0, int.MaxValue)]
    public int UdpReceiveBufferSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Gets or sets the requested send buffer (SO_SNDBUF) of each UDP socket, in bytes; 0 keeps the system default.</summary>
    /// <value>Default: 1 MiB.</value>
    [Range(0, int.MaxValue)]
    public int UdpSendBufferSize { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets how many receive loops read each UDP socket, so that several datagrams are handled in parallel.</summary>
    /// <value>Default: <see cref="Environment.ProcessorCount"/>. Range: 1 to 1024.</value>
    [Range(1, 1024)]
    public int ReceiveLoopsPerUdpSocket { get; set; } = Environment.ProcessorCount;

    /// <summary>Gets or sets how long a TCP connection may stay without traffic before <see cref="SipTransportManager.CloseIdleConnections"/> closes it.</summary>
    /// <value>Default: 15 minutes. Must be positive.</value>
    public Duration TcpIdleTimeout { get; set; } = Duration.FromMinutes(15);

    /// <summary>Gets or sets how long opening an outgoing TCP connection may take before the send fails.</summary>
    /// <value>Default: 5 seconds. Must be positive.</value>
    public Duration TcpConnectTimeout { get; set; } = Duration.FromSeconds(5);

    /// <summary>Gets or sets the largest number of open TCP connections (accepted and opened together); further ones are refused.</summary>
    /// <value>Default: 10,000. Range: 1 to 1,000,000.</value>
    [Range(1, 1_000_000)]
    public int MaxTcpConnections { get; set; } = 10_000;
}
