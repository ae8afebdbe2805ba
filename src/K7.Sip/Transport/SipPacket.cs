using System.Net;
using System.Runtime.InteropServices;

namespace K7.Sip.Transport;

/// <summary>One complete SIP message as received by a transport: its bytes, and the endpoints and connection it came on.</summary>
/// <remarks>
/// <see cref="Data"/> is only valid during the <see cref="ISipPacketHandler.OnPacketReceivedAsync"/> call that
/// receives the packet: the transport reuses the buffer afterwards, so a handler that needs the bytes later must copy
/// them (the message parser does). The endpoint instances may be shared between packets from the same source; do not
/// modify them.
/// </remarks>
[StructLayout(LayoutKind.Auto)]
public readonly struct SipPacket
{
    /// <summary>Initializes a new instance of the <see cref="SipPacket"/> struct.</summary>
    /// <param name="data">The message bytes.</param>
    /// <param name="protocol">The transport the message came on.</param>
    /// <param name="remoteEndPoint">The address and port of the sender.</param>
    /// <param name="localEndPoint">The local address and port the message came in on.</param>
    /// <param name="connectionId">The TCP connection the message came on, or 0 for UDP.</param>
    public SipPacket(ReadOnlyMemory<byte> data, SipTransportProtocol protocol, IPEndPoint remoteEndPoint, IPEndPoint localEndPoint, long connectionId)
    {
        ArgumentNullException.ThrowIfNull(remoteEndPoint);
        ArgumentNullException.ThrowIfNull(localEndPoint);
        ArgumentOutOfRangeException.ThrowIfNegative(connectionId);
        Data = data;
        Protocol = protocol;
        RemoteEndPoint = remoteEndPoint;
        LocalEndPoint = localEndPoint;
        ConnectionId = connectionId;
    }

    /// <summary>Gets the message bytes: one complete message, without keep-alive CRLFs. Valid only during the handler call.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Gets the transport the message came on.</summary>
    public SipTransportProtocol Protocol { get; }

    /// <summary>Gets the address and port of the sender (where a response goes back to, RFC 3261 §18.2.2).</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>Gets the local address and port the message came in on (the bound address; a wildcard when bound to one).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Gets the identifier of the TCP connection the message came on (pass it to <see cref="SipTransportManager.SendAsync"/> to answer on it), or 0 for UDP.</summary>
    public long ConnectionId { get; }
}
