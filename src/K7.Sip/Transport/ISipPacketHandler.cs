namespace K7.Sip.Transport;

/// <summary>Receives the complete SIP messages (as bytes) that a <see cref="SipTransportManager"/> reads from the network.</summary>
/// <remarks>
/// <para>The manager calls <see cref="OnPacketReceivedAsync"/> once per complete message. Calls run concurrently: up to
/// <see cref="SipTransportOptions.ReceiveLoopsPerUdpSocket"/> at a time per UDP socket, and one at a time (in order) per
/// TCP connection, so implementations must be thread-safe.</para>
/// <para>The bytes in <see cref="SipPacket.Data"/> belong to the transport and are reused once the returned task
/// completes: parse or copy them before that. An exception thrown by the handler is logged and counted; it does not
/// stop the transport.</para>
/// </remarks>
public interface ISipPacketHandler
{
    /// <summary>Handles one received message.</summary>
    /// <param name="packet">The message bytes and where they came from.</param>
    /// <param name="cancellationToken">Signalled when the transport stops.</param>
    /// <returns>A task that completes when the handler no longer needs <see cref="SipPacket.Data"/>.</returns>
    ValueTask OnPacketReceivedAsync(SipPacket packet, CancellationToken cancellationToken);
}
