using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace K7.Sip.Transport;

/// <summary>
/// Listens on the configured UDP and TCP addresses, delivers every complete SIP message to an
/// <see cref="ISipPacketHandler"/>, and sends bytes on request (RFC 3261 §18), reusing TCP connections.
/// </summary>
/// <remarks>
/// <para>Thread-safe. <see cref="StartAsync"/> once; <see cref="StopAsync"/> and <see cref="DisposeAsync"/> close every
/// socket and connection and may be called any number of times.</para>
/// <para>Threading: each UDP socket is read by <see cref="SipTransportOptions.ReceiveLoopsPerUdpSocket"/> loops, each of
/// which awaits the handler before reading its next datagram; each TCP connection is read by one loop that delivers its
/// messages in order. The handler therefore runs concurrently across datagrams and connections, never concurrently
/// for one connection.</para>
/// <para>Network errors never escape: receive loops log and go on, and <see cref="SendAsync"/> returns
/// <see langword="false"/>. Idle TCP connections are closed by <see cref="CloseIdleConnections"/>, which the owner calls
/// periodically.</para>
/// </remarks>
public sealed class SipTransportManager : IAsyncDisposable
{
    private readonly SipTransportOptions _options;
    private readonly ISipPacketHandler _handler;
    private readonly List<SipUdpChannel> _udpChannels = [];
    private readonly List<(Socket Listener, SipListenAddress Address)> _tcpListeners = [];
    private readonly List<Task> _loops = [];
    private readonly ConcurrentDictionary<long, SipTcpConnection> _connections = new();
    private readonly ConcurrentDictionary<IPEndPoint, SipTcpConnection> _connectionsByRemote = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _stateLock = new();
    private IReadOnlyList<SipListenAddress> _boundAddresses = [];
    private long _lastConnectionId;
    private int _openConnections;
    private int _state; // 0 created, 1 starting or started, 2 stopped
    private Task? _stopTask;

    /// <summary>Initializes a new instance of the <see cref="SipTransportManager"/> class.</summary>
    /// <param name="options">The listen addresses and limits; validated here.</param>
    /// <param name="handler">Receives every complete message.</param>
    /// <param name="clock">The clock for TCP idle bookkeeping.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid.</exception>
    public SipTransportManager(SipTransportOptions options, ISipPacketHandler handler, IClock clock, ILogger<SipTransportManager>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(clock);
        SipTransportOptionsValidator.ThrowIfInvalid(options);
        _options = options;
        _handler = handler;
        Clock = clock;
        Logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the addresses actually bound, in the order of <see cref="SipTransportOptions.ListenAddresses"/>, with the ports the system chose for port 0; empty before <see cref="StartAsync"/>.</summary>
    public IReadOnlyList<SipListenAddress> BoundAddresses => Volatile.Read(ref _boundAddresses);

    /// <summary>Gets the running totals (messages, keep-alives, errors, connections).</summary>
    public SipTransportCounters Counters { get; } = new();

    /// <summary>Gets the number of TCP connections open now.</summary>
    public int OpenConnectionCount => Volatile.Read(ref _openConnections);

    internal IClock Clock { get; }

    internal ILogger Logger { get; }

    /// <summary>Binds every listen address and starts reading.</summary>
    /// <param name="cancellationToken">Cancels the start (already bound sockets are closed).</param>
    /// <returns>A task that completes when every address is bound.</returns>
    /// <exception cref="InvalidOperationException">The manager was already started or stopped.</exception>
    /// <exception cref="IOException">An address could not be bound (in use, not local, not permitted); the message names it.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        List<SipListenAddress> bound;
        lock (_stateLock)
        {
            if (_state != 0)
            {
                throw new InvalidOperationException(_state == 1 ? "The SIP transport is already started." : "The SIP transport was stopped; create a new one.");
            }

            // Binding is synchronous and quick; holding the lock keeps a concurrent stop from missing a socket.
            bound = new List<SipListenAddress>(_options.ListenAddresses.Count);
            try
            {
                foreach (var address in _options.ListenAddresses)
                {
                    bound.Add(address.Protocol == SipTransportProtocol.Udp ? BindUdp(address) : BindTcp(address));
                }
            }
            catch
            {
                CloseListeners();
                _state = 2;
                throw;
            }

            _state = 1;
            _boundAddresses = bound.AsReadOnly();
            var token = _stopping.Token;
            foreach (var channel in _udpChannels)
            {
                for (var i = 0; i < _options.ReceiveLoopsPerUdpSocket; i++)
                {
                    _loops.Add(channel.StartReceiveLoop(token));
                }
            }

            foreach (var (listener, address) in _tcpListeners)
            {
                _loops.Add(Task.Run(() => AcceptLoopAsync(listener, address, token), CancellationToken.None));
            }
        }

        foreach (var address in bound)
        {
            SipTransportLog.Listening(Logger, address);
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops listening, closes every socket and connection, and waits for the receive loops to end. Idempotent.</summary>
    /// <param name="cancellationToken">Stops waiting for the loops (the sockets are closed regardless).</param>
    /// <returns>A task that completes when everything is closed.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task stop;
        lock (_stateLock)
        {
            _state = 2;
            stop = _stopTask ??= StopCoreAsync();
        }

        return stop.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the transport (see <see cref="StopAsync"/>). Idempotent.</summary>
    /// <returns>A task that completes when everything is closed.</returns>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    /// <summary>
    /// Sends one message. UDP: from the bound socket of the remote's address family (the one whose local endpoint is
    /// <paramref name="localEndPoint"/> when given and found). TCP: on connection <paramref name="connectionId"/> if it is
    /// still open, else on an open connection to <paramref name="remote"/>, else on a new connection to
    /// <paramref name="remote"/>, whose incoming messages then go to the handler too (RFC 3261 §18.2.2, §18.4).
    /// </summary>
    /// <param name="protocol">The transport.</param>
    /// <param name="remote">Where to send.</param>
    /// <param name="data">The whole message; the bytes are not kept after the call completes.</param>
    /// <param name="connectionId">The TCP connection to prefer (<see cref="SipPacket.ConnectionId"/>), or 0; ignored for UDP.</param>
    /// <param name="localEndPoint">The local UDP endpoint to send from (<see cref="SipPacket.LocalEndPoint"/>), or <see langword="null"/> for the first of the family; ignored for TCP.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns><see langword="true"/> when the bytes were handed to the network; <see langword="false"/> (logged and counted) when they could not be.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="remote"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<bool> SendAsync(
        SipTransportProtocol protocol,
        IPEndPoint remote,
        ReadOnlyMemory<byte> data,
        long connectionId = 0,
        IPEndPoint? localEndPoint = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        cancellationToken.ThrowIfCancellationRequested();
        if (Volatile.Read(ref _state) != 1)
        {
            return Fail(protocol, remote, "the transport is not running");
        }

        if (protocol == SipTransportProtocol.Udp)
        {
            var channel = FindUdpChannel(remote.AddressFamily, localEndPoint);
            return channel is null
                ? Fail(protocol, remote, "no UDP socket is bound for the address family " + remote.AddressFamily)
                : await channel.SendAsync(remote, data, cancellationToken).ConfigureAwait(false);
        }

        if (protocol != SipTransportProtocol.Tcp)
        {
            return Fail(protocol, remote, "unknown protocol");
        }

        if (connectionId != 0 && _connections.TryGetValue(connectionId, out var byId) && !byId.IsClosed
            && await SendOnAsync(byId, data, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        if (_connectionsByRemote.TryGetValue(remote, out var byRemote) && !byRemote.IsClosed
            && await SendOnAsync(byRemote, data, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        var opened = await ConnectAsync(remote, cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return false; // logged and counted by ConnectAsync
        }

        return await SendOnAsync(opened, data, cancellationToken).ConfigureAwait(false)
            || Fail(protocol, remote, "the connection was lost while sending");
    }

    /// <summary>Closes the TCP connections without traffic for longer than <see cref="SipTransportOptions.TcpIdleTimeout"/>, by the clock.</summary>
    /// <returns>The number of connections closed.</returns>
    public int CloseIdleConnections()
    {
        var cutoff = Clock.GetCurrentInstant() - _options.TcpIdleTimeout;
        var closed = 0;
        foreach (var connection in _connections.Values)
        {
            var lastActivity = connection.LastActivity;
            if (lastActivity < cutoff && !connection.IsClosed)
            {
                SipTransportLog.ConnectionIdle(Logger, connection.Id, connection.RemoteEndPoint, lastActivity);
                connection.Close();
                closed++;
            }
        }

        return closed;
    }

    internal async ValueTask DispatchAsync(SipPacket packet, CancellationToken cancellationToken)
    {
        Counters.OnPacketReceived();
        try
        {
            await _handler.OnPacketReceivedAsync(packet, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A handler failure must not stop the receive loop; it is logged and counted.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Counters.OnHandlerError();
            SipTransportLog.HandlerFailed(Logger, packet.Protocol, packet.RemoteEndPoint, ex);
        }
    }

    internal void OnConnectionClosed(SipTcpConnection connection)
    {
        if (_connections.TryRemove(connection.Id, out _))
        {
            _connectionsByRemote.TryRemove(new KeyValuePair<IPEndPoint, SipTcpConnection>(connection.RemoteEndPoint, connection));
            Interlocked.Decrement(ref _openConnections);
            Counters.OnConnectionClosed();
            SipTransportLog.ConnectionClosed(Logger, connection.Id, connection.RemoteEndPoint);
        }
    }

    private bool Fail(SipTransportProtocol protocol, IPEndPoint remote, string reason)
    {
        Counters.OnSendFailure();
        SipTransportLog.SendFailed(Logger, protocol, remote, reason, null);
        return false;
    }

    private async ValueTask<bool> SendOnAsync(SipTcpConnection connection, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (await connection.SendAsync(data, cancellationToken).ConfigureAwait(false))
        {
            Counters.OnPacketSent();
            return true;
        }

        return false;
    }

    private SipUdpChannel? FindUdpChannel(AddressFamily family, IPEndPoint? localEndPoint)
    {
        SipUdpChannel? first = null;
        foreach (var channel in _udpChannels)
        {
            if (channel.AddressFamily != family)
            {
                continue;
            }

            if (localEndPoint is null || channel.LocalEndPoint.Equals(localEndPoint))
            {
                return channel;
            }

            first ??= channel;
        }

        return first;
    }

    private SipListenAddress BindUdp(SipListenAddress address)
    {
        var socket = new Socket(address.EndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (address.EndPoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            if (OperatingSystem.IsWindows())
            {
                // SIO_UDP_CONNRESET off: an ICMP port-unreachable must not fail the next receive.
                socket.IOControl(unchecked((int)0x9800000C), new byte[4], null);
            }

            if (_options.UdpReceiveBufferSize > 0)
            {
                socket.ReceiveBufferSize = _options.UdpReceiveBufferSize;
            }

            if (_options.UdpSendBufferSize > 0)
            {
                socket.SendBufferSize = _options.UdpSendBufferSize;
            }

            socket.Bind(address.EndPoint);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw BindFailed(address, ex);
        }

        var bound = new SipListenAddress(SipTransportProtocol.Udp, (IPEndPoint)socket.LocalEndPoint!);
        SipTransportLog.UdpSocketBuffers(Logger, bound, socket.ReceiveBufferSize, _options.UdpReceiveBufferSize, socket.SendBufferSize, _options.ReceiveLoopsPerUdpSocket);
        _udpChannels.Add(new SipUdpChannel(this, socket, bound, _options.MaxMessageSize));
        return bound;
    }

    private SipListenAddress BindTcp(SipListenAddress address)
    {
        var socket = new Socket(address.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (address.EndPoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.Bind(address.EndPoint);
            socket.Listen(512);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw BindFailed(address, ex);
        }

        var bound = new SipListenAddress(SipTransportProtocol.Tcp, (IPEndPoint)socket.LocalEndPoint!);
        _tcpListeners.Add((socket, bound));
        return bound;
    }

    private static IOException BindFailed(SipListenAddress address, SocketException ex) =>
        new($"Could not listen on the SIP address '{address}': {ex.Message} ({ex.SocketErrorCode}).", ex);

    private async Task AcceptLoopAsync(Socket listener, SipListenAddress address, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                break;
            }
            catch (SocketException ex)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                SipTransportLog.AcceptFailed(Logger, address, ex);
                continue;
            }

            if (!TryReserveConnection())
            {
                Counters.OnConnectionRejected();
                SipTransportLog.ConnectionRejected(Logger, SafeRemote(socket), _options.MaxTcpConnections);
                socket.Dispose();
                continue;
            }

            AddConnection(socket, "accepted", cancellationToken);
        }
    }

    private async ValueTask<SipTcpConnection?> ConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (!TryReserveConnection())
        {
            Counters.OnConnectionRejected();
            Fail(SipTransportProtocol.Tcp, remote, $"{_options.MaxTcpConnections} connections are open");
            return null;
        }

        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        timeout.CancelAfter(_options.TcpConnectTimeout.ToTimeSpan());
        try
        {
            await socket.ConnectAsync(remote, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            Interlocked.Decrement(ref _openConnections);
            var reason = ex is OperationCanceledException ? "the connection could not be opened in time" : "the connection could not be opened: " + ex.Message;
            Fail(SipTransportProtocol.Tcp, remote, reason);
            return null;
        }
        catch
        {
            socket.Dispose();
            Interlocked.Decrement(ref _openConnections);
            throw;
        }

        return AddConnection(socket, "outgoing", _stopping.Token);
    }

    private SipTcpConnection? AddConnection(Socket socket, string direction, CancellationToken cancellationToken)
    {
        IPEndPoint local;
        IPEndPoint remote;
        try
        {
            socket.NoDelay = true;
            local = (IPEndPoint)socket.LocalEndPoint!;
            remote = (IPEndPoint)socket.RemoteEndPoint!;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            socket.Dispose();
            Interlocked.Decrement(ref _openConnections);
            return null;
        }

        var connection = new SipTcpConnection(this, socket, Interlocked.Increment(ref _lastConnectionId), local, remote, _options.MaxMessageSize);
        _connections[connection.Id] = connection;
        _connectionsByRemote[remote] = connection;
        Counters.OnConnectionOpened();
        SipTransportLog.ConnectionOpened(Logger, connection.Id, direction, local, remote);
        connection.Start(cancellationToken);
        if (Volatile.Read(ref _state) != 1)
        {
            // Stopped while connecting: the stop may already have swept the connections.
            connection.Close();
        }

        return connection;
    }

    private bool TryReserveConnection()
    {
        if (Interlocked.Increment(ref _openConnections) <= _options.MaxTcpConnections)
        {
            return true;
        }

        Interlocked.Decrement(ref _openConnections);
        return false;
    }

    private static EndPoint? SafeRemote(Socket socket)
    {
        try
        {
            return socket.RemoteEndPoint;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private void CloseListeners()
    {
        foreach (var channel in _udpChannels)
        {
            channel.Close();
        }

        foreach (var (listener, _) in _tcpListeners)
        {
            listener.Dispose();
        }
    }

    private async Task StopCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] loops;
        lock (_stateLock)
        {
            CloseListeners();
            loops = [.. _loops];
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
        var connections = new List<Task>();
        foreach (var connection in _connections.Values)
        {
            connection.Close();
            connections.Add(connection.Completion);
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
        SipTransportLog.Stopped(Logger);
    }
}
