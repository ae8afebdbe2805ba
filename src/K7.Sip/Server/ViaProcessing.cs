using System.Globalization;
using System.Net;
using K7.Sip.Transport;

namespace K7.Sip;

/// <summary>What a server does to the top Via of a request it receives (RFC 3261 §18.2.1, RFC 3581 §4).</summary>
internal static class ViaProcessing
{
    /// <summary>
    /// Adds <c>received</c> with the source address when the sent-by host differs from it (always, when the client
    /// asked for <c>rport</c>), and fills <c>rport</c> with the source port when the client asked for it.
    /// </summary>
    public static SipVia StampReceived(SipVia via, SipPacket packet)
    {
        var source = packet.RemoteEndPoint.Address;
        var sourceText = source.ToString();
        var stamped = via;
        var hostMatches = IPAddress.TryParse(via.Host, out var sentBy) && sentBy.Equals(source);
        if (!hostMatches || via.HasRPort)
        {
            stamped = stamped.WithReceived(sourceText);
        }

        if (via.HasRPort && via.RPort is null)
        {
            stamped = stamped.WithRPort(packet.RemoteEndPoint.Port);
        }

        return stamped;
    }

    /// <summary>The Via sent-by text of a listen address (<c>127.0.0.1:5060</c>, <c>[::1]:5060</c>).</summary>
    public static string SentBy(IPEndPoint endPoint) =>
        endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? "[" + endPoint.Address + "]:" + endPoint.Port.ToString(CultureInfo.InvariantCulture)
            : endPoint.Address + ":" + endPoint.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The Via transport token of a protocol.</summary>
    public static string Token(SipTransportProtocol protocol) => protocol == SipTransportProtocol.Tcp ? "TCP" : "UDP";
}
