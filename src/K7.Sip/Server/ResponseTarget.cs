using System.Net;
using K7.Sip.Transport;

namespace K7.Sip;

/// <summary>Where a message goes: transport, remote address, the local socket to send from and the TCP connection to prefer.</summary>
internal sealed record ResponseTarget(SipTransportProtocol Protocol, IPEndPoint Remote, IPEndPoint? Local, long ConnectionId)
{
    /// <summary>
    /// Where the responses to a request go (RFC 3261 §18.2.2 with RFC 3581): over TCP, back on the connection it came on;
    /// over UDP, to the source address, and to the source port when the client asked for <c>rport</c> or else to the
    /// port of its sent-by (5060 when it names none). <c>maddr</c> is not honoured (multicast is not supported).
    /// </summary>
    public static ResponseTarget For(SipPacket packet, SipVia stampedTopVia)
    {
        if (packet.Protocol != SipTransportProtocol.Udp)
        {
            return new(packet.Protocol, packet.RemoteEndPoint, packet.LocalEndPoint, packet.ConnectionId);
        }

        var remote = stampedTopVia.HasRPort || stampedTopVia.Port == packet.RemoteEndPoint.Port
            ? packet.RemoteEndPoint
            : new IPEndPoint(packet.RemoteEndPoint.Address, stampedTopVia.Port ?? 5060);
        return new(packet.Protocol, remote, packet.LocalEndPoint, 0);
    }
}
