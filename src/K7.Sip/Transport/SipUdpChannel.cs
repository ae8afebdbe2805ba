using System.Net;
using System.Net.Sockets;

namespace K7.Sip.Transport;

/// <summary>One bound UDP socket and its receive loops.</summary>
/// <remarks>
/// Each loop owns a pinned receive buffer of <see cref="SipTransportOptions.MaxMessageSize"/> + 1 bytes and receives
/// with the <see cref="SocketAddress"/> overload of <c>ReceiveFromAsync</c>, which writes the sender into a reused
/// address instead of allocating an <see cref="EndPoint"/> per datagram. The <see cref="IPEndPoint"/> handed to the
/// handler is created only when the sender differs from the previous datagram's on that loop, so a steady flow from
/// one peer (a proxy, a load generator) costs no endpoint allocation at all.
/// </remarks>
internal sealed class SipUdpChannel
{
    private readonly SipTransportManager _manager;
    private readonly Socket _socket;
    private readonly IPEndPoint _endPointFactory;
    private readonly int _maxMessageSize;

    public SipUdpChannel(SipTransportManager manager, Socket socket, SipListenAddress boundAddress, int maxMessageSize)
    {
        _manager = manager;
        _socket = socket;
        BoundAddress = boundAddress;
        LocalEndPoint = boundAddress.EndPoint;
        _endPointFactory = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        _maxMessageSize = maxMessageSize;
    }

    public SipListenAddress BoundAddress { get; }

    public IPEndPoint LocalEndPoint { get; }

    public AddressFamily AddressFamily => _socket.AddressFamily;

    /// <summary>Starts one receive loop on a dedicated thread.</summary>
    /// <returns>A task that completes when the loop ends (the socket closed or the token cancelled).</returns>
    /// <remarks>
    /// UDP receive loops block in <c>recvfrom</c> on threads of their own, the way SIP servers usually read datagrams:
    /// each datagram is handled to the end on the thread that read it, with no thread-pool hop, no async state machine
    /// and no spinning pool workers competing with the handler for the cores. A handler that completes
    /// asynchronously (a credential store on a database) is waited for; the loop's buffer is reused only after that.
    /// </remarks>
    public Task StartReceiveLoop(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                ReceiveLoop(cancellationToken);
            }
            finally
            {
                done.TrySetResult();
            }
        })
        {
            IsBackground = true,
            Name = "K7.Sip UDP " + BoundAddress,
        };
        thread.Start();
        return done.Task;
    }

    private void ReceiveLoop(CancellationToken cancellationToken)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(_maxMessageSize + 1, pinned: true);
        var address = new SocketAddress(_socket.AddressFamily);
        var lastAddress = new SocketAddress(_socket.AddressFamily);
        IPEndPoint? lastRemote = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            int received;
            try
            {
                received = _socket.ReceiveFrom(buffer, SocketFlags.None, address);
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // An ICMP port-unreachable for an earlier send (Windows reports it on the next receive), or a datagram
                // larger than the buffer (Windows): neither is a reason to stop reading.
                if (ex.SocketErrorCode == SocketError.MessageSize)
                {
                    _manager.Counters.OnDatagramDropped();
                }

                continue;
            }
            catch (SocketException ex)
            {
                if (cancellationToken.IsCancellationRequested || ex.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted or SocketError.Shutdown)
                {
                    break;
                }

                SipTransportLog.UdpReceiveFailed(_manager.Logger, BoundAddress, ex);
                continue;
            }

            if (lastRemote is null || !address.Equals(lastAddress))
            {
                lastRemote = (IPEndPoint)_endPointFactory.Create(address);
                address.Buffer.Span[..address.Size].CopyTo(lastAddress.Buffer.Span);
                lastAddress.Size = address.Size;
            }

            if (received > _maxMessageSize)
            {
                _manager.Counters.OnDatagramDropped();
                SipTransportLog.DatagramTooLarge(_manager.Logger, received, lastRemote, _maxMessageSize);
                continue;
            }

            if (IsKeepAlive(buffer.AsSpan(0, received)))
            {
                if (received > 0)
                {
                    _manager.Counters.OnKeepAlive();
                }

                continue;
            }

            var packet = new SipPacket(buffer.AsMemory(0, received), SipTransportProtocol.Udp, lastRemote, LocalEndPoint, 0);
            var dispatch = _manager.DispatchAsync(packet, cancellationToken);
            if (!dispatch.IsCompleted)
            {
                try
                {
                    dispatch.AsTask().GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Sends one datagram. UDP sends do not block in practice, so the send is synchronous.</summary>
    public ValueTask<bool> SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            _socket.SendTo(data.Span, SocketFlags.None, remote);
            _manager.Counters.OnPacketSent();
            return new(true);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            _manager.Counters.OnSendFailure();
            SipTransportLog.SendFailed(_manager.Logger, SipTransportProtocol.Udp, remote, ex.Message, ex);
            return new(false);
        }
    }

    public void Close() => _socket.Dispose();

    /// <summary>Whether a datagram carries no message: empty, or only CR and LF (a keep-alive).</summary>
    internal static bool IsKeepAlive(ReadOnlySpan<byte> datagram) => datagram.IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0;
}
