using System.Buffers;
using System.Net;
using System.Net.Sockets;
using NodaTime;

namespace K7.Sip.Transport;

/// <summary>One TCP connection (accepted or opened): a read loop that frames messages, and serialized writes.</summary>
/// <remarks>The send lock is never disposed on purpose: a sender may still be waiting on it when the connection closes,
/// and a <see cref="SemaphoreSlim"/> whose wait handle is never requested holds no unmanaged resource.</remarks>
#pragma warning disable CA1001 // See remarks: the semaphore needs no disposal.
internal sealed class SipTcpConnection
{
    private const int InitialBufferSize = 4096;
    private static readonly ReadOnlyMemory<byte> Pong = "\r\n"u8.ToArray();

    private readonly SipTransportManager _manager;
    private readonly Socket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly int _maxMessageSize;
    private long _lastActivityTicks;
    private int _closed;

    public SipTcpConnection(SipTransportManager manager, Socket socket, long id, IPEndPoint localEndPoint, IPEndPoint remoteEndPoint, int maxMessageSize)
    {
        _manager = manager;
        _socket = socket;
        Id = id;
        LocalEndPoint = localEndPoint;
        RemoteEndPoint = remoteEndPoint;
        _maxMessageSize = maxMessageSize;
        Touch();
    }

#pragma warning restore CA1001
    public long Id { get; }

    public IPEndPoint LocalEndPoint { get; }

    public IPEndPoint RemoteEndPoint { get; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public Instant LastActivity => Instant.FromUnixTimeTicks(Volatile.Read(ref _lastActivityTicks));

    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start(CancellationToken cancellationToken) => Completion = ReadLoopAsync(cancellationToken);

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            // Dispose aborts a pending receive, which ends the read loop; the loop does the bookkeeping.
            _socket.Dispose();
        }
    }

    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (IsClosed)
        {
            return false;
        }

        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!data.IsEmpty)
            {
                var sent = await _socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                data = data[sent..];
            }

            Touch();
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Close();
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void Touch() => Volatile.Write(ref _lastActivityTicks, _manager.Clock.GetCurrentInstant().ToUnixTimeTicks());

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        // Room for the largest message plus the start of a keep-alive kept back while waiting for its end.
        var maxBufferSize = _maxMessageSize + 4;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, maxBufferSize));
        var start = 0;
        var end = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (end == buffer.Length)
                {
                    if (start > 0)
                    {
                        buffer.AsSpan(start, end - start).CopyTo(buffer);
                        end -= start;
                        start = 0;
                    }
                    else
                    {
                        // The framer reports an error before a message outgrows the maximum, so the buffer is below it here.
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBufferSize));
                        buffer.AsSpan(0, end).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                var received = await _socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (received == 0)
                {
                    break;
                }

                end += received;
                Touch();
                var failed = false;
                while (start < end && !failed)
                {
                    var frame = SipStreamFramer.Frame(buffer.AsSpan(start, end - start), _maxMessageSize);
                    switch (frame.Status)
                    {
                        case SipFrameStatus.Message:
                            var packet = new SipPacket(buffer.AsMemory(start + frame.Offset, frame.Length), SipTransportProtocol.Tcp, RemoteEndPoint, LocalEndPoint, Id);
                            start += frame.Consumed;
                            await _manager.DispatchAsync(packet, cancellationToken).ConfigureAwait(false);
                            break;
                        case SipFrameStatus.Ping:
                            start += frame.Consumed;
                            _manager.Counters.OnKeepAlive();
                            await SendAsync(Pong, cancellationToken).ConfigureAwait(false);
                            break;
                        case SipFrameStatus.NeedMoreData:
                            start += frame.Consumed;
                            goto ReadMore;
                        default:
                            _manager.Counters.OnFramingError();
                            SipTransportLog.FramingError(_manager.Logger, Id, RemoteEndPoint, frame.Error);
                            failed = true;
                            break;
                    }
                }

            ReadMore:
                if (start == end)
                {
                    start = 0;
                    end = 0;
                }

                if (failed)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Closed by us, by the peer, or by stopping: nothing more to read.
        }
        finally
        {
            // Bookkeeping first, so that counters are up to date by the time the peer sees the close.
            _manager.OnConnectionClosed(this);
            Close();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
