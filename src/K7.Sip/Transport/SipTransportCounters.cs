namespace K7.Sip.Transport;

/// <summary>Running totals of a <see cref="SipTransportManager"/>, for metrics and diagnostics.</summary>
/// <remarks>Thread-safe. Each value counts from the creation of the manager and only grows; read them periodically and
/// publish differences or observable counters.</remarks>
public sealed class SipTransportCounters
{
    private long _packetsReceived;
    private long _packetsSent;
    private long _sendFailures;
    private long _keepAlivesReceived;
    private long _datagramsDropped;
    private long _framingErrors;
    private long _handlerErrors;
    private long _connectionsOpened;
    private long _connectionsClosed;
    private long _connectionsRejected;

    internal SipTransportCounters()
    {
    }

    /// <summary>Gets the number of complete messages passed to the handler (UDP and TCP).</summary>
    public long PacketsReceived => Volatile.Read(ref _packetsReceived);

    /// <summary>Gets the number of messages sent successfully (UDP datagrams and TCP writes, keep-alive answers excluded).</summary>
    public long PacketsSent => Volatile.Read(ref _packetsSent);

    /// <summary>Gets the number of sends that failed (no socket for the address family, connection refused or lost, socket error).</summary>
    public long SendFailures => Volatile.Read(ref _sendFailures);

    /// <summary>Gets the number of keep-alives received: CRLF-only datagrams, and double-CRLF pings on connections (each answered with a CRLF).</summary>
    public long KeepAlivesReceived => Volatile.Read(ref _keepAlivesReceived);

    /// <summary>Gets the number of datagrams dropped for exceeding <see cref="SipTransportOptions.MaxMessageSize"/>.</summary>
    public long DatagramsDropped => Volatile.Read(ref _datagramsDropped);

    /// <summary>Gets the number of TCP connections closed because their bytes could not be framed (bad or missing Content-Length, message too large).</summary>
    public long FramingErrors => Volatile.Read(ref _framingErrors);

    /// <summary>Gets the number of exceptions thrown by the packet handler (logged and otherwise ignored).</summary>
    public long HandlerErrors => Volatile.Read(ref _handlerErrors);

    /// <summary>Gets the number of TCP connections opened, accepted or outgoing.</summary>
    public long ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    /// <summary>Gets the number of TCP connections closed, for any reason.</summary>
    public long ConnectionsClosed => Volatile.Read(ref _connectionsClosed);

    /// <summary>Gets the number of TCP connections refused because <see cref="SipTransportOptions.MaxTcpConnections"/> were open.</summary>
    public long ConnectionsRejected => Volatile.Read(ref _connectionsRejected);

    internal void OnPacketReceived() => Interlocked.Increment(ref _packetsReceived);

    internal void OnPacketSent() => Interlocked.Increment(ref _packetsSent);

    internal void OnSendFailure() => Interlocked.Increment(ref _sendFailures);

    internal void OnKeepAlive() => Interlocked.Increment(ref _keepAlivesReceived);

    internal void OnDatagramDropped() => Interlocked.Increment(ref _datagramsDropped);

    internal void OnFramingError() => Interlocked.Increment(ref _framingErrors);

    internal void OnHandlerError() => Interlocked.Increment(ref _handlerErrors);

    internal void OnConnectionOpened() => Interlocked.Increment(ref _connectionsOpened);

    internal void OnConnectionClosed() => Interlocked.Increment(ref _connectionsClosed);

    internal void OnConnectionRejected() => Interlocked.Increment(ref _connectionsRejected);
}
