using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using K7.Voicemail.Notifications;
using MailKit.Security;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using static K7.Voicemail.Tests.Notifications.NotificationTestData;

namespace K7.Voicemail.Tests.Notifications;

public sealed class SmtpEmailSenderTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SendAsync_RealServer_ReceivesSameMessage()
    {
        using var cts = new CancellationTokenSource(Bound);
        await using var server = await TestSmtpServer.StartAsync(cts.Token);
        var audio = AudioBytes(30_000);
        var message = await CreateBuilder().BuildAsync(Notification(VoicemailEmailKind.Attachment, audio));

        await CreateSut(server.Port).SendAsync(message, cts.Token);

        var received = await server.Messages.ReadAsync(cts.Token);
        Assert.Equal("voicemail@pbx.example.com", received.Envelope.From);
        Assert.Equal(["ellen@example.com", "ellen.mobile@example.net"], received.Envelope.To);
        var loaded = received.Message;
        Assert.Equal(message.MessageId, loaded.MessageId);
        Assert.Equal(message.Subject, loaded.Subject);
        Assert.Equal(message.Date, loaded.Date);
        Assert.Equal("msg 42/a", loaded.Headers[VoicemailEmailBuilder.VoicemailIdHeader]);
        Assert.Equal("1001", loaded.Headers[VoicemailEmailBuilder.ExtensionHeader]);
        Assert.Equal(message.TextBody, loaded.TextBody);
        Assert.Equal(message.HtmlBody, loaded.HtmlBody);
        Assert.Equal(audio, DecodedContent(Assert.IsType<MimePart>(Assert.Single(loaded.Attachments))));
    }

    [Fact]
    public async Task SendAsync_TwoMessages_ConnectionPerSend()
    {
        using var cts = new CancellationTokenSource(Bound);
        await using var server = await TestSmtpServer.StartAsync(cts.Token);
        var builder = CreateBuilder();
        var sender = CreateSut(server.Port);

        await sender.SendAsync(await builder.BuildAsync(Notification(VoicemailEmailKind.BriefHyperlink) with { MessageId = "one" }), cts.Token);
        await sender.SendAsync(await builder.BuildAsync(Notification(VoicemailEmailKind.Hyperlink) with { MessageId = "two" }), cts.Token);

        Assert.Equal("one", (await server.Messages.ReadAsync(cts.Token)).Message.Headers[VoicemailEmailBuilder.VoicemailIdHeader]);
        Assert.Equal("two", (await server.Messages.ReadAsync(cts.Token)).Message.Headers[VoicemailEmailBuilder.VoicemailIdHeader]);
    }

    [Fact]
    public async Task SendAsync_ServerRejectsMessage_ThrowsWithContext()
    {
        using var cts = new CancellationTokenSource(Bound);
        await using var server = await TestSmtpServer.StartAsync(cts.Token, reject: true);
        var message = await CreateBuilder().BuildAsync(Notification(VoicemailEmailKind.Hyperlink));

        var ex = await Assert.ThrowsAsync<VoicemailDeliveryException>(() => CreateSut(server.Port).SendAsync(message, cts.Token));

        Assert.Contains($"127.0.0.1:{server.Port}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("while sending", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message.MessageId!, ex.Message, StringComparison.Ordinal);
        Assert.Equal(message.MessageId, ex.EmailMessageId);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public async Task SendAsync_NoServer_ThrowsWhileConnecting()
    {
        using var cts = new CancellationTokenSource(Bound);
        var port = FreePort();
        var message = await CreateBuilder().BuildAsync(Notification(VoicemailEmailKind.Hyperlink));

        var ex = await Assert.ThrowsAsync<VoicemailDeliveryException>(() => CreateSut(port).SendAsync(message, cts.Token));

        Assert.Contains("while connecting", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SmtpEmailSender(new SmtpEmailOptions()));
        Assert.Throws<ArgumentException>(() => new SmtpEmailSender(new SmtpEmailOptions { Host = "h", Port = 70000 }));
        Assert.Throws<ArgumentException>(() => new SmtpEmailSender(new SmtpEmailOptions { Host = "h", Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new SmtpEmailSender(new SmtpEmailOptions { Host = "h", UserName = "u" }));
    }

    private static SmtpEmailSender CreateSut(int port) => new(new SmtpEmailOptions
    {
        Host = "127.0.0.1",
        Port = port,
        SecureSocketOptions = SecureSocketOptions.None,
        Timeout = TimeSpan.FromSeconds(10),
    });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record ReceivedMessage((string From, List<string> To) Envelope, MimeMessage Message);

    private sealed class CapturingStore(bool reject) : MessageStore
    {
        public Channel<ReceivedMessage> Messages { get; } = Channel.CreateUnbounded<ReceivedMessage>();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (reject)
            {
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "rejected by test");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var from = $"{transaction.From.User}@{transaction.From.Host}";
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            await Messages.Writer.WriteAsync(new ReceivedMessage((from, to), message), cancellationToken);
            return SmtpResponse.Ok;
        }
    }

    private sealed class TestSmtpServer : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly Task _run;

        private TestSmtpServer(int port, CapturingStore store, CancellationTokenSource stop, Task run)
        {
            Port = port;
            Messages = store.Messages.Reader;
            _stop = stop;
            _run = run;
        }

        public int Port { get; }

        public ChannelReader<ReceivedMessage> Messages { get; }

        public static async Task<TestSmtpServer> StartAsync(CancellationToken cancellationToken, bool reject = false)
        {
            var port = FreePort();
            var options = new SmtpServerOptionsBuilder()
                .ServerName("localhost")
                .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
                .Build();
            var store = new CapturingStore(reject);
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(store);
            var server = new SmtpServer.SmtpServer(options, services);
            var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var run = server.StartAsync(stop.Token);

            // Wait (bounded by the caller's token) until the endpoint accepts connections.
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var probe = new TcpClient();
                try
                {
                    await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException)
                {
                    await Task.Yield();
                }
            }

            return new TestSmtpServer(port, store, stop, run);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _run.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (OperationCanceledException)
            {
            }

            _stop.Dispose();
        }
    }
}
