using System.Net;
using Microsoft.Extensions.Logging;

namespace K7.Sip.Transport;

/// <summary>The log messages of the transports.</summary>
internal static partial class SipTransportLog
{
    [LoggerMessage(1, LogLevel.Information, "SIP transport listening on {Address}")]
    public static partial void Listening(ILogger logger, SipListenAddress address);

    [LoggerMessage(2, LogLevel.Information, "SIP UDP socket {Address}: receive buffer {ReceiveBuffer} bytes (requested {RequestedReceiveBuffer}), send buffer {SendBuffer} bytes, {Loops} receive loops")]
    public static partial void UdpSocketBuffers(ILogger logger, SipListenAddress address, int receiveBuffer, int requestedReceiveBuffer, int sendBuffer, int loops);

    [LoggerMessage(3, LogLevel.Warning, "SIP UDP receive on {Address} failed; the loop goes on")]
    public static partial void UdpReceiveFailed(ILogger logger, SipListenAddress address, Exception exception);

    [LoggerMessage(4, LogLevel.Debug, "SIP UDP datagram of {Length} bytes from {Remote} dropped: larger than {MaxMessageSize}")]
    public static partial void DatagramTooLarge(ILogger logger, int length, IPEndPoint remote, int maxMessageSize);

    [LoggerMessage(5, LogLevel.Error, "SIP packet handler failed on a {Protocol} message from {Remote}")]
    public static partial void HandlerFailed(ILogger logger, SipTransportProtocol protocol, IPEndPoint remote, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "SIP {Protocol} send to {Remote} failed: {Reason}")]
    public static partial void SendFailed(ILogger logger, SipTransportProtocol protocol, IPEndPoint remote, string reason, Exception? exception);

    [LoggerMessage(7, LogLevel.Warning, "SIP TCP connection {ConnectionId} from {Remote} closed: framing error {Error}")]
    public static partial void FramingError(ILogger logger, long connectionId, IPEndPoint remote, SipFramingError error);

    [LoggerMessage(8, LogLevel.Debug, "SIP TCP connection {ConnectionId} opened ({Direction}) {Local} <-> {Remote}")]
    public static partial void ConnectionOpened(ILogger logger, long connectionId, string direction, IPEndPoint local, IPEndPoint remote);

    [LoggerMessage(9, LogLevel.Debug, "SIP TCP connection {ConnectionId} to {Remote} closed")]
    public static partial void ConnectionClosed(ILogger logger, long connectionId, IPEndPoint remote);

    [LoggerMessage(10, LogLevel.Warning, "SIP TCP connection from {Remote} refused: {MaxTcpConnections} connections are open")]
    public static partial void ConnectionRejected(ILogger logger, EndPoint? remote, int maxTcpConnections);

    [LoggerMessage(11, LogLevel.Warning, "SIP TCP accept on {Address} failed; the loop goes on")]
    public static partial void AcceptFailed(ILogger logger, SipListenAddress address, Exception exception);

    [LoggerMessage(12, LogLevel.Debug, "SIP TCP connection {ConnectionId} to {Remote} closed: idle since {LastActivity}")]
    public static partial void ConnectionIdle(ILogger logger, long connectionId, IPEndPoint remote, NodaTime.Instant lastActivity);

    [LoggerMessage(13, LogLevel.Information, "SIP transport stopped")]
    public static partial void Stopped(ILogger logger);
}
