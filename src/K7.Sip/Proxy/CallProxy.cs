using System.Collections.Concurrent;
using System.Net;
using K7.Routing;
using K7.Sip.Registrar;
using K7.Sip.Transactions;
using K7.Sip.Transport;
using NodaTime;

namespace K7.Sip.Proxy;

/// <summary>
/// Calls: INVITE server transactions for callers, the routing decision of the called user, a <see cref="CallFork"/>
/// over the registered contacts of the chosen devices, INVITE client transactions per branch, CANCEL, the fallback
/// of the decision, and the dialogs of answered calls.
/// </summary>
internal sealed class CallProxy
{
    private readonly SipServer _server;
    private readonly IRouteResolver? _routes;
    private readonly InviteServerTransactionTable<ResponseTarget> _serverInvites;
    private readonly InviteClientTransactionTable<ResponseTarget, SipResponse> _clientInvites;
    private readonly ConcurrentDictionary<TransactionKey, ProxyCall> _calls = new();
    private readonly ConcurrentDictionary<string, CallDialog> _dialogs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ProxyBranch, Instant> _cancelDeadlines = new();

    public CallProxy(SipServer server, IRouteResolver? routes, ICallMediaHooks? hooks)
    {
        _server = server;
        _routes = routes;
        Hooks = hooks;
        _serverInvites = new(server.Options.Timers, server.Options.MaxServerTransactions);
        _clientInvites = new(server.Options.Timers);
    }

    public int CallCount => _calls.Count;

    public int DialogCount => _dialogs.Count;

    /// <summary>The number of answered calls of a user that have not ended.</summary>
    public int ActiveCalls(string user)
    {
        var count = 0;
        foreach (var dialog in _dialogs.Values)
        {
            if (string.Equals(dialog.CalledUser, user, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    public async ValueTask HandleInviteAsync(RequestContext context, TransactionKey key)
    {
        var request = context.Request;
        var now = _server.Clock.GetCurrentInstant();
        var reliable = context.Packet.Protocol != SipTransportProtocol.Udp;
        var match = _serverInvites.OnInvite(key, reliable, context.Target, now, out var resend, out var resendTarget);
        if (match == InviteServerMatch.Full)
        {
            await _server.RespondAsync(context, 503, "Too Many Calls", headers => headers.Add(SipHeaderNames.RetryAfter, "5")).ConfigureAwait(false);
            return;
        }

        if (match == InviteServerMatch.Retransmission)
        {
            _server.Metrics.Retransmission();
            if (!resend.IsEmpty && resendTarget is not null)
            {
                await _server.SendAsync(resendTarget, resend).ConfigureAwait(false);
            }

            return;
        }

        context.TransactionKey = key;
        if (IsLoop(request))
        {
            await RespondAsync(context, key, 482, null).ConfigureAwait(false);
            return;
        }

        if (request.To?.Tag is not null)
        {
            // A re-INVITE inside a dialog: forwarded statefully like any in-dialog request, after a 100 Trying.
            await RespondAsync(context, key, 100, null).ConfigureAwait(false);
            var call = new ProxyCall(this, context, key, request.RequestUri.User ?? string.Empty, decision: null);
            _calls[key] = call;
            call.StartInDialog(now);
            return;
        }

        await RespondAsync(context, key, 100, null).ConfigureAwait(false);
        var user = request.RequestUri.User;
        if (string.IsNullOrEmpty(user))
        {
            await RespondAsync(context, key, 484, null).ConfigureAwait(false);
            return;
        }

        var decision = Decide(user, request, now);
        var proxyCall = new ProxyCall(this, context, key, user, decision);
        _calls[key] = proxyCall;
        proxyCall.Start(now);
    }

    /// <summary>CANCEL for an INVITE we are proxying: 200 to the CANCEL, then the fork is cancelled (§16.10).</summary>
    public async ValueTask<bool> HandleCancelAsync(RequestContext context, TransactionKey cancelKey)
    {
        var inviteKey = new TransactionKey(cancelKey.Branch, cancelKey.SentBy, "INVITE");
        if (!_calls.TryGetValue(inviteKey, out var call))
        {
            return false;
        }

        await _server.RespondAsync(context, 200, null, null).ConfigureAwait(false);
        call.CallerCancelled(_server.Clock.GetCurrentInstant());
        return true;
    }

    /// <summary>An ACK: absorbed by the INVITE server transaction (non-2xx), or forwarded end to end (2xx).</summary>
    public async ValueTask HandleAckAsync(RequestContext context, TransactionKey inviteKey)
    {
        if (_serverInvites.OnAck(inviteKey, _server.Clock.GetCurrentInstant()))
        {
            return;
        }

        if (context.Request.To?.Tag is null || context.Request.MaxForwards is 0
            || (!HasOwnRoute(context.Request) && !IsKnownDialog(context.Request)))
        {
            return;
        }

        var forwarded = ForwardInDialog(context, out var target);
        if (forwarded is not null && target is not null)
        {
            await _server.SendAsync(target, forwarded.ToBytes()).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A request inside a dialog (BYE, INFO, UPDATE…): forwarded by its Route set when it carries our Record-Route
    /// (or belongs to a dialog we track), its answer relayed back; otherwise 481 (§16.4 and §12.2.2: not ours to route).
    /// The answer is awaited off the receive path.
    /// </summary>
    public async ValueTask HandleInDialogAsync(RequestContext context)
    {
        var request = context.Request;
        if (request.MaxForwards is 0)
        {
            await _server.RespondAsync(context, 483, null, null).ConfigureAwait(false);
            return;
        }

        if (!HasOwnRoute(request) && !IsKnownDialog(request))
        {
            await _server.RespondAsync(context, 481, null, null).ConfigureAwait(false);
            return;
        }

        var forwarded = ForwardInDialog(context, out var target);
        if (forwarded is null || target is null)
        {
            await _server.RespondAsync(context, 404, "No Route To Destination", null).ConfigureAwait(false);
            return;
        }

        if (request.Method == SipMethod.Bye)
        {
            EndDialog(request);
        }

        _ = RelayWhenAnsweredAsync(context, _server.SendRequestAsync(forwarded, target));
    }

    /// <summary>A response to an INVITE we sent on a branch.</summary>
    public bool OnResponse(SipResponse response, TransactionKey key)
    {
        if (!_clientInvites.OnResponse(key, response.StatusCode, response, _server.Clock.GetCurrentInstant(), out var ack, out var ackTarget))
        {
            // A 2xx retransmission after the transaction ended, or a response we know nothing of: a 2xx is passed on
            // upstream statelessly (§16.7 step 10 allows it), anything else dropped.
            return false;
        }

        if (!ack.IsEmpty && ackTarget is not null)
        {
            _ = _server.SendAsync(ackTarget, ack).AsTask();
        }

        return true;
    }

    public void Tick(Instant now)
    {
        var sends = new List<(ReadOnlyMemory<byte> Bytes, ResponseTarget Target)>();
        var timeouts = new List<TransactionKey>();
        _serverInvites.Tick(now, sends, timeouts);
        _clientInvites.Tick(now, sends);
        foreach (var (bytes, target) in sends)
        {
            _ = _server.SendAsync(target, bytes).AsTask();
        }

        foreach (var call in _calls.Values)
        {
            call.Tick(now);
        }

        // §9.1: a cancelled branch that gives no final response within 64 × T1 is given up (the proxy's Timer C role).
        foreach (var (branch, deadline) in _cancelDeadlines)
        {
            if (branch.Final is not null)
            {
                _cancelDeadlines.TryRemove(branch, out _);
            }
            else if (deadline <= now && _cancelDeadlines.TryRemove(branch, out _))
            {
                _clientInvites.Terminate(branch.Key);
                branch.Call.OnBranchTimeout(branch);
            }
        }
    }

    internal void CancelSent(ProxyBranch branch, Instant now) => _cancelDeadlines[branch] = now + _server.Options.Timers.TransactionTimeout;

    internal SipServer Server => _server;

    internal ICallMediaHooks? Hooks { get; }

    internal InviteClientTransactionTable<ResponseTarget, SipResponse> ClientInvites => _clientInvites;

    internal void Forget(ProxyCall call) => _calls.TryRemove(call.ServerKey, out _);

    internal async ValueTask RespondAsync(RequestContext context, TransactionKey key, int statusCode, string? reasonPhrase)
    {
        var response = ResponseFactory.Create(context, statusCode, reasonPhrase, statusCode > 100 ? _server.NewTag() : null, _server.Options.ServerName, null);
        await SendUpstreamAsync(context, key, response).ConfigureAwait(false);
    }

    internal ValueTask SendUpstreamAsync(RequestContext context, TransactionKey key, SipResponse response)
    {
        var bytes = response.ToBytes();
        _serverInvites.OnResponse(key, response.StatusCode, bytes, _server.Clock.GetCurrentInstant());
        return SendIgnoringResultAsync(context.Target, bytes); // the caller retransmits if it is lost
    }

    internal void DialogStarted(ProxyCall call, SipResponse answer, ProxyBranch branch, ResponseTarget callerTarget, string? caller, CallOutcome outcome)
    {
        var key = DialogKey(answer.CallId, answer.From?.Tag, answer.To?.Tag);
        _dialogs[key] = new CallDialog(call.CalledUser, caller, branch.Device, outcome, _server.Clock.GetCurrentInstant(), callerTarget, branch.Target, answer.To?.Tag);
    }

    /// <summary>The contacts a destination rings: registered contacts of a user's devices, a device, or a URI.</summary>
    internal List<(SipUri Uri, ResponseTarget Target, IReadOnlyList<string> Path, string Device)> Resolve(Destination destination, string host)
    {
        var result = new List<(SipUri, ResponseTarget, IReadOnlyList<string>, string)>();
        switch (destination.Kind)
        {
            case DestinationKind.User or DestinationKind.UserDevices:
                AddBindings(result, destination.Value, host);
                foreach (var device in _server.Devices.ListForUser(destination.Value))
                {
                    AddBindings(result, device.Name, host);
                }

                break;
            case DestinationKind.Device:
                AddBindings(result, destination.Value, host);
                break;
            case DestinationKind.Voicemail:
                AddUri(result, _server.Options.Calls.VoicemailUri?.Replace("{user}", destination.Value, StringComparison.Ordinal), "voicemail");
                break;
            case DestinationKind.ExternalNumber:
                if (_server.Options.Calls.OutboundProxy is { } outbound)
                {
                    AddUri(result, "sip:" + destination.Value + "@" + outbound, destination.Value);
                }

                break;
            default:
                if (!AddUri(result, destination.Value, destination.Value))
                {
                    AddBindings(result, destination.Value, host);
                }

                break;
        }

        return result;
    }

    private void AddBindings(List<(SipUri, ResponseTarget, IReadOnlyList<string>, string)> result, string user, string host)
    {
        var aor = AddressOfRecord.Canonical("sip", user, _server.CanonicalHost(host));
        foreach (var binding in _server.Locations.Lookup(aor))
        {
            if (!SipUri.TryParse(binding.ContactUri, out var contact))
            {
                continue;
            }

            var protocol = binding.Source.Transport.Equals("TCP", StringComparison.OrdinalIgnoreCase) ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp;
            var local = _server.FindListenAddress(protocol, binding.Source.Remote.AddressFamily);
            if (local is null)
            {
                continue;
            }

            var uri = contact.WithoutHeaders();
            if (result.Exists(r => r.Item1.IsEquivalentTo(uri) && r.Item2.Remote.Equals(binding.Source.Remote)))
            {
                continue; // the same phone reached twice (a user whose device has an empty suffix): ring it once
            }

            result.Add((uri, new ResponseTarget(protocol, binding.Source.Remote, local.EndPoint, 0), binding.Path, user));
        }
    }

    private bool AddUri(List<(SipUri, ResponseTarget, IReadOnlyList<string>, string)> result, string? text, string device)
    {
        if (text is null || !SipUri.TryParse(text, out var uri) || !IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return false;
        }

        var protocol = string.Equals(uri.Transport, "tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp;
        var local = _server.FindListenAddress(protocol, address.AddressFamily);
        if (local is null)
        {
            return false;
        }

        result.Add((uri, new ResponseTarget(protocol, new IPEndPoint(address, uri.Port ?? 5060), local.EndPoint, 0), [], device));
        return true;
    }

    private RouteDecision? Decide(string user, SipRequest request, Instant now)
    {
        if (_routes is null)
        {
            return null;
        }

        var registered = Resolve(Destination.UserDevices(user), request.RequestUri.Host).Count;
        var incoming = new IncomingCall(request.From?.Uri.User, request.From?.DisplayName);
        try
        {
            return _routes.Route(user, incoming, new UserState(ActiveCalls(user), registered), now);
        }
        catch (KeyNotFoundException)
        {
            return null; // no rules for this user: ring every phone
        }
    }

    private bool IsLoop(SipRequest request)
    {
        // §16.3 step 4: a Via of ours means the request passed here before. It looped if the hash of its path then
        // (Request-URI, tags, Call-ID, CSeq, and the Via below ours, which was on top when it reached us) equals the
        // hash in our branch; a changed Request-URI is a legitimate spiral.
        var vias = request.Vias;
        for (var i = 0; i < vias.Count; i++)
        {
            if (vias[i].Branch is not { } branch || !branch.StartsWith(ProxyCall.BranchPrefix + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = branch.Split('.');
            if (parts.Length == 3 && IsOwnAddress(vias[i].Host, vias[i].Port ?? 5060) && string.Equals(parts[1], ProxyCall.LoopHash(request, i + 1), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a host and port name one of the addresses this server listens on.</summary>
    private bool IsOwnAddress(string host, int port)
    {
        host = host.Trim('[', ']');
        foreach (var bound in _server.BoundAddresses)
        {
            if (bound.EndPoint.Port == port && string.Equals(host, bound.EndPoint.Address.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private SipRequest? ForwardInDialog(RequestContext context, out ResponseTarget? target)
    {
        target = null;
        var request = context.Request;
        var routes = ProxyMessages.RemainingRoutes(request, IsOwnRoute, out var nextHop);
        if (routes.Count == 0 && FindDialog(request) is { } dialog)
        {
            // The last hop of a dialog we set up: send where that party actually is (its registered source and
            // connection, or the caller's source), not to its Contact URI, which may be behind NAT or name TCP without
            // saying so.
            target = string.Equals(request.From?.Tag, dialog.CalleeTag, StringComparison.Ordinal) ? dialog.CallerTarget : dialog.CalleeTarget;
        }
        else
        {
            if (!IPAddress.TryParse(nextHop.Host.Trim('[', ']'), out var address))
            {
                return null;
            }

            var protocol = string.Equals(nextHop.Transport, "tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp;
            var from = _server.FindListenAddress(protocol, address.AddressFamily);
            if (from is null)
            {
                return null;
            }

            target = new ResponseTarget(protocol, new IPEndPoint(address, nextHop.Port ?? 5060), from.EndPoint, 0);
        }

        if (IsOwnAddress(target.Remote.Address.ToString(), target.Remote.Port))
        {
            target = null;
            return null; // addressed to us with no further route: nothing to forward it to
        }

        var local = target.Local ?? _server.FindListenAddress(target.Protocol, target.Remote.AddressFamily)?.EndPoint;
        if (local is null)
        {
            target = null;
            return null;
        }

        var via = ProxyMessages.Via(target.Protocol, ViaProcessing.SentBy(local), TransactionKey.MagicCookie + "k7d" + _server.NewTag());
        return ProxyMessages.Forward(request, request.RequestUri, via, null, routes);
    }

    private CallDialog? FindDialog(SipRequest request) =>
        _dialogs.TryGetValue(DialogKey(request.CallId, request.From?.Tag, request.To?.Tag), out var dialog)
        || _dialogs.TryGetValue(DialogKey(request.CallId, request.To?.Tag, request.From?.Tag), out dialog)
            ? dialog
            : null;

    private bool IsOwnRoute(string route) => SipNameAddress.TryParse(route, out var address) && IsOwnAddress(address.Uri.Host, address.Uri.Port ?? 5060);

    private async Task RelayWhenAnsweredAsync(RequestContext context, Task<ClientTransactionResult<SipResponse>> pending)
    {
        var result = await pending.ConfigureAwait(false);
        if (result.Outcome == ClientTransactionOutcome.Answered && result.Response is { } response)
        {
            await RelayAsync(context, ProxyMessages.Upstream(response)).ConfigureAwait(false);
        }
        else
        {
            await _server.RespondAsync(context, 408, null, null).ConfigureAwait(false);
        }
    }

    private bool HasOwnRoute(SipRequest request)
    {
        foreach (var value in request.Headers.GetValues(SipHeaderNames.Route))
        {
            return IsOwnRoute(SipGrammar.SplitList(value)[0]); // the top entry only
        }

        return false;
    }

    private bool IsKnownDialog(SipRequest request) =>
        _dialogs.ContainsKey(DialogKey(request.CallId, request.From?.Tag, request.To?.Tag))
        || _dialogs.ContainsKey(DialogKey(request.CallId, request.To?.Tag, request.From?.Tag));

    private void EndDialog(SipRequest request)
    {
        var forward = DialogKey(request.CallId, request.From?.Tag, request.To?.Tag);
        var backward = DialogKey(request.CallId, request.To?.Tag, request.From?.Tag);
        if (_dialogs.TryRemove(forward, out var dialog) || _dialogs.TryRemove(backward, out dialog))
        {
            var now = _server.Clock.GetCurrentInstant();
            _server.RaiseCall(new CallEventArgs(CallEventKind.Ended, request.CallId ?? string.Empty, dialog.CalledUser, dialog.Caller, dialog.Device, dialog.Outcome, now, now - dialog.AnsweredAt));
        }
    }

    private async ValueTask RelayAsync(RequestContext context, SipResponse response)
    {
        var bytes = response.ToBytes();
        if (context.TransactionKey is { } key)
        {
            _server.RecordNonInviteResponse(key, response.StatusCode, bytes);
        }

        await _server.SendAsync(context.Target, bytes).ConfigureAwait(false);
    }

    private async ValueTask SendIgnoringResultAsync(ResponseTarget target, ReadOnlyMemory<byte> bytes) =>
        await _server.SendAsync(target, bytes).ConfigureAwait(false);

    private static string DialogKey(string? callId, string? fromTag, string? toTag) => callId + "\n" + fromTag + "\n" + toTag;

    private sealed record CallDialog(
        string CalledUser,
        string? Caller,
        string Device,
        CallOutcome Outcome,
        Instant AnsweredAt,
        ResponseTarget CallerTarget,
        ResponseTarget CalleeTarget,
        string? CalleeTag);
}
