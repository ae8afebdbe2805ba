using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Sockets;
using K7.Routing;
using K7.Sip.Authentication;
using K7.Sip.Devices;
using K7.Sip.Proxy;
using K7.Sip.Registrar;
using K7.Sip.Transactions;
using K7.Sip.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.Sip;

/// <summary>
/// A SIP registrar server: receives messages on the configured UDP and TCP endpoints, runs non-INVITE server
/// transactions, answers REGISTER (with digest authentication) and OPTIONS, keeps the <see cref="LocationService"/>
/// and the <see cref="DeviceRegistry"/> status in step, and checks registered contacts with OPTIONS.
/// </summary>
/// <remarks>
/// <para>
/// Start it with <see cref="StartAsync"/> (or let a generic host start it: it is an <see cref="IHostedService"/>).
/// Timers (transaction timers, binding expiry, qualify) run on a background loop every
/// <see cref="SipOptions.TimerResolution"/>, reading the injected <see cref="IClock"/>.
/// </para>
/// <para>
/// Malformed messages are counted and dropped; a malformed request whose Via, From, To, Call-ID and CSeq can still be
/// read gets a 400 (or 505, 413) naming the fault. Requests other than REGISTER and OPTIONS get 405 (known methods) or
/// 501 (unknown methods); ACK is absorbed. Thread-safe.
/// </para>
/// </remarks>
public sealed partial class SipServer : IHostedService, IAsyncDisposable
{
    private static readonly string[] AllowedMethods = ["REGISTER", "OPTIONS", "INVITE", "ACK", "CANCEL", "BYE"];
    private static readonly HashSet<string> SupportedOptionTags = new(["path", "outbound", "gruu"], StringComparer.OrdinalIgnoreCase);

    private readonly SipOptions _options;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly SipMetrics _metrics;
    private readonly ServerTransactionTable<ResponseTarget> _serverTransactions;
    private readonly ClientTransactionTable<ResponseTarget, SipResponse> _clientTransactions;
    private readonly SipTransportManager _transport;
    private readonly RegisterHandler _register;
    private readonly OptionsQualifier _qualifier;
    private readonly CallProxy _calls;
    private readonly string _tagPrefix = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()));
    private readonly string _allowHeader = string.Join(", ", AllowedMethods);
    private long _tagCounter;
    private readonly Lock _timerGate = new();
    private Instant _nextPurge;
    private CancellationTokenSource? _stopping;
    private Task? _timerLoop;

    /// <summary>Initializes a new instance of the <see cref="SipServer"/> class.</summary>
    /// <param name="options">The settings; validated here (an invalid value throws <see cref="ArgumentException"/>).</param>
    /// <param name="locations">The bindings of registered contacts.</param>
    /// <param name="authenticator">Verifies digest credentials; its realm and algorithms come from its own options.</param>
    /// <param name="devices">The device registry whose status follows the bindings.</param>
    /// <param name="clock">The clock for expiry, nonces and timers.</param>
    /// <param name="loggerFactory">Creates the loggers, or <see langword="null"/> for none.</param>
    /// <param name="meterFactory">Creates the <c>K7.Sip</c> meter, or <see langword="null"/> for a meter of its own.</param>
    /// <param name="routes">
    /// The answering rules that decide how a call to a user is handled, or <see langword="null"/> to ring every
    /// registered phone of the user.
    /// </param>
    /// <param name="mediaHooks">Carries out call screening and off-net answer confirmation, or <see langword="null"/> to skip both.</param>
    public SipServer(
        IOptions<SipOptions> options,
        LocationService locations,
        DigestAuthenticator authenticator,
        DeviceRegistry devices,
        IClock clock,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null,
        IRouteResolver? routes = null,
        ICallMediaHooks? mediaHooks = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options.Value;
        SipOptionsValidator.ThrowIfInvalid(_options);
        _clock = clock;
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<SipServer>();
        Locations = locations;
        Authenticator = authenticator;
        Devices = devices;
        _serverTransactions = new(_options.Timers, _options.MaxServerTransactions);
        _clientTransactions = new(_options.Timers);
        _transport = new SipTransportManager(TransportOptionsWithDefaults(_options.Transport), new PacketHandler(this), clock, loggerFactory.CreateLogger<SipTransportManager>());
        _metrics = new SipMetrics(meterFactory, this);
        _register = new RegisterHandler(this);
        _qualifier = new OptionsQualifier(this);
        _calls = new CallProxy(this, routes, mediaHooks);
        Locations.BindingChanged += OnBindingChanged;
    }

    /// <summary>Gets the bindings of registered contacts.</summary>
    public LocationService Locations { get; }

    /// <summary>Gets the digest authenticator.</summary>
    public DigestAuthenticator Authenticator { get; }

    /// <summary>Gets the device registry whose registration status this server keeps up to date.</summary>
    public DeviceRegistry Devices { get; }

    /// <summary>Raised for every call event: started, ringing, answered (by which device), ended, not answered (and why).</summary>
    /// <remarks>Raised on the thread that handled the message; handlers must be quick and must not throw.</remarks>
    public event EventHandler<CallEventArgs>? CallEvent;

    /// <summary>Gets the number of answered calls of a user that have not ended (the "on a call" state routing reads).</summary>
    /// <param name="user">The user (extension).</param>
    /// <returns>The number of live calls.</returns>
    public int ActiveCalls(string user) => _calls.ActiveCalls(user);

    /// <summary>Gets the addresses the server listens on, with the actual ports once started (port 0 asks for any free port).</summary>
    public IReadOnlyList<SipListenAddress> BoundAddresses => _transport.BoundAddresses;

    /// <summary>Gets the transport counters (packets, bytes, framing errors, connections).</summary>
    public SipTransportCounters TransportCounters => _transport.Counters;

    internal SipOptions Options => _options;

    /// <summary>The host part an address-of-record is stored under: the first domain for any of <see cref="SipOptions.DomainAliases"/>, else <paramref name="host"/>.</summary>
    internal string CanonicalHost(string host)
    {
        foreach (var alias in _options.DomainAliases)
        {
            if (string.Equals(alias, host, StringComparison.OrdinalIgnoreCase))
            {
                return _options.Domains[0];
            }
        }

        return host;
    }

    internal IClock Clock => _clock;

    internal ILogger Logger => _logger;

    internal SipMetrics Metrics => _metrics;

    internal int ServerTransactionCount => _serverTransactions.Count;

    internal int ClientTransactionCount => _clientTransactions.Count;

    internal int CallCount => _calls.CallCount;

    internal int InviteClientTransactionCount => _calls.ClientInvites.Count;

    internal void RaiseCall(CallEventArgs e)
    {
        _metrics.Call(e.Kind);
        Log.Call(_logger, e.CallId, e.CalledUser, e.Kind, e.Device, e.Outcome);
        CallEvent?.Invoke(this, e);
    }

    internal void RecordNonInviteResponse(TransactionKey key, int statusCode, ReadOnlyMemory<byte> bytes) =>
        _serverTransactions.OnResponse(key, statusCode, bytes, _clock.GetCurrentInstant());

    /// <summary>Binds the listen addresses and starts the timer loop.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when every address is bound.</returns>
    /// <exception cref="InvalidOperationException">The server was already started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_stopping is not null)
        {
            throw new InvalidOperationException("The SIP server is already started.");
        }

        _stopping = new CancellationTokenSource();
        await _transport.StartAsync(cancellationToken).ConfigureAwait(false);
        _timerLoop = RunTimersAsync(_stopping.Token);
        foreach (var address in _transport.BoundAddresses)
        {
            Log.Listening(_logger, address);
        }
    }

    /// <summary>Stops the timer loop and closes every socket. Bindings stay in <see cref="Locations"/>.</summary>
    /// <param name="cancellationToken">Cancels the wait for a graceful stop.</param>
    /// <returns>A task that completes when the server stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stopping = Interlocked.Exchange(ref _stopping, null);
        if (stopping is null)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        if (_timerLoop is not null)
        {
            try
            {
                await _timerLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
        }

        await _transport.StopAsync(cancellationToken).ConfigureAwait(false);
        stopping.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        Locations.BindingChanged -= OnBindingChanged;
        await _transport.DisposeAsync().ConfigureAwait(false);
        _metrics.Dispose();
    }

    /// <summary>Runs every timer that is due by the clock: transaction timers, binding expiry, qualify rounds, idle connections.</summary>
    /// <remarks>The server calls this every <see cref="SipOptions.TimerResolution"/>; tests on a fake clock call it directly.</remarks>
    internal void ProcessTimers()
    {
        lock (_timerGate)
        {
            ProcessTimersCore(); // one round at a time: the loop, or a test driving a fake clock
        }
    }

    private void ProcessTimersCore()
    {
        var now = _clock.GetCurrentInstant();
        _serverTransactions.Purge(now);
        var retransmissions = new List<(ReadOnlyMemory<byte> Request, ResponseTarget Target)>();
        _clientTransactions.Tick(now, retransmissions);
        foreach (var (request, target) in retransmissions)
        {
            _ = SendAsync(target, request).AsTask();
        }

        if (now >= _nextPurge)
        {
            // Expiry has a resolution of one second (Expires is in seconds), and a purge reads every AOR: once a second.
            _nextPurge = now + Duration.FromSeconds(1);
            Locations.PurgeExpired();
            Devices.ExpireRegistrations(); // a safety net: binding events normally keep device status in step
        }

        _calls.Tick(now);
        _qualifier.Run(now);
        _transport.CloseIdleConnections();
    }

    internal string NewTag() => _tagPrefix + Interlocked.Increment(ref _tagCounter).ToString("x", CultureInfo.InvariantCulture);

    internal ValueTask<bool> SendAsync(ResponseTarget target, ReadOnlyMemory<byte> bytes) =>
        _transport.SendAsync(target.Protocol, target.Remote, bytes, target.ConnectionId, target.Local);

    internal Task<ClientTransactionResult<SipResponse>> SendRequestAsync(SipRequest request, ResponseTarget target)
    {
        var via = request.Vias[0];
        var key = new TransactionKey(via.Branch!, string.Empty, request.Method.Name);
        var bytes = request.ToBytes();
        var result = _clientTransactions.Start(key, bytes, target, target.Protocol != SipTransportProtocol.Udp, _clock.GetCurrentInstant());
        _ = SendOrFailAsync(key, target, bytes);
        return result;
    }

    private async Task SendOrFailAsync(TransactionKey key, ResponseTarget target, byte[] bytes)
    {
        if (!await SendAsync(target, bytes).ConfigureAwait(false))
        {
            _clientTransactions.OnTransportError(key);
        }
    }

    /// <summary>The listen address a request over <paramref name="protocol"/> to an address of <paramref name="family"/> leaves from, for its Via header.</summary>
    internal SipListenAddress? FindListenAddress(SipTransportProtocol protocol, AddressFamily family)
    {
        foreach (var address in _transport.BoundAddresses)
        {
            if (address.Protocol == protocol && address.EndPoint.AddressFamily == family)
            {
                return address;
            }
        }

        return null;
    }

    private async Task RunTimersAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.TimerResolution.ToTimeSpan());
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    ProcessTimers();
                }
#pragma warning disable CA1031 // The timer loop must survive any fault of one round.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Log.TimerFault(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    internal async ValueTask OnPacketAsync(SipPacket packet, CancellationToken cancellationToken)
    {
        if (!SipMessage.TryParse(packet.Data.Span, out var message, out var error))
        {
            _metrics.ParseError(error.Kind);
            Log.ParseError(_logger, packet.Protocol, packet.RemoteEndPoint, error.Message);
            if (error.IsRequest && error.SuggestedStatusCode >= 400)
            {
                await MalformedRequestResponder.TryAnswerAsync(this, packet, error).ConfigureAwait(false);
            }

            return;
        }

        _metrics.MessageReceived(message is SipRequest);
        if (message is SipResponse response)
        {
            OnResponse(response);
            return;
        }

        await OnRequestAsync((SipRequest)message, packet, cancellationToken).ConfigureAwait(false);
    }

    private void OnResponse(SipResponse response)
    {
        if (response.Vias.Count == 0 || response.CSeq is not { } cseq || response.Vias[0].Branch is not { } branch)
        {
            return;
        }

        var key = new TransactionKey(branch, string.Empty, cseq.Method.Name);
        if (cseq.Method == SipMethod.Invite)
        {
            if (!_calls.OnResponse(response, key))
            {
                Log.StrayResponse(_logger, response.StatusCode, branch);
            }

            return;
        }

        if (!_clientTransactions.OnResponse(key, response.StatusCode, response, _clock.GetCurrentInstant()))
        {
            Log.StrayResponse(_logger, response.StatusCode, branch);
        }
    }

    private async ValueTask OnRequestAsync(SipRequest request, SipPacket packet, CancellationToken cancellationToken)
    {
        if (request.Vias.Count == 0)
        {
            return; // nowhere to answer
        }

        var topVia = ViaProcessing.StampReceived(request.Vias[0], packet);
        var target = ResponseTarget.For(packet, topVia);
        var context = new RequestContext(request, packet, topVia, target);
        var key = TransactionKeyFor(request, topVia);
        if (request.Method == SipMethod.Ack)
        {
            await _calls.HandleAckAsync(context, key with { Method = "INVITE" }).ConfigureAwait(false);
            return;
        }

        if (request.Method == SipMethod.Invite)
        {
            var inviteCheck = SipRequestValidator.Validate(request, SipValidationRole.Proxy, SupportedOptionTags, null);
            if (inviteCheck.StatusCode != 0)
            {
                await RespondAsync(context, inviteCheck.StatusCode, inviteCheck.ReasonPhrase, headers =>
                {
                    foreach (var header in inviteCheck.Headers)
                    {
                        headers.Add(header.Name, header.Value);
                    }
                }).ConfigureAwait(false);
                return;
            }

            await _calls.HandleInviteAsync(context, key).ConfigureAwait(false);
            return;
        }

        var match = _serverTransactions.OnRequest(key, packet.Protocol != SipTransportProtocol.Udp, target, _clock.GetCurrentInstant(), out var previous, out var previousTarget);
        if (match == ServerRequestMatch.Absorbed)
        {
            _metrics.Retransmission();
            return;
        }

        if (match == ServerRequestMatch.Resend)
        {
            _metrics.Retransmission();
            await SendAsync(previousTarget!, previous).ConfigureAwait(false);
            return;
        }

        context.TransactionKey = key;
        var validation = SipRequestValidator.Validate(request, SipValidationRole.Registrar, SupportedOptionTags, null);
        if (validation.StatusCode != 0)
        {
            await RespondAsync(context, validation.StatusCode, validation.ReasonPhrase, headers =>
            {
                foreach (var header in validation.Headers)
                {
                    headers.Add(header.Name, header.Value);
                }
            }).ConfigureAwait(false);
            return;
        }

        if (request.Method == SipMethod.Cancel)
        {
            if (!await _calls.HandleCancelAsync(context, key).ConfigureAwait(false))
            {
                await RespondAsync(context, 481, null, null).ConfigureAwait(false);
            }

            return;
        }

        if (request.To?.Tag is not null && request.Method != SipMethod.Register && request.Method != SipMethod.Options)
        {
            await _calls.HandleInDialogAsync(context).ConfigureAwait(false);
            return;
        }

        switch (request.Method.Name)
        {
            case "REGISTER":
                await _register.HandleAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "OPTIONS":
                await RespondAsync(context, 200, null, headers =>
                {
                    headers.Add(SipHeaderNames.Allow, _allowHeader);
                    headers.Add(SipHeaderNames.Accept, "application/sdp");
                    headers.Add(SipHeaderNames.Supported, "path");
                }).ConfigureAwait(false);
                break;
            default:
                await RespondAsync(context, request.Method.IsKnown ? 405 : 501, null, headers => headers.Add(SipHeaderNames.Allow, _allowHeader)).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Sends a final (or provisional) response for a request and records it in the request's transaction.</summary>
    internal async ValueTask RespondAsync(RequestContext context, int statusCode, string? reasonPhrase, Action<SipHeaderCollection.Builder>? addHeaders)
    {
        var response = ResponseFactory.Create(context, statusCode, reasonPhrase, statusCode > 100 ? NewTag() : null, _options.ServerName, addHeaders);
        var bytes = response.ToBytes();
        if (context.TransactionKey is { } key)
        {
            if (statusCode is 401 or 407)
            {
                // A challenge is answered statelessly: a retransmission gets a fresh challenge, which is as good, and
                // the table keeps only answers whose repetition matters (a 200 must not be recomputed: the nonce
                // count of its credentials is spent).
                _serverTransactions.Forget(key);
            }
            else
            {
                _serverTransactions.OnResponse(key, statusCode, bytes, _clock.GetCurrentInstant());
            }
        }

        await SendAsync(context.Target, bytes).ConfigureAwait(false);
    }

    /// <summary>The transport options, with the default listen addresses when none is set (a copy: the caller's options stay as given).</summary>
    internal static SipTransportOptions TransportOptionsWithDefaults(SipTransportOptions options)
    {
        if (options.ListenAddresses.Count > 0)
        {
            return options;
        }

        var copy = new SipTransportOptions
        {
            MaxMessageSize = options.MaxMessageSize,
            UdpReceiveBufferSize = options.UdpReceiveBufferSize,
            UdpSendBufferSize = options.UdpSendBufferSize,
            ReceiveLoopsPerUdpSocket = options.ReceiveLoopsPerUdpSocket,
            TcpIdleTimeout = options.TcpIdleTimeout,
            TcpConnectTimeout = options.TcpConnectTimeout,
            MaxTcpConnections = options.MaxTcpConnections,
        };
        copy.ListenAddresses.Add(SipListenAddress.Parse("udp:127.0.0.1:5060"));
        copy.ListenAddresses.Add(SipListenAddress.Parse("tcp:127.0.0.1:5060"));
        return copy;
    }

    private static TransactionKey TransactionKeyFor(SipRequest request, SipVia topVia)
    {
        var sentBy = topVia.Port is { } port ? topVia.Host + ":" + port.ToString(CultureInfo.InvariantCulture) : topVia.Host;
        if (topVia.HasRfc3261Branch)
        {
            return new TransactionKey(topVia.Branch!, sentBy, request.Method.Name);
        }

        // RFC 2543 peers: the §17.2.3 fallback fields make up the key.
        var fallback = string.Join(
            '\n',
            request.RequestUri.ToString(),
            request.To?.Tag ?? string.Empty,
            request.From?.Tag ?? string.Empty,
            request.CallId ?? string.Empty,
            request.CSeq?.Number.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            topVia.Branch ?? string.Empty);
        return new TransactionKey(fallback, sentBy, request.Method.Name);
    }

    private void OnBindingChanged(object? sender, BindingChangedEventArgs e) => DeviceStatusSync.Apply(this, e.Change);

    private sealed class PacketHandler(SipServer server) : ISipPacketHandler
    {
        public ValueTask OnPacketReceivedAsync(SipPacket packet, CancellationToken cancellationToken) => server.OnPacketAsync(packet, cancellationToken);
    }
}
