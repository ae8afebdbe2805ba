using System.Net;
using System.Net.Sockets;
using System.Text;
using K7.Sip.Authentication;

namespace K7.Sip.Tests.Server;

/// <summary>A SIP phone reduced to a UDP socket on 127.0.0.1: sends raw requests, receives and parses what comes back.</summary>
internal sealed class UdpPhone : IDisposable
{
    /// <summary>How long a test waits for a message that must come.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly UdpClient _client = new(new IPEndPoint(IPAddress.Loopback, 0));

    public UdpPhone(IPEndPoint server)
    {
        Server = server;
    }

    public IPEndPoint Server { get; }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_client.Client.LocalEndPoint!;

    /// <summary>A REGISTER for <paramref name="user"/> with this phone as Via sent-by and contact.</summary>
    public RegisterMessage Register(string user) => new() { User = user, SentBy = LocalEndPoint };

    public async Task SendAsync(byte[] datagram) => await _client.SendAsync(datagram, Server);

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public Task SendAsync(RegisterMessage request) => SendAsync(request.ToBytes());

    /// <summary>Receives the next datagram, waiting at most <paramref name="timeout"/> (default <see cref="Timeout"/>).</summary>
    public async Task<Received> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Timeout);
        var result = await _client.ReceiveAsync(cancel.Token);
        return new Received(SipMessage.Parse(result.Buffer), result.Buffer, result.RemoteEndPoint);
    }

    /// <summary>Receives the next datagram as bytes, unparsed (for answers that echo a malformed header).</summary>
    public async Task<byte[]> ReceiveBytesAsync()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        return (await _client.ReceiveAsync(cancel.Token)).Buffer;
    }

    /// <summary>Receives the next response (skipping requests such as a qualify OPTIONS).</summary>
    public async Task<Received> ReceiveResponseAsync()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        while (true)
        {
            var result = await _client.ReceiveAsync(cancel.Token);
            var message = SipMessage.Parse(result.Buffer);
            if (message is SipResponse)
            {
                return new Received(message, result.Buffer, result.RemoteEndPoint);
            }
        }
    }

    /// <summary>Sends a request and returns the response to it.</summary>
    public async Task<SipResponse> RequestAsync(RegisterMessage request) => await RequestAsync(request.ToBytes());

    public async Task<SipResponse> RequestAsync(byte[] datagram)
    {
        await SendAsync(datagram);
        return (SipResponse)(await ReceiveResponseAsync()).Message;
    }

    public Task<SipResponse> RequestAsync(string text) => RequestAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Registers <paramref name="request"/>'s user with digest authentication: sends it, answers the 401 with
    /// <paramref name="algorithm"/> and returns the final response with the request that got it.
    /// </summary>
    public async Task<(SipResponse Response, RegisterMessage Request)> RegisterAsync(
        RegisterMessage request, DigestAlgorithm algorithm = DigestAlgorithm.Sha256, string? username = null, string? password = null)
    {
        var challenge = await RequestAsync(request);
        Assert.Equal(401, challenge.StatusCode);
        username ??= request.User;
        var authenticated = DigestClient.Answer(challenge, request, username, password ?? ServerHarness.Users[username], algorithm);
        return (await RequestAsync(authenticated), authenticated);
    }

    /// <summary>True when nothing arrives within <paramref name="wait"/> (the one accepted wait: proving an absence).</summary>
    public async Task<bool> ReceivesNothingAsync(TimeSpan wait)
    {
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            await _client.ReceiveAsync(cancel.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public void Dispose() => _client.Dispose();

    internal sealed record Received(SipMessage Message, byte[] Bytes, IPEndPoint From);
}
