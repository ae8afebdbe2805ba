namespace K7.Sip.Transport;

/// <summary>A transport protocol that carries SIP messages (RFC 3261 §18).</summary>
public enum SipTransportProtocol
{
    /// <summary>UDP: one message per datagram.</summary>
    Udp,

    /// <summary>TCP: messages on a byte stream, framed by their Content-Length header.</summary>
    Tcp,
}
