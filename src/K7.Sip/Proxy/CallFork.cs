using System.Diagnostics;
using NodaTime;

namespace K7.Sip.Proxy;

/// <summary>
/// The forking logic of a stateful proxy for one incoming INVITE (RFC 3261 §16.7 and §16.10): which branches start
/// and when, which provisional responses reach the caller, which branch wins, which branches are cancelled, and how
/// the call ends when nobody answers.
/// </summary>
/// <remarks>
/// <para>A pure state machine without I/O or clock: the server passes the current instant to every call, carries
/// out the <see cref="ForkAction"/>s appended to the list it passes in, in order, and calls <see cref="Tick"/> at
/// <see cref="NextDeadline"/>. Every call first does what was due at its instant (starting delayed branches, the
/// ring timeout), so the fork behaves as if <see cref="Tick"/> had run exactly on time.</para>
/// <para>Rules the server relies on: <see cref="ForkActionKind.Finish"/> appears exactly once;
/// <see cref="ForkActionKind.Answer"/> at most once; <see cref="ForkActionKind.CancelBranch"/> only for a branch
/// that was <see cref="ForkBranchState.Trying"/> or <see cref="ForkBranchState.Ringing"/>, at most once per branch;
/// after <see cref="ForkActionKind.Finish"/>, only <see cref="ForkActionKind.HangUpLateAnswer"/> (a cancelled branch
/// that answered anyway), and branches that had not started never start.</para>
/// <para>How the fork ends:</para>
/// <list type="bullet">
/// <item>A 2xx while running answers the call: the other live branches are cancelled (§16.7 step 5, §16.10).</item>
/// <item>603 Decline is the answer of one device, not of the callee: it ends that branch like a 486 and the other
/// devices go on ringing (the portal guide: simultaneous ring, a declining device does not end the call). This
/// departs from §16.7, where any 6xx ends the fork; 603 still wins the best-response choice when the fork ends.</item>
/// <item>600 Busy Everywhere ends the fork with <see cref="ForkOutcome.Busy"/>; 604, 606 and other 6xx end it with
/// <see cref="ForkOutcome.Failed"/> (§16.7 step 5).</item>
/// <item>When every branch that could still start has failed, the fork ends with <see cref="ForkOutcome.Busy"/> if
/// any branch said 486, 600 or 603, else with <see cref="ForkOutcome.Failed"/>; <see cref="FinalStatusCode"/> is the
/// best response chosen by <see cref="ForkResponseContext"/>. A timeout counts as 408 (§16.8) and a transport error
/// as 503 (§16.9).</item>
/// <item>The ring timeout cancels the live branches and ends the fork with <see cref="ForkOutcome.NoAnswer"/> (480).
/// A branch whose delay is not shorter than the ring timeout never starts.</item>
/// <item>A CANCEL from the caller cancels the live branches and ends the fork with
/// <see cref="ForkOutcome.CallerCancelled"/> (487).</item>
/// </list>
/// <para>Not thread-safe: the server serialises the calls for one fork.</para>
/// </remarks>
internal sealed class CallFork
{
    private const int NoAnswerStatus = 480;
    private const int CancelledStatus = 487;
    private const int TimeoutStatus = 408;
    private const int TransportErrorStatus = 503;

    private readonly Instant[] _startAt;
    private readonly ForkBranchState[] _states;
    private readonly Instant? _timeoutAt;
    private bool _started;
    private bool _busy;
    private int _bestStatus;

    /// <summary>Initializes a new instance of the <see cref="CallFork"/> class.</summary>
    /// <param name="delays">When each branch starts after <paramref name="now"/>; <see cref="Duration.Zero"/> starts it at once.</param>
    /// <param name="ringTimeout">When, after <paramref name="now"/>, unanswered branches are cancelled and the fork ends with
    /// <see cref="ForkOutcome.NoAnswer"/>; zero or negative means no timeout.</param>
    /// <param name="now">The instant the call arrived, from which delays and the ring timeout count.</param>
    /// <exception cref="ArgumentNullException"><paramref name="delays"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A delay is negative.</exception>
    public CallFork(IReadOnlyList<Duration> delays, Duration ringTimeout, Instant now)
    {
        ArgumentNullException.ThrowIfNull(delays);
        _startAt = new Instant[delays.Count];
        _states = new ForkBranchState[delays.Count];
        for (var i = 0; i < delays.Count; i++)
        {
            if (delays[i] < Duration.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(delays), delays[i], "A branch delay cannot be negative.");
            }

            _startAt[i] = now + delays[i];
        }

        _timeoutAt = ringTimeout > Duration.Zero ? now + ringTimeout : null;
        AnsweredBranch = -1;
    }

    /// <summary>Gets how the fork ended; <see cref="ForkOutcome.None"/> while it runs.</summary>
    public ForkOutcome Outcome { get; private set; }

    /// <summary>Gets the branch that answered, or -1.</summary>
    public int AnsweredBranch { get; private set; }

    /// <summary>
    /// Gets the status for the caller: the best final response (§16.7, see <see cref="ForkResponseContext"/>) when
    /// <see cref="ForkOutcome.Busy"/> or <see cref="ForkOutcome.Failed"/>; 480 for <see cref="ForkOutcome.NoAnswer"/>;
    /// 487 for <see cref="ForkOutcome.CallerCancelled"/>; 0 otherwise.
    /// </summary>
    public int FinalStatusCode { get; private set; }

    /// <summary>Gets a value indicating whether the fork has ended.</summary>
    public bool IsFinished => Outcome != ForkOutcome.None;

    /// <summary>Gets the number of branches.</summary>
    public int BranchCount => _states.Length;

    /// <summary>Gets the next instant at which <see cref="Tick"/> has something to do (a branch start or the ring timeout); <see langword="null"/> when none.</summary>
    public Instant? NextDeadline
    {
        get
        {
            if (IsFinished)
            {
                return null;
            }

            var next = _timeoutAt;
            for (var i = 0; i < _states.Length; i++)
            {
                if (_states[i] == ForkBranchState.Pending && WillStart(i) && (next is null || _startAt[i] < next.Value))
                {
                    next = _startAt[i];
                }
            }

            return next;
        }
    }

    /// <summary>Gets the state of a branch.</summary>
    /// <param name="branch">The branch index.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="branch"/> is not a branch index.</exception>
    public ForkBranchState StateOf(int branch)
    {
        CheckBranch(branch);
        return _states[branch];
    }

    /// <summary>Starts the fork: the branches without delay start; without branches, the fork ends with <see cref="ForkOutcome.NoTargets"/>.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="actions">Receives the actions to carry out.</param>
    /// <exception cref="InvalidOperationException">The fork was already started.</exception>
    public void Start(Instant now, List<ForkAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (_started)
        {
            throw new InvalidOperationException("The fork was already started.");
        }

        _started = true;
        if (_states.Length == 0)
        {
            Finish(ForkOutcome.NoTargets, 0, actions);
            return;
        }

        Advance(now, actions);
    }

    /// <summary>Does what is due at <paramref name="now"/>: starts branches whose delay passed, or applies the ring timeout.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="actions">Receives the actions to carry out.</param>
    public void Tick(Instant now, List<ForkAction> actions)
    {
        CheckStarted(actions);
        Advance(now, actions);
    }

    /// <summary>Handles a provisional response (100–199) of a branch: 101–199 mark it ringing and are relayed to the caller while the fork runs.</summary>
    /// <param name="branch">The branch index.</param>
    /// <param name="statusCode">The status code.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="actions">Receives the actions to carry out.</param>
    public void OnProvisional(int branch, int statusCode, Instant now, List<ForkAction> actions)
    {
        CheckBranch(branch);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 199);
        CheckStarted(actions);
        Advance(now, actions);
        if (IsFinished || statusCode == 100)
        {
            return;
        }

        var state = _states[branch];
        if (state is ForkBranchState.Trying or ForkBranchState.Ringing)
        {
            _states[branch] = ForkBranchState.Ringing;
            actions.Add(new ForkAction(ForkActionKind.RelayProvisional, branch, statusCode, ForkOutcome.None));
        }
    }

    /// <summary>Handles the final response (200–699) of a branch.</summary>
    /// <param name="branch">The branch index.</param>
    /// <param name="statusCode">The status code.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="actions">Receives the actions to carry out.</param>
    /// <remarks>A final response for a branch that never started or already ended is ignored.</remarks>
    public void OnFinal(int branch, int statusCode, Instant now, List<ForkAction> actions)
    {
        CheckBranch(branch);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        CheckStarted(actions);
        Advance(now, actions);
        HandleFinal(branch, statusCode, actions);
    }

    /// <summary>Handles a transport error on a branch, as a 503 on that branch (RFC 3261 §16.9).</summary>
    /// <param name="branch">The branch index.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="actions">Receives the actions to carry out.</param>
    public void OnTransportError(int branch, Instant now, List<ForkAction> actions)
    {
        CheckBranch(branch);
        CheckStarted(actions);
        Advance(now, actions);
        HandleFinal(branch, TransportErrorStatus, actions);
    }

    /// <summary>Handles the timeout of a branch's client transaction, as a 408 on that branch (RFC 3261 §16.8).</summary>
    /// <param name="branch">The branch index.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="actions">Receives the actions to carry out.</param>
    public void OnTimeout(int branch, Instant now, List<ForkAction> actions)
    {
        CheckBranch(branch);
        CheckStarted(actions);
        Advance(now, actions);
        HandleFinal(branch, TimeoutStatus, actions);
    }

    /// <summary>Handles a CANCEL from the caller: live branches are cancelled and the fork ends with 487 (RFC 3261 §16.10). Ignored once the fork ended.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="actions">Receives the actions to carry out.</param>
    public void OnCallerCancel(Instant now, List<ForkAction> actions)
    {
        CheckStarted(actions);
        Advance(now, actions);
        if (IsFinished)
        {
            return;
        }

        CancelLiveBranches(-1, actions);
        Finish(ForkOutcome.CallerCancelled, CancelledStatus, actions);
    }

    private void Advance(Instant now, List<ForkAction> actions)
    {
        if (IsFinished)
        {
            return;
        }

        if (_timeoutAt is { } timeoutAt && now >= timeoutAt)
        {
            CancelLiveBranches(-1, actions);
            Finish(ForkOutcome.NoAnswer, NoAnswerStatus, actions);
            return;
        }

        for (var i = 0; i < _states.Length; i++)
        {
            if (_states[i] == ForkBranchState.Pending && _startAt[i] <= now)
            {
                _states[i] = ForkBranchState.Trying;
                actions.Add(new ForkAction(ForkActionKind.StartBranch, i, 0, ForkOutcome.None));
            }
        }
    }

    private void HandleFinal(int branch, int statusCode, List<ForkAction> actions)
    {
        switch (_states[branch])
        {
            case ForkBranchState.Cancelling:
                Debug.Assert(IsFinished, "Branches are cancelled only when the fork ends.");
                if (statusCode is >= 200 and < 300)
                {
                    _states[branch] = ForkBranchState.Cancelled;
                    actions.Add(new ForkAction(ForkActionKind.HangUpLateAnswer, branch, statusCode, ForkOutcome.None));
                }
                else
                {
                    _states[branch] = statusCode == CancelledStatus ? ForkBranchState.Cancelled : ForkBranchState.Failed;
                }

                return;

            case ForkBranchState.Trying or ForkBranchState.Ringing:
                Debug.Assert(!IsFinished, "Live branches are cancelled when the fork ends.");
                break;

            default:
                // Never started, or already ended (a retransmitted or duplicate final response).
                return;
        }

        if (statusCode < 300)
        {
            _states[branch] = ForkBranchState.Answered;
            AnsweredBranch = branch;
            actions.Add(new ForkAction(ForkActionKind.Answer, branch, statusCode, ForkOutcome.None));
            CancelLiveBranches(branch, actions);
            Finish(ForkOutcome.Answered, 0, actions);
            return;
        }

        _states[branch] = ForkBranchState.Failed;
        if (statusCode >= 600 && statusCode != 603)
        {
            CancelLiveBranches(branch, actions);
            Finish(statusCode == 600 ? ForkOutcome.Busy : ForkOutcome.Failed, statusCode, actions);
            return;
        }

        _busy |= statusCode is 486 or 603;
        if (ForkResponseContext.IsBetter(statusCode, _bestStatus))
        {
            _bestStatus = statusCode;
        }

        for (var i = 0; i < _states.Length; i++)
        {
            if (_states[i] is ForkBranchState.Trying or ForkBranchState.Ringing || (_states[i] == ForkBranchState.Pending && WillStart(i)))
            {
                return;
            }
        }

        Finish(_busy ? ForkOutcome.Busy : ForkOutcome.Failed, ForkResponseContext.ToForwarded(_bestStatus), actions);
    }

    private void CancelLiveBranches(int except, List<ForkAction> actions)
    {
        for (var i = 0; i < _states.Length; i++)
        {
            if (i != except && _states[i] is ForkBranchState.Trying or ForkBranchState.Ringing)
            {
                _states[i] = ForkBranchState.Cancelling;
                actions.Add(new ForkAction(ForkActionKind.CancelBranch, i, 0, ForkOutcome.None));
            }
        }
    }

    private void Finish(ForkOutcome outcome, int statusCode, List<ForkAction> actions)
    {
        Debug.Assert(!IsFinished, "The fork finishes once.");
        Outcome = outcome;
        FinalStatusCode = statusCode;
        actions.Add(new ForkAction(ForkActionKind.Finish, AnsweredBranch, statusCode, outcome));
    }

    private bool WillStart(int branch) => _timeoutAt is not { } timeoutAt || _startAt[branch] < timeoutAt;

    private void CheckBranch(int branch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(branch);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(branch, _states.Length);
    }

    private void CheckStarted(List<ForkAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (!_started)
        {
            throw new InvalidOperationException("The fork has not been started.");
        }
    }
}
