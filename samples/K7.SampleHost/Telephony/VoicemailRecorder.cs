using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using K7.SampleHost.CallHistory;
using K7.SampleHost.Domain;
using K7.Sip;
using K7.Voicemail;
using K7.Voicemail.Audio;
using NodaTime;

namespace K7.SampleHost.Telephony;

/// <summary>
/// The host's own voicemail: a small SIP user agent on its own UDP port that the proxy sends calls for voicemail to
/// (<c>sip:vm-{user}@address:port</c>). It answers with G.711 (PCMU or PCMA, as the caller offers), records the
/// caller's RTP until the BYE (or <see cref="MaxMessage"/>), and deposits the recording into the user's mailbox with
/// K7.Voicemail, as a G.711 WAV file. Recordings shorter than <see cref="MinMessage"/> are dropped, as PBXs do.
/// </summary>
internal sealed partial class VoicemailRecorder : IHostedService, IDisposable
{
    /// <summary>Recordings shorter than this are not kept (the caller hung up at once).</summary>
    public static readonly Duration MinMessage = Duration.FromSeconds(1);

    /// <summary>Recording stops after this.</summary>
    public static readonly Duration MaxMessage = Duration.FromMinutes(3);

    private const int SampleRate = 8000;
    private readonly Socket _socket;
    private readonly IPAddress _address;
    private readonly VoicemailService _voicemail;
    private readonly UserDirectory _users;
    private readonly IClock _clock;
    private readonly CallerNames _names;
    private readonly ILogger<VoicemailRecorder> _logger;
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Task _receiving = Task.CompletedTask;

    public VoicemailRecorder(HostSettings settings, VoicemailService voicemail, UserDirectory users, CallerNames names, IClock clock, ILogger<VoicemailRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _voicemail = voicemail;
        _names = names;
        _users = users;
        _clock = clock;
        _logger = logger;
        _address = IPAddress.Parse(settings.Options.Sip.Address);
        _socket = new Socket(_address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(_address, settings.Options.Sip.VoicemailPort));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    /// <summary>The UDP port the voicemail answers on.</summary>
    public int Port { get; }

    /// <summary>The URI the proxy sends a user's voicemail calls to (<c>{user}</c> is the extension).</summary>
    public string UriTemplate => string.Create(CultureInfo.InvariantCulture, $"sip:vm-{{user}}@{Host(_address)}:{Port}");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _receiving = Task.Run(() => ReceiveAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Close();
        await _receiving.WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var session in _sessions.Values)
        {
            await FinishAsync(session, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _stopping.Dispose();
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }
    }

    private static string Host(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[65535];
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(_address, 0), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            if (!SipMessage.TryParse(buffer.AsSpan(0, received.ReceivedBytes), out var message, out _) || message is not SipRequest request)
            {
                continue;
            }

            try
            {
                await HandleAsync(request, (IPEndPoint)received.RemoteEndPoint, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // One bad call (a full mailbox, a socket error) must not stop the voicemail for the others.
                Log.Failed(_logger, e, request.CallId ?? "-");
            }
        }
    }

    private async Task HandleAsync(SipRequest request, IPEndPoint from, CancellationToken cancellationToken)
    {
        var callId = request.CallId ?? string.Empty;
        if (request.Method == SipMethod.Invite)
        {
            if (_sessions.TryGetValue(callId, out var existing))
            {
                await SendAsync(existing.Answer, from, cancellationToken).ConfigureAwait(false);
                return;
            }

            await AnswerAsync(request, from, cancellationToken).ConfigureAwait(false);
        }
        else if (request.Method == SipMethod.Ack)
        {
            if (_sessions.TryGetValue(callId, out var session))
            {
                session.Acknowledged = true;
            }
        }
        else if (request.Method == SipMethod.Bye)
        {
            await SendAsync(Response(request, 200, "OK", toTag: null, sdp: null), from, cancellationToken).ConfigureAwait(false);
            if (_sessions.TryRemove(callId, out var session))
            {
                await FinishAsync(session, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (request.Method == SipMethod.Cancel || request.Method == SipMethod.Options)
        {
            await SendAsync(Response(request, 200, "OK", toTag: null, sdp: null), from, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SendAsync(Response(request, 405, "Method Not Allowed", toTag: null, sdp: null), from, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(SipRequest request, IPEndPoint from, CancellationToken cancellationToken)
    {
        var target = request.RequestUri.User ?? string.Empty;
        var extension = target.StartsWith("vm-", StringComparison.Ordinal) ? target[3..] : target;
        var user = _users.Find(extension);
        if (user is null)
        {
            await SendAsync(Response(request, 404, "Not Found", NewTag(), sdp: null), from, cancellationToken).ConfigureAwait(false);
            return;
        }

        var offer = Encoding.UTF8.GetString(request.Body.Span);
        var payload = ChooseCodec(offer);
        if (payload is null)
        {
            await SendAsync(Response(request, 488, "Not Acceptable Here", NewTag(), sdp: null), from, cancellationToken).ConfigureAwait(false);
            return;
        }

        var rtp = new Socket(_address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        rtp.Bind(new IPEndPoint(_address, 0));
        var rtpPort = ((IPEndPoint)rtp.LocalEndPoint!).Port;
        var sdp = string.Create(
            CultureInfo.InvariantCulture,
            $"v=0\r\no=k7-voicemail 1 1 IN IP4 {_address}\r\ns=K7 voicemail\r\nc=IN IP4 {_address}\r\nt=0 0\r\nm=audio {rtpPort} RTP/AVP {payload}\r\na=rtpmap:{payload} {(payload == 0 ? "PCMU" : "PCMA")}/8000\r\na=recvonly\r\n");
        var answer = Response(request, 200, "OK", NewTag(), sdp);
        var caller = request.From?.Uri.User ?? string.Empty;
        var name = string.IsNullOrWhiteSpace(request.From?.DisplayName) ? _names.Find(user.Extension, caller) : request.From.DisplayName;
        var session = new Session(request.CallId ?? string.Empty, user.Extension, caller, name, payload.Value, rtp, answer, _clock.GetCurrentInstant());
        if (!_sessions.TryAdd(session.CallId, session))
        {
            session.Dispose();
            return;
        }

        session.Recording = Task.Run(() => RecordAsync(session, _stopping.Token), CancellationToken.None);
        await SendAsync(answer, from, cancellationToken).ConfigureAwait(false);
        _ = RetransmitAsync(session, from, _stopping.Token);
    }

    /// <summary>Resends the 200 until the ACK comes (RFC 3261 §13.3.1.4: T1 doubling up to T2, for 64 × T1).</summary>
    private async Task RetransmitAsync(Session session, IPEndPoint to, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(500);
        var total = TimeSpan.Zero;
        try
        {
            while (!session.Acknowledged && total < TimeSpan.FromSeconds(32) && _sessions.ContainsKey(session.CallId))
            {
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                total += interval;
                if (!session.Acknowledged && _sessions.ContainsKey(session.CallId))
                {
                    await SendAsync(session.Answer, to, cancellationToken).ConfigureAwait(false);
                }

                interval = TimeSpan.FromMilliseconds(Math.Min(interval.TotalMilliseconds * 2, 4000));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // stopping, or the socket is gone: nothing to resend
        }
    }

    private async Task RecordAsync(Session session, CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        var limit = (int)(MaxMessage.TotalSeconds * SampleRate);
        try
        {
            while (!cancellationToken.IsCancellationRequested && session.Audio.Length < limit)
            {
                var received = await session.Rtp.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (RtpPayload(buffer.AsSpan(0, received), session.PayloadType) is { IsEmpty: false } audio)
                {
                    lock (session.Audio)
                    {
                        session.Audio.Write(audio);
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // the call ended (the socket was closed) or the host stops
        }
    }

    private async Task FinishAsync(Session session, CancellationToken cancellationToken)
    {
        session.Rtp.Close();
        await session.Recording.ConfigureAwait(false);
        byte[] samples;
        lock (session.Audio)
        {
            samples = session.Audio.ToArray();
        }

        session.Dispose();
        if (samples.Length < MinMessage.TotalSeconds * SampleRate)
        {
            Log.TooShort(_logger, session.Extension, samples.Length / (double)SampleRate);
            return;
        }

        var wav = new byte[WavWriter.HeaderLength + samples.Length];
        WavWriter.WriteHeader(wav, session.PayloadType == 0 ? WavEncoding.MuLaw : WavEncoding.ALaw, channels: 1, SampleRate, bitsPerSample: 8, samples.Length);
        samples.CopyTo(wav, WavWriter.HeaderLength);
        using var stream = new MemoryStream(wav, writable: false);
        var caller = session.Caller.Length > 0 ? session.Caller : "anonymous";
        await _voicemail.DepositAsync(MailboxId.Parse(session.Extension), caller, session.CallerName, session.Started, stream, cancellationToken).ConfigureAwait(false);
        Log.Deposited(_logger, session.Extension, caller, samples.Length / (double)SampleRate);
    }

    /// <summary>The payload of an RTP packet of the expected payload type (RFC 3550 §5.1), or empty.</summary>
    internal static ReadOnlySpan<byte> RtpPayload(ReadOnlySpan<byte> packet, int payloadType)
    {
        if (packet.Length < 12 || (packet[0] >> 6) != 2 || (packet[1] & 0x7F) != payloadType)
        {
            return [];
        }

        var length = 12 + ((packet[0] & 0x0F) * 4);
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < length + 4)
            {
                return [];
            }

            length += 4 + (((packet[length + 2] << 8) | packet[length + 3]) * 4);
        }

        var end = packet.Length;
        if ((packet[0] & 0x20) != 0 && end > length)
        {
            end -= packet[end - 1];
        }

        return length < end ? packet[length..end] : [];
    }

    /// <summary>PCMU (0) or PCMA (8), whichever the offer lists first; null when it offers neither.</summary>
    internal static int? ChooseCodec(string sdp)
    {
        foreach (var line in sdp.Split('\n'))
        {
            if (!line.StartsWith("m=audio ", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var format in line.Trim().Split(' ').Skip(3))
            {
                if (format is "0" or "8")
                {
                    return int.Parse(format, CultureInfo.InvariantCulture);
                }
            }
        }

        return null;
    }

    private static string NewTag() => Guid.NewGuid().ToString("N")[..12];

    private static byte[] Response(SipRequest request, int status, string reason, string? toTag, string? sdp)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"SIP/2.0 {status} {reason}\r\n");
        foreach (var via in request.Headers.GetValues("Via"))
        {
            text.Append("Via: ").Append(via).Append("\r\n");
        }

        var to = request.Headers["To"] ?? string.Empty;
        if (toTag is not null && !to.Contains(";tag=", StringComparison.OrdinalIgnoreCase))
        {
            to += ";tag=" + toTag;
        }

        text.Append("From: ").Append(request.Headers["From"]).Append("\r\n");
        text.Append("To: ").Append(to).Append("\r\n");
        text.Append("Call-ID: ").Append(request.CallId).Append("\r\n");
        text.Append("CSeq: ").Append(request.Headers["CSeq"]).Append("\r\n");
        if (status == 200 && request.Method == SipMethod.Invite)
        {
            foreach (var route in request.Headers.GetValues("Record-Route"))
            {
                text.Append("Record-Route: ").Append(route).Append("\r\n");
            }

            text.Append("Contact: <").Append(request.RequestUri).Append(">\r\n");
        }

        text.Append("Server: K7 voicemail\r\n");
        if (sdp is null)
        {
            text.Append("Content-Length: 0\r\n\r\n");
        }
        else
        {
            text.Append("Content-Type: application/sdp\r\n");
            text.Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.UTF8.GetByteCount(sdp)}\r\n\r\n");
            text.Append(sdp);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task SendAsync(byte[] message, IPEndPoint to, CancellationToken cancellationToken) =>
        await _socket.SendToAsync(message, SocketFlags.None, to, cancellationToken).ConfigureAwait(false);

    private sealed class Session(string callId, string extension, string caller, string? callerName, int payloadType, Socket rtp, byte[] answer, Instant started) : IDisposable
    {
        public string CallId { get; } = callId;

        public string Extension { get; } = extension;

        public string Caller { get; } = caller;

        public string? CallerName { get; } = callerName;

        public int PayloadType { get; } = payloadType;

        public Socket Rtp { get; } = rtp;

        public byte[] Answer { get; } = answer;

        public Instant Started { get; } = started;

        public MemoryStream Audio { get; } = new();

        public Task Recording { get; set; } = Task.CompletedTask;

        public volatile bool Acknowledged;

        public void Dispose()
        {
            Rtp.Dispose();
            Audio.Dispose();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Voicemail for {Extension} from {Caller}: {Seconds:0.0} s deposited")]
        public static partial void Deposited(ILogger logger, string extension, string caller, double seconds);

        [LoggerMessage(2, LogLevel.Information, "Voicemail for {Extension} not kept: {Seconds:0.0} s is shorter than the minimum")]
        public static partial void TooShort(ILogger logger, string extension, double seconds);

        [LoggerMessage(3, LogLevel.Warning, "Voicemail call {CallId} failed")]
        public static partial void Failed(ILogger logger, Exception exception, string callId);
    }
}
