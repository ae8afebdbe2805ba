using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using K7.Sip.Transport;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Transport;

public sealed class SipTransportManagerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("udp:127.0.0.1:0")]
    [InlineData("udp:[::1]:0")]
    public async Task SendAsync_UdpEcho_ClientReceivesTheReply(string listen)
    {
        using var cts = new CancellationTokenSource(Timeout);
        var handler = new RecordingHandler { Echo = true };
        await using var manager = await StartAsync(handler, listen);
        var server = manager.BoundAddresses[0].EndPoint;
        using var client = new UdpClient(server.AddressFamily);

        await client.SendAsync(Encoding.ASCII.GetBytes("ping"), server, cts.Token);
        var reply = await client.ReceiveAsync(cts.Token);

        Assert.NotEqual(0, server.Port);
        Assert.Equal("echo:ping", Encoding.ASCII.GetString(reply.Buffer));
        var received = await handler.Received.Reader.ReadAsync(cts.Token);
        Assert.Equal(SipTransportProtocol.Udp, received.Protocol);
        Assert.Equal(0, received.ConnectionId);
        Assert.Equal(((IPEndPoint)client.Client.LocalEndPoint!).Port, received.Remote.Port);
        Assert.Equal(server.Address, received.Remote.Address);
        Assert.Equal(server, received.Local);
        Assert.Equal(1, manager.Counters.PacketsReceived);
        Assert.Equal(1, manager.Counters.PacketsSent);
    }

    [Fact]
    public async Task Udp_KeepAliveAndEmptyDatagrams_AreNotDelivered()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var handler = new RecordingHandler();
        await using var manager = await StartAsync(handler, "udp:127.0.0.1:0", loops: 1);
        var server = manager.BoundAddresses[0].EndPoint;
        using var client = new UdpClient(AddressFamily.InterNetwork);

        await client.SendAsync("\r\n\r\n"u8.ToArray(), server, cts.Token);
        await client.SendAsync(Array.Empty<byte>(), server, cts.Token);
        await client.SendAsync("message"u8.ToArray(), server, cts.Token);

        var received = await handler.Received.Reader.ReadAsync(cts.Token);
        Assert.Equal("message", received.Text);
        Assert.Equal(1, manager.Counters.KeepAlivesReceived);
        Assert.Equal(1, manager.Counters.PacketsReceived);
    }

    [Fact]
    public async Task Udp_HandlerThrows_LoopGoesOn()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var handler = new RecordingHandler { ThrowOn = "boom" };
        await using var manager = await StartAsync(handler, "udp:127.0.0.1:0", loops: 1);
        var server = manager.BoundAddresses[0].EndPoint;
        using var client = new UdpClient(AddressFamily.InterNetwork);

        await client.SendAsync("boom"u8.ToArray(), server, cts.Token);
        await client.SendAsync("after"u8.ToArray(), server, cts.Token);

        Assert.Equal("boom", (await handler.Received.Reader.ReadAsync(cts.Token)).Text);
        Assert.Equal("after", (await handler.Received.Reader.ReadAsync(cts.Token)).Text);
        Assert.Equal(1, manager.Counters.HandlerErrors);
    }

    [Fact]
    public async Task Udp_SendToUnreachablePort_LoopKeepsReceiving()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var handler = new RecordingHandler();
        await using var manager = await StartAsync(handler, "udp:127.0.0.1:0", loops: 1);
        var server = manager.BoundAddresses[0].EndPoint;
        int closedPort;
        using (var gone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            closedPort = ((IPEndPoint)gone.Client.LocalEndPoint!).Port;
        }

        Assert.True(await manager.SendAsync(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Loopback, closedPort), "x"u8.ToArray(), cancellationToken: cts.Token));
        using var client = new UdpClient(AddressFamily.InterNetwork);
        await client.SendAsync("still here"u8.ToArray(), server, cts.Token);

        Assert.Equal("still here", (await handler.Received.Reader.ReadAsync(cts.Token)).Text);
    }

    [Fact]
    public async Task SendAsync_UdpWithoutSocketOfThatFamily_ReturnsFalse()
    {
        await using var manager = await StartAsync(new RecordingHandler(), "udp:127.0.0.1:0");

        var sent = await manager.SendAsync(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.IPv6Loopback, 5060), "x"u8.ToArray());

        Assert.False(sent);
        Assert.Equal(1, manager.Counters.SendFailures);
    }

    [Theory]
    [InlineData("tcp:127.0.0.1:0")]
    [InlineData("tcp:[::1]:0")]
    public async Task Tcp_PipelinedMessages_RepliesComeOnTheSameConnection(string listen)
    {
        using var cts = new CancellationTokenSource(Timeout);
        var handler = new RecordingHandler { Echo = true };
        await using var manager = await StartAsync(handler, listen);
        using var client = await ConnectAsync(manager.BoundAddresses[0].EndPoint, cts.Token);
        var first = SipStreamFramerTests.WithLength("one");
        var second = SipStreamFramerTests.WithLength("second body");

        await client.SendAsync(first.Concat(second).ToArray(), cts.Token);

        var expected = "echo:" + Encoding.ASCII.GetString(first) + "echo:" + Encoding.ASCII.GetString(second);
        Assert.Equal(expected, await ReadTextAsync(client, expected.Length, cts.Token));
        var a = await handler.Received.Reader.ReadAsync(cts.Token);
        var b = await handler.Received.Reader.ReadAsync(cts.Token);
        Assert.Equal(Encoding.ASCII.GetString(first), a.Text);
        Assert.Equal(Encoding.ASCII.GetString(second), b.Text);
        Assert.NotEqual(0, a.ConnectionId);
        Assert.Equal(a.ConnectionId, b.ConnectionId);
        Assert.Equal(SipTransportProtocol.Tcp, a.Protocol);
        Assert.Equal(client.LocalEndPoint, a.Remote);
        Assert.Equal(1, manager.OpenConnectionCount);
    }

    [Fact]
    public async Task Tcp_MessageSplitInManyWrites_IsDeliveredWhole()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var handler = new RecordingHandler { Echo = true };
        await using var manager = await StartAsync(handler, "tcp:127.0.0.1:0");
        using var client = await ConnectAsync(manager.BoundAddresses[0].EndPoint, cts.Token);
        var message = SipStreamFramerTests.WithLength(new string('b', 9000));

        foreach (var chunk in message.Chunk(7))
        {
            await client.SendAsync(chunk, cts.Token);
        }

        var text = Encoding.ASCII.GetString(message);
        Assert.Equal(text, (await handler.Received.Reader.ReadAsync(cts.Token)).Text);
        Assert.Equal("echo:" + text, await ReadTextAsync(client, text.Length + 5, cts.Token));
    }

    [Fact]
    public async Task Tcp_DoubleCrLfPing_IsAnsweredWithACrLfPong()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var handler = new RecordingHandler();
        await using var manager = await StartAsync(handler, "tcp:127.0.0.1:0");
        using var client = await ConnectAsync(manager.BoundAddresses[0].EndPoint, cts.Token);

        await client.SendAsync("\r\n\r\n"u8.ToArray(), cts.Token);

        Assert.Equal("\r\n", await ReadTextAsync(client, 2, cts.Token));
        Assert.Equal(1, manager.Counters.KeepAlivesReceived);
        Assert.False(handler.Received.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Tcp_BadContentLength_ClosesTheConnection()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var handler = new RecordingHandler();
        await using var manager = await StartAsync(handler, "tcp:127.0.0.1:0");
        using var client = await ConnectAsync(manager.BoundAddresses[0].EndPoint, cts.Token);

        await client.SendAsync(SipStreamFramerTests.Message("Content-Length: -1"), cts.Token);

        await AssertClosedByPeerAsync(client, cts.Token);
        Assert.Equal(1, manager.Counters.FramingErrors);
        Assert.Equal(1, manager.Counters.ConnectionsClosed);
        Assert.False(handler.Received.Reader.TryRead(out _));
    }

    [Fact]
    public async Task SendAsync_TcpWithNoConnection_OpensOneAndReadsFromIt()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var handler = new RecordingHandler();
        await using var manager = await StartAsync(handler, "udp:127.0.0.1:0");
        using var peer = new TcpListener(IPAddress.Loopback, 0);
        peer.Start();
        var remote = (IPEndPoint)peer.LocalEndpoint;
        var request = SipStreamFramerTests.WithLength("request");

        Assert.True(await manager.SendAsync(SipTransportProtocol.Tcp, remote, request, cancellationToken: cts.Token));
        using var accepted = await peer.AcceptSocketAsync(cts.Token);
        Assert.Equal(Encoding.ASCII.GetString(request), await ReadTextAsync(accepted, request.Length, cts.Token));

        Assert.True(await manager.SendAsync(SipTransportProtocol.Tcp, remote, request, cancellationToken: cts.Token));
        Assert.Equal(Encoding.ASCII.GetString(request), await ReadTextAsync(accepted, request.Length, cts.Token));
        Assert.Equal(1, manager.Counters.ConnectionsOpened);

        var response = SipStreamFramerTests.WithLength("response");
        await accepted.SendAsync(response, cts.Token);
        var received = await handler.Received.Reader.ReadAsync(cts.Token);
        Assert.Equal(Encoding.ASCII.GetString(response), received.Text);
        Assert.Equal(remote, received.Remote);
        Assert.NotEqual(0, received.ConnectionId);
    }

    [Fact]
    public async Task SendAsync_TcpToClosedPort_ReturnsFalse()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var manager = await StartAsync(new RecordingHandler(), "tcp:127.0.0.1:0");
        int closedPort;
        using (var gone = new TcpListener(IPAddress.Loopback, 0))
        {
            gone.Start();
            closedPort = ((IPEndPoint)gone.LocalEndpoint).Port;
        }

        var sent = await manager.SendAsync(SipTransportProtocol.Tcp, new IPEndPoint(IPAddress.Loopback, closedPort), "x"u8.ToArray(), cancellationToken: cts.Token);

        Assert.False(sent);
        Assert.Equal(1, manager.Counters.SendFailures);
        Assert.Equal(0, manager.OpenConnectionCount);
    }

    [Fact]
    public async Task CloseIdleConnections_AfterTheIdleTimeout_ClosesThem()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 1, 0, 0));
        var handler = new RecordingHandler();
        await using var manager = await StartAsync(handler, "tcp:127.0.0.1:0", clock: clock);
        using var client = await ConnectAsync(manager.BoundAddresses[0].EndPoint, cts.Token);
        await client.SendAsync(SipStreamFramerTests.WithLength(), cts.Token);
        await handler.Received.Reader.ReadAsync(cts.Token);

        clock.Advance(Duration.FromMinutes(14));
        Assert.Equal(0, manager.CloseIdleConnections());
        clock.Advance(Duration.FromMinutes(2));
        Assert.Equal(1, manager.CloseIdleConnections());

        await AssertClosedByPeerAsync(client, cts.Token);
    }

    [Fact]
    public async Task Tcp_MoreThanMaxConnections_ExtraOnesAreRefused()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var handler = new RecordingHandler();
        await using var manager = await StartAsync(handler, "tcp:127.0.0.1:0", maxConnections: 1);
        var server = manager.BoundAddresses[0].EndPoint;
        using var first = await ConnectAsync(server, cts.Token);
        await first.SendAsync(SipStreamFramerTests.WithLength(), cts.Token);
        await handler.Received.Reader.ReadAsync(cts.Token);

        using var second = await ConnectAsync(server, cts.Token);

        await AssertClosedByPeerAsync(second, cts.Token);
        Assert.Equal(1, manager.Counters.ConnectionsRejected);
        Assert.Equal(1, manager.OpenConnectionCount);
    }

    [Fact]
    public async Task StopAsync_CalledTwice_ClosesEverythingOnce()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var handler = new RecordingHandler();
        var manager = await StartAsync(handler, "tcp:127.0.0.1:0", "udp:127.0.0.1:0");
        using var client = await ConnectAsync(manager.BoundAddresses[0].EndPoint, cts.Token);
        await client.SendAsync(SipStreamFramerTests.WithLength(), cts.Token);
        await handler.Received.Reader.ReadAsync(cts.Token);

        await manager.StopAsync(cts.Token);
        await manager.StopAsync(cts.Token);
        await manager.DisposeAsync();

        await AssertClosedByPeerAsync(client, cts.Token);
        Assert.Equal(0, manager.OpenConnectionCount);
        Assert.Equal(1, manager.Counters.ConnectionsClosed);
        Assert.False(await manager.SendAsync(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 9), "x"u8.ToArray(), cancellationToken: cts.Token));
        await Assert.ThrowsAsync<InvalidOperationException>(() => manager.StartAsync(cts.Token));
        using var rebind = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        rebind.Bind(manager.BoundAddresses[0].EndPoint);
    }

    [Fact]
    public async Task DisposeAsync_NeverStarted_DoesNothing()
    {
        var manager = CreateSut(new RecordingHandler(), SystemClockFree(), 1, 10, "udp:127.0.0.1:0");

        await manager.DisposeAsync();
        await manager.DisposeAsync();

        Assert.Empty(manager.BoundAddresses);
    }

    [Fact]
    public async Task StartAsync_AddressInUse_ThrowsNamingTheAddress()
    {
        using var taken = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)taken.Client.LocalEndPoint!).Port;
        var address = $"udp:127.0.0.1:{port}";
        await using var manager = CreateSut(new RecordingHandler(), SystemClockFree(), 1, 10, "tcp:127.0.0.1:0", address);

        var ex = await Assert.ThrowsAsync<IOException>(() => manager.StartAsync());

        Assert.Contains(address, ex.Message, StringComparison.Ordinal);
        Assert.IsType<SocketException>(ex.InnerException);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsArgumentException()
    {
        var options = new SipTransportOptions { MaxMessageSize = 10, TcpIdleTimeout = Duration.Zero };

        var ex = Assert.Throws<ArgumentException>(() => new SipTransportManager(options, new RecordingHandler(), SystemClockFree()));

        Assert.Contains("listen address", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxMessageSize", ex.Message, StringComparison.Ordinal);
        Assert.Contains("idle timeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateListenAddress_ThrowsArgumentException()
    {
        var options = new SipTransportOptions();
        options.ListenAddresses.Add(SipListenAddress.Parse("udp:127.0.0.1:5060"));
        options.ListenAddresses.Add(SipListenAddress.Parse("udp:127.0.0.1:5060"));

        var ex = Assert.Throws<ArgumentException>(() => new SipTransportManager(options, new RecordingHandler(), SystemClockFree()));

        Assert.Contains("'udp:127.0.0.1:5060' is given twice", ex.Message, StringComparison.Ordinal);
    }

    private static FakeClock SystemClockFree() => new(Instant.FromUtc(2025, 1, 1, 0, 0));

    private static SipTransportManager CreateSut(RecordingHandler handler, IClock clock, int loops, int maxConnections, params string[] listen)
    {
        var options = new SipTransportOptions { ReceiveLoopsPerUdpSocket = loops, MaxTcpConnections = maxConnections };
        foreach (var address in listen)
        {
            options.ListenAddresses.Add(SipListenAddress.Parse(address));
        }

        var manager = new SipTransportManager(options, handler, clock);
        handler.Manager = manager;
        return manager;
    }

    private static Task<SipTransportManager> StartAsync(RecordingHandler handler, params string[] listen) =>
        StartAsync(handler, listen, loops: 2);

    private static async Task<SipTransportManager> StartAsync(RecordingHandler handler, string listen, int loops = 2, IClock? clock = null, int maxConnections = 100) =>
        await StartAsync(handler, [listen], loops, clock, maxConnections);

    private static async Task<SipTransportManager> StartAsync(RecordingHandler handler, string[] listen, int loops, IClock? clock = null, int maxConnections = 100)
    {
        var manager = CreateSut(handler, clock ?? SystemClockFree(), loops, maxConnections, listen);
        await manager.StartAsync();
        return manager;
    }

    private static async Task<Socket> ConnectAsync(IPEndPoint server, CancellationToken cancellationToken)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server, cancellationToken);
        return socket;
    }

    private static async Task<string> ReadTextAsync(Socket socket, int length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken);
            Assert.NotEqual(0, n);
            read += n;
        }

        return Encoding.ASCII.GetString(buffer);
    }

    private static async Task AssertClosedByPeerAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (n == 0)
                {
                    return;
                }
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
        }
    }

    internal sealed record Received(string Text, SipTransportProtocol Protocol, IPEndPoint Remote, IPEndPoint Local, long ConnectionId);

    private sealed class RecordingHandler : ISipPacketHandler
    {
        public Channel<Received> Received { get; } = Channel.CreateUnbounded<Received>();

        public SipTransportManager? Manager { get; set; }

        public bool Echo { get; init; }

        public string? ThrowOn { get; init; }

        public async ValueTask OnPacketReceivedAsync(SipPacket packet, CancellationToken cancellationToken)
        {
            var text = Encoding.ASCII.GetString(packet.Data.Span);
            Received.Writer.TryWrite(new Received(text, packet.Protocol, packet.RemoteEndPoint, packet.LocalEndPoint, packet.ConnectionId));
            if (text == ThrowOn)
            {
                throw new InvalidOperationException("handler failure");
            }

            if (Echo)
            {
                var reply = Encoding.ASCII.GetBytes("echo:" + text);
                await Manager!.SendAsync(packet.Protocol, packet.RemoteEndPoint, reply, packet.ConnectionId, packet.LocalEndPoint, cancellationToken);
            }
        }
    }
}
