using System.Net;
using System.Net.Sockets;
using System.Text;

namespace K7.Sip.Tests.Server;

/// <summary>A SIP phone on one TCP connection to the server: writes requests, reads framed responses.</summary>
internal sealed class TcpPhone : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly List<byte> _pending = [];

    private TcpPhone(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_client.Client.LocalEndPoint!;

    public static async Task<TcpPhone> ConnectAsync(IPEndPoint server)
    {
        var client = new TcpClient(AddressFamily.InterNetwork);
        using var cancel = new CancellationTokenSource(UdpPhone.Timeout);
        await client.ConnectAsync(server, cancel.Token);
        return new TcpPhone(client);
    }

    public RegisterMessage Register(string user) => new() { User = user, SentBy = LocalEndPoint, Transport = "TCP", RPort = false };

    public async Task<SipResponse> RequestAsync(RegisterMessage request)
    {
        using var cancel = new CancellationTokenSource(UdpPhone.Timeout);
        await _stream.WriteAsync(request.ToBytes(), cancel.Token);
        return (SipResponse)SipMessage.Parse(await ReadMessageAsync(cancel.Token));
    }

    public async Task SendAsync(string text)
    {
        using var cancel = new CancellationTokenSource(UdpPhone.Timeout);
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancel.Token);
    }

    /// <summary>Receives the next message on the connection (a request the server forwards, or a response).</summary>
    public async Task<SipMessage> ReceiveAsync()
    {
        using var cancel = new CancellationTokenSource(UdpPhone.Timeout);
        return SipMessage.Parse(await ReadMessageAsync(cancel.Token));
    }

    /// <summary>Registers with digest authentication over this connection.</summary>
    public async Task<SipResponse> RegisterAsync(RegisterMessage request)
    {
        var challenge = await RequestAsync(request);
        Assert.Equal(401, challenge.StatusCode);
        return await RequestAsync(DigestClient.Answer(challenge, request, request.User, ServerHarness.Users[request.User], K7.Sip.Authentication.DigestAlgorithm.Sha256));
    }

    /// <summary>Reads one message: the header up to the blank line, then Content-Length bytes of body.</summary>
    private async Task<byte[]> ReadMessageAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (true)
        {
            var text = Encoding.Latin1.GetString([.. _pending]);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var length = ContentLength(text[..end]);
                var total = end + 4 + length;
                if (_pending.Count >= total)
                {
                    var message = _pending.GetRange(0, total).ToArray();
                    _pending.RemoveRange(0, total);
                    return message;
                }
            }

            var read = await _stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The server closed the connection before a whole message arrived.");
            }

            _pending.AddRange(buffer.AsSpan(0, read));
        }
    }

    private static int ContentLength(string header)
    {
        foreach (var line in header.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() is var name &&
                (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("l", StringComparison.OrdinalIgnoreCase)))
            {
                return int.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }
}
