using K7.Sip.Transactions;
using K7.Sip.Transport;

namespace K7.Sip;

/// <summary>A request being handled: the message, where it came from, its stamped top Via and where answers go.</summary>
internal sealed class RequestContext(SipRequest request, SipPacket packet, SipVia topVia, ResponseTarget target)
{
    public SipRequest Request { get; } = request;

    public SipPacket Packet { get; } = packet;

    /// <summary>The top Via with <c>received</c> and <c>rport</c> filled in (RFC 3261 §18.2.1, RFC 3581 §4).</summary>
    public SipVia TopVia { get; } = topVia;

    public ResponseTarget Target { get; } = target;

    public TransactionKey? TransactionKey { get; set; }
}
