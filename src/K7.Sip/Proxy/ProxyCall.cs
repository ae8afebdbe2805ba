using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using K7.Routing;
using K7.Sip.Transactions;
using K7.Sip.Transport;
using NodaTime;

namespace K7.Sip.Proxy;

/// <summary>One call being proxied: the caller's INVITE, the routing decision, the fork (and the fallback fork), the answer.</summary>
#pragma warning disable CA1001 // The token source only signals hooks; it holds no timer or wait handle, and hooks may still read it after the call ends.
internal sealed class ProxyCall
#pragma warning restore CA1001
{
    public const string BranchPrefix = "z9hG4bKk7p";

    private readonly CallProxy _proxy;
    private readonly RequestContext _context;
    private readonly RouteDecision? _decision;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _hookCancel = new();
    private readonly HashSet<Destination> _confirm = [];
    private readonly string _loopHash;
    private ForkPhase? _phase;
    private bool _fallbackUsed;
    private CallOutcome? _pendingOutcome;
    private bool _done;
    private Instant _startedAt;

    public ProxyCall(CallProxy proxy, RequestContext context, TransactionKey serverKey, string calledUser, RouteDecision? decision)
    {
        _proxy = proxy;
        _context = context;
        ServerKey = serverKey;
        CalledUser = calledUser;
        _decision = decision;
        _loopHash = LoopHash(context.Request, 0);
    }

    public TransactionKey ServerKey { get; }

    public string CalledUser { get; }

    public string CallId => _context.Request.CallId ?? string.Empty;

    private SipServer Server => _proxy.Server;

    /// <summary>
    /// The hash of what identifies a request's path through us (§16.6 step 8, loop detection §16.3 step 4): the
    /// Request-URI, tags, Call-ID, CSeq number and the Via that was on top when the request reached us
    /// (<paramref name="viaIndex"/>: 0 for a request arriving now, the index below our own Via in a request that came back).
    /// </summary>
    public static string LoopHash(SipRequest request, int viaIndex)
    {
        var input = string.Join(
            '\n',
            request.RequestUri.ToString(),
            request.From?.Tag,
            request.To?.Tag,
            request.CallId,
            request.CSeq?.Number.ToString(CultureInfo.InvariantCulture),
            request.Vias.Count > viaIndex ? request.Vias[viaIndex].ToString() : string.Empty);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(input), hash);
        return Convert.ToHexStringLower(hash[..6]);
    }

    public void Start(Instant now)
    {
        _startedAt = now;
        Server.RaiseCall(new CallEventArgs(CallEventKind.Started, CallId, CalledUser, CallerOf(_context.Request), null, null, now, null));
        Log.CallRouted(Server.Logger, CallId, CalledUser, _decision?.ToString() ?? "no answering rules: ring every phone");
        if (_decision is { } d && _proxy.Hooks is null && (d.Screening || d.Targets.Any(t => t.AnswerConfirmation)))
        {
            Log.MediaHookMissing(Server.Logger, CallId, CalledUser);
        }
        lock (_gate)
        {
            var host = _context.Request.RequestUri.Host;
            switch (_decision?.Outcome)
            {
                case null:
                    StartPhase([(Destination.UserDevices(CalledUser), Duration.Zero)], Server.Options.Calls.DefaultRingTimeout, host, now);
                    return;
                case RouteOutcome.Reject:
                    FinishWith(_decision.Reason == RouteReason.BlockList ? 603 : 433, null, CallOutcome.Rejected, now);
                    return;
                case RouteOutcome.Disconnect:
                    FinishWith(603, null, CallOutcome.Rejected, now);
                    return;
                case RouteOutcome.Voicemail:
                case RouteOutcome.Forward:
                    _fallbackUsed = true;
                    StartDestination(_decision.Destination!, host, now, _decision.Outcome == RouteOutcome.Voicemail ? CallOutcome.Voicemail : CallOutcome.Forwarded);
                    return;
                default:
                    var legs = new List<(Destination, Duration)>();
                    foreach (var leg in _decision.Targets)
                    {
                        legs.Add((leg.Destination, leg.Delay));
                        if (leg.AnswerConfirmation)
                        {
                            _confirm.Add(leg.Destination);
                        }
                    }

                    var timeout = _decision.RingTimeout > Duration.Zero ? _decision.RingTimeout : Server.Options.Calls.DefaultRingTimeout;
                    if (_decision.Screening && _proxy.Hooks is { } hooks)
                    {
                        _ = ScreenThenRingAsync(hooks, legs, timeout, host);
                        return;
                    }

                    StartPhase(legs, timeout, host, now);
                    return;
            }
        }
    }

    /// <summary>A re-INVITE inside a dialog: not proxied yet (hold and resume need it), answered 501.</summary>
    public void StartInDialog(Instant now)
    {
        FinishWith(501, "Re-INVITE Not Supported Yet", CallOutcome.Failed, now);
    }

    public void CallerCancelled(Instant now)
    {
        _hookCancel.Cancel();
        lock (_gate)
        {
            if (_phase is null && !_done)
            {
                FinishWith(487, null, CallOutcome.Cancelled, now); // cancelled while screening
                return;
            }

            if (_phase is null || _done)
            {
                return;
            }

            var actions = new List<ForkAction>();
            _phase.Fork.OnCallerCancel(now, actions);
            Execute(_phase, actions, now);
        }
    }

    public void Tick(Instant now)
    {
        lock (_gate)
        {
            if (_phase is { } phase && phase.Fork.NextDeadline is { } deadline && deadline <= now)
            {
                var actions = new List<ForkAction>();
                phase.Fork.Tick(now, actions);
                Execute(phase, actions, now);
            }
        }
    }

    internal void OnBranchProvisional(ProxyBranch branch, int statusCode, SipResponse response)
    {
        var now = Server.Clock.GetCurrentInstant();
        lock (_gate)
        {
            branch.LastProvisional = response;
            if (branch.CancelPending)
            {
                branch.CancelPending = false;
                SendCancel(branch);
            }

            branch.GotProvisional = true;
            if (!ReferenceEquals(branch.Phase, _phase))
            {
                return;
            }

            var actions = new List<ForkAction>();
            branch.Phase.Fork.OnProvisional(branch.Index, statusCode, now, actions);
            Execute(branch.Phase, actions, now);
        }
    }

    internal void OnBranchFinal(ProxyBranch branch, int statusCode, SipResponse response)
    {
        var now = Server.Clock.GetCurrentInstant();
        lock (_gate)
        {
            branch.Final = response;
            if (statusCode < 300 && branch.AnswerConfirmation && _proxy.Hooks is { } hooks && !_done)
            {
                _ = ConfirmThenFeedAsync(hooks, branch, statusCode, response);
                return;
            }

            var actions = new List<ForkAction>();
            branch.Phase.Fork.OnFinal(branch.Index, statusCode, now, actions);
            Execute(branch.Phase, actions, now);
        }
    }

    internal void OnBranchTimeout(ProxyBranch branch)
    {
        var now = Server.Clock.GetCurrentInstant();
        lock (_gate)
        {
            var actions = new List<ForkAction>();
            branch.Phase.Fork.OnTimeout(branch.Index, now, actions);
            Execute(branch.Phase, actions, now);
        }
    }

    internal void OnBranchTransportError(ProxyBranch branch)
    {
        var now = Server.Clock.GetCurrentInstant();
        lock (_gate)
        {
            var actions = new List<ForkAction>();
            branch.Phase.Fork.OnTransportError(branch.Index, now, actions);
            Execute(branch.Phase, actions, now);
        }
    }

    internal void On2xxRetransmission(ProxyBranch branch, SipResponse response)
    {
        if (branch.Answered)
        {
            _ = _proxy.SendUpstreamAsync(_context, ServerKey, ProxyMessages.Upstream(response)).AsTask();
        }
    }

    private static string? CallerOf(SipRequest request) => request.From?.Uri.User;

    private CallHookContext HookContext(string? device) =>
        new(CallId, CalledUser, CallerOf(_context.Request), _context.Request.From?.DisplayName, device);

    private async Task ScreenThenRingAsync(ICallMediaHooks hooks, List<(Destination, Duration)> legs, Duration timeout, string host)
    {
        bool accepted;
        try
        {
            accepted = await hooks.ScreenAsync(HookContext(null), _hookCancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var now = Server.Clock.GetCurrentInstant();
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            if (!accepted)
            {
                FinishWith(603, "Declined By Screening", CallOutcome.Rejected, now);
                return;
            }

            StartPhase(legs, timeout, host, now);
        }
    }

    private async Task ConfirmThenFeedAsync(ICallMediaHooks hooks, ProxyBranch branch, int statusCode, SipResponse response)
    {
        bool confirmed;
        try
        {
            confirmed = await hooks.ConfirmAnswerAsync(HookContext(branch.Device), _hookCancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            confirmed = false;
        }

        var now = Server.Clock.GetCurrentInstant();
        lock (_gate)
        {
            var actions = new List<ForkAction>();
            if (confirmed)
            {
                branch.Phase.Fork.OnFinal(branch.Index, statusCode, now, actions);
            }
            else
            {
                HangUp(branch, response);
                branch.Phase.Fork.OnFinal(branch.Index, 603, now, actions);
            }

            Execute(branch.Phase, actions, now);
        }
    }

    private void StartDestination(Destination destination, string host, Instant now, CallOutcome outcome)
    {
        if (destination.Kind == DestinationKind.Voicemail && Server.Options.Calls.VoicemailRedirect
            && Server.Options.Calls.VoicemailUri is { } template)
        {
            var contact = "<" + template.Replace("{user}", destination.Value, StringComparison.Ordinal) + ">";
            _done = true;
            var response = ResponseFactory.Create(_context, 302, "Moved Temporarily", Server.NewTag(), Server.Options.ServerName, h => h.Add(SipHeaderNames.Contact, contact));
            Ended(CallOutcome.Voicemail, now);
            _ = _proxy.SendUpstreamAsync(_context, ServerKey, response).AsTask();
            return;
        }

        _pendingOutcome = outcome;
        StartPhase([(destination, Duration.Zero)], Server.Options.Calls.ForwardRingTimeout, host, now);
    }

    private void StartPhase(IReadOnlyList<(Destination Destination, Duration Delay)> legs, Duration ringTimeout, string host, Instant now)
    {
        var branches = new List<ProxyBranch>();
        foreach (var (destination, delay) in legs)
        {
            foreach (var (uri, target, path, device) in _proxy.Resolve(destination, host))
            {
                branches.Add(new ProxyBranch(this, branches.Count, uri, target, path, device, delay) { AnswerConfirmation = _confirm.Contains(destination) && destination.IsOffNet });
            }
        }

        var delays = new Duration[branches.Count];
        for (var i = 0; i < delays.Length; i++)
        {
            delays[i] = branches[i].Delay;
        }

        var phase = new ForkPhase(new CallFork(delays, ringTimeout, now), branches);
        foreach (var branch in branches)
        {
            branch.Phase = phase;
        }

        _phase = phase;
        var actions = new List<ForkAction>();
        phase.Fork.Start(now, actions);
        Execute(phase, actions, now);
    }

    private void Execute(ForkPhase phase, List<ForkAction> actions, Instant now)
    {
        foreach (var action in actions)
        {
            var branch = action.Branch >= 0 && action.Branch < phase.Branches.Count ? phase.Branches[action.Branch] : null;
            switch (action.Kind)
            {
                case ForkActionKind.StartBranch when branch is not null:
                    StartBranch(branch, now);
                    break;
                case ForkActionKind.CancelBranch when branch is not null:
                    if (branch.GotProvisional)
                    {
                        SendCancel(branch);
                    }
                    else
                    {
                        branch.CancelPending = true;
                    }

                    break;
                case ForkActionKind.RelayProvisional when branch?.LastProvisional is { } provisional && !_done:
                    if (!phase.Ringing)
                    {
                        phase.Ringing = true;
                        Server.RaiseCall(new CallEventArgs(CallEventKind.Ringing, CallId, CalledUser, CallerOf(_context.Request), branch.Device, null, now, null));
                    }

                    _ = _proxy.SendUpstreamAsync(_context, ServerKey, ProxyMessages.Upstream(provisional)).AsTask();

                    break;
                case ForkActionKind.Answer when branch?.Final is { } answer && !_done:
                    _done = true;
                    _hookCancel.Cancel();
                    branch.Answered = true;
                    _proxy.DialogStarted(this, answer, branch, _context.Target, CallerOf(_context.Request), _pendingOutcome ?? CallOutcome.Answered);
                    Server.RaiseCall(new CallEventArgs(CallEventKind.Answered, CallId, CalledUser, CallerOf(_context.Request), branch.Device, _pendingOutcome ?? CallOutcome.Answered, now, null));
                    _ = _proxy.SendUpstreamAsync(_context, ServerKey, ProxyMessages.Upstream(answer)).AsTask();
                    break;
                case ForkActionKind.HangUpLateAnswer when branch?.Final is { } late:
                    HangUp(branch, late);
                    break;
                case ForkActionKind.Finish:
                    if (action.Outcome != ForkOutcome.Answered)
                    {
                        Fallback(phase, action.Outcome, now);
                    }

                    if (_done)
                    {
                        _proxy.Forget(this);
                    }

                    break;
            }
        }
    }

    private void Fallback(ForkPhase phase, ForkOutcome outcome, Instant now)
    {
        if (_done)
        {
            return;
        }

        var destination = outcome switch
        {
            ForkOutcome.NoTargets => _decision?.WhenOffline,
            ForkOutcome.Busy => _decision?.WhenBusy,
            ForkOutcome.NoAnswer or ForkOutcome.Failed => _decision?.WhenUnanswered,
            _ => null,
        };

        if (destination is not null && !_fallbackUsed)
        {
            _fallbackUsed = true;
            StartDestination(destination, _context.Request.RequestUri.Host, now, destination.Kind == DestinationKind.Voicemail ? CallOutcome.Voicemail : CallOutcome.Forwarded);
            return;
        }

        var callOutcome = _pendingOutcome is { } pending && outcome != ForkOutcome.CallerCancelled ? CallOutcome.Failed : outcome switch
        {
            ForkOutcome.Busy => CallOutcome.Busy,
            ForkOutcome.NoAnswer => CallOutcome.NoAnswer,
            ForkOutcome.NoTargets => CallOutcome.Offline,
            ForkOutcome.CallerCancelled => CallOutcome.Cancelled,
            _ => CallOutcome.Failed,
        };
        var status = outcome switch
        {
            ForkOutcome.CallerCancelled => 487,
            ForkOutcome.NoAnswer or ForkOutcome.NoTargets => 480,
            ForkOutcome.Busy => 486,
            _ => phase.Fork.FinalStatusCode is >= 300 and < 700 ? phase.Fork.FinalStatusCode : 480,
        };
        foreach (var branch in phase.Branches)
        {
            if (outcome != ForkOutcome.CallerCancelled && branch.Final is { } final && final.StatusCode == status)
            {
                _done = true;
                Ended(callOutcome, now);
                _ = _proxy.SendUpstreamAsync(_context, ServerKey, ProxyMessages.Upstream(final)).AsTask();
                return;
            }
        }

        FinishWith(status, null, callOutcome, now);
    }

    private void FinishWith(int status, string? reason, CallOutcome outcome, Instant now)
    {
        if (_done)
        {
            return;
        }

        _done = true;
        Ended(outcome, now); // events first: whoever sees the response can rely on the event having been raised
        _ = _proxy.RespondAsync(_context, ServerKey, status, reason).AsTask();
        _proxy.Forget(this);
    }

    private void Ended(CallOutcome outcome, Instant now)
    {
        Server.RaiseCall(new CallEventArgs(CallEventKind.NotAnswered, CallId, CalledUser, CallerOf(_context.Request), null, outcome, now, now - _startedAt));
    }

    private void StartBranch(ProxyBranch branch, Instant now)
    {
        var target = branch.Target;
        var local = target.Local!;
        var sentBy = ViaProcessing.SentBy(local);
        var branchId = BranchPrefix + "." + _loopHash + "." + Server.NewTag();
        var via = ProxyMessages.Via(target.Protocol, sentBy, branchId);
        string? recordRoute = null;
        if (Server.Options.Calls.RecordRoute)
        {
            var inbound = _context.Packet.LocalEndPoint;
            recordRoute = "<sip:" + ViaProcessing.SentBy(inbound) + (_context.Packet.Protocol == SipTransportProtocol.Tcp ? ";transport=tcp" : string.Empty) + ";lr>";
        }

        var request = ProxyMessages.Forward(_context.Request, branch.Uri, via, recordRoute, branch.Path.Count > 0 ? branch.Path : null);
        branch.Request = request;
        var key = new TransactionKey(branchId, string.Empty, "INVITE");
        branch.Key = key;
        var bytes = request.ToBytes();
        _proxy.ClientInvites.Start(key, bytes, target, target.Protocol != SipTransportProtocol.Udp, now, branch, response => ProxyMessages.AckForFailure(request, response).ToBytes());
        _ = SendOrFailAsync(branch, key, bytes);
    }

    private async Task SendOrFailAsync(ProxyBranch branch, TransactionKey key, byte[] bytes)
    {
        if (!await Server.SendAsync(branch.Target, bytes).ConfigureAwait(false))
        {
            _proxy.ClientInvites.OnTransportError(key);
        }
    }

    private void SendCancel(ProxyBranch branch)
    {
        if (branch.Request is null || branch.CancelSent)
        {
            return;
        }

        branch.CancelSent = true;
        _proxy.CancelSent(branch, Server.Clock.GetCurrentInstant());
        _ = Server.SendRequestAsync(ProxyMessages.Cancel(branch.Request), branch.Target);
    }

    private void HangUp(ProxyBranch branch, SipResponse answer)
    {
        if (branch.Request is not { } invite || answer.Contacts.Count == 0 || answer.Contacts[0].Address is not { } address)
        {
            return;
        }

        var contact = address.Uri;
        var local = branch.Target.Local!;
        var sentBy = ViaProcessing.SentBy(local);
        var cseq = invite.CSeq!.Value.Number;
        SipRequest Build(SipMethod method, uint number, string branchId) => new(
            method,
            contact,
            SipHeaderCollection.CreateBuilder()
                .Add(SipHeaderNames.Via, ProxyMessages.Via(branch.Target.Protocol, sentBy, branchId))
                .Add(SipHeaderNames.MaxForwards, "70")
                .Add(SipHeaderNames.From, invite.Headers[SipHeaderNames.From]!)
                .Add(SipHeaderNames.To, answer.Headers[SipHeaderNames.To]!)
                .Add(SipHeaderNames.CallId, invite.CallId!)
                .Add(SipHeaderNames.CSeq, number.ToString(CultureInfo.InvariantCulture) + " " + method.Name)
                .Add(SipHeaderNames.ContentLength, "0")
                .Build());
        var ack = Build(SipMethod.Ack, cseq, TransactionKey.MagicCookie + "k7a" + Server.NewTag());
        _ = Server.SendAsync(branch.Target, ack.ToBytes()).AsTask();
        _ = Server.SendRequestAsync(Build(SipMethod.Bye, cseq + 1, TransactionKey.MagicCookie + "k7b" + Server.NewTag()), branch.Target);
    }

    /// <summary>The branches of one fork: the decision's targets, or the fallback's one destination.</summary>
    internal sealed class ForkPhase(CallFork fork, List<ProxyBranch> branches)
    {
        public CallFork Fork { get; } = fork;

        public List<ProxyBranch> Branches { get; } = branches;

        public bool Ringing { get; set; }
    }
}
