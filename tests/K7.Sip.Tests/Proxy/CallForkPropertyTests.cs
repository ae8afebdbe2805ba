using FsCheck.Xunit;
using K7.Sip.Proxy;
using NodaTime;

namespace K7.Sip.Tests.Proxy;

/// <summary>
/// The fork invariant, over random devices, delays, responses, ring timeouts and caller CANCELs, played by a model
/// of the server: exactly one branch is answered or the fallback runs, and no branch is left ringing.
/// </summary>
public sealed class CallForkPropertyTests
{
    private const int TimerBMs = 32_000;
    private static readonly Instant T0 = Instant.FromUtc(2025, 6, 2, 9, 0);

    [Property(MaxTest = 500, Arbitrary = new[] { typeof(CallForkGenerators) })]
    public void Fork_RandomOutcomesAndTimings_OneAnswerOrFallbackAndNothingLeftRinging(ForkScenario scenario)
    {
        var run = Server.Play(scenario, extraTickEveryMs: null);
        var fork = run.Fork;
        var n = scenario.Branches.Length;

        // Finish exactly once, and it says what the fork says.
        var finishes = run.Log.Where(e => e.Action.Kind == ForkActionKind.Finish).ToList();
        var finish = Assert.Single(finishes);
        Assert.True(fork.IsFinished);
        Assert.Equal(new ForkAction(ForkActionKind.Finish, fork.AnsweredBranch, fork.FinalStatusCode, fork.Outcome), finish.Action);
        var finishIndex = run.Log.IndexOf(finish);

        // After Finish, only late answers are hung up, on branches that were cancelled.
        Assert.All(run.Log.Skip(finishIndex + 1), e => Assert.Equal(ForkActionKind.HangUpLateAnswer, e.Action.Kind));
        Assert.All(run.Log.Where(e => e.Action.Kind == ForkActionKind.HangUpLateAnswer), e => Assert.Contains(e.Action.Branch, run.Cancelled));

        // Answered ⇔ exactly one Answer, for a started branch that sent a 2xx before anything ended the fork.
        var answers = run.Log.Where(e => e.Action.Kind == ForkActionKind.Answer).ToList();
        if (fork.Outcome == ForkOutcome.Answered)
        {
            var answer = Assert.Single(answers).Action;
            Assert.Contains(answer.Branch, run.Started);
            Assert.Equal(answer.Branch, fork.AnsweredBranch);
            Assert.Equal(ForkBranchState.Answered, fork.StateOf(answer.Branch));
            Assert.Equal(PlannedFinal.Answer, scenario.Branches[answer.Branch].Final);
            Assert.DoesNotContain(answer.Branch, run.Cancelled);
        }
        else
        {
            Assert.Empty(answers);
            Assert.Equal(-1, fork.AnsweredBranch);
        }

        // At Finish, no branch was left trying or ringing without a CANCEL.
        Assert.All(run.StatesAtFinish, s => Assert.True(s is not (ForkBranchState.Trying or ForkBranchState.Ringing), $"left {s}"));

        // Once every response was delivered, every started branch ended; the others never started.
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(run.Started.Contains(i), fork.StateOf(i) != ForkBranchState.Pending);
            Assert.True(fork.StateOf(i) is ForkBranchState.Pending or ForkBranchState.Answered or ForkBranchState.Failed or ForkBranchState.Cancelled, $"#{i} is {fork.StateOf(i)}");
        }

        // CancelBranch only for started branches, once; a branch started once, never after Finish, never early.
        Assert.Equal(run.Cancelled.Count, run.Log.Count(e => e.Action.Kind == ForkActionKind.CancelBranch));
        Assert.Equal(run.Started.Count, run.Log.Count(e => e.Action.Kind == ForkActionKind.StartBranch));
        Assert.All(run.Cancelled, b => Assert.Contains(b, run.Started));
        foreach (var start in run.Log.Where(e => e.Action.Kind == ForkActionKind.StartBranch))
        {
            Assert.True(run.Log.IndexOf(start) < finishIndex);
            Assert.True(start.AtMs >= scenario.Branches[start.Action.Branch].DelayMs);
            Assert.True(scenario.RingTimeoutMs == 0 || start.AtMs < scenario.RingTimeoutMs);
        }

        // Provisional responses are relayed only while the fork runs, never 100.
        Assert.All(run.Log.Where(e => e.Action.Kind == ForkActionKind.RelayProvisional), e => Assert.InRange(e.Action.StatusCode, 101, 199));

        // The final status fits the outcome.
        var failures = run.FailuresBeforeFinish;
        switch (fork.Outcome)
        {
            case ForkOutcome.Answered:
                Assert.Equal(0, fork.FinalStatusCode);
                break;
            case ForkOutcome.NoAnswer:
                Assert.Equal(480, fork.FinalStatusCode);
                Assert.True(scenario.RingTimeoutMs > 0 && finish.AtMs >= scenario.RingTimeoutMs);
                break;
            case ForkOutcome.CallerCancelled:
                Assert.Equal(487, fork.FinalStatusCode);
                Assert.Equal(scenario.CallerCancelAtMs, (int)finish.AtMs);
                break;
            case ForkOutcome.NoTargets:
                Assert.Equal(0, n);
                Assert.Equal(0, fork.FinalStatusCode);
                break;
            case ForkOutcome.Busy or ForkOutcome.Failed:
                Assert.NotEmpty(failures);
                var forwarded = failures.Select(s => s == 503 ? 500 : s).ToList();
                Assert.Contains(fork.FinalStatusCode, forwarded);
                var ended = failures[^1] is >= 600 and not 603;
                var expectedClass = ended ? 6 : failures.Any(s => s >= 600) ? 6 : failures.Min() / 100;
                Assert.Equal(expectedClass, fork.FinalStatusCode / 100);
                Assert.Equal(fork.Outcome == ForkOutcome.Busy, ended ? failures[^1] == 600 : failures.Any(s => s is 486 or 600 or 603));
                break;
            default:
                Assert.Fail($"unexpected outcome {fork.Outcome}");
                break;
        }
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(CallForkGenerators) })]
    public void Fork_ExtraTicks_DoNotChangeAnything(ForkScenario scenario)
    {
        var onTime = Server.Play(scenario, extraTickEveryMs: null);
        var busyLoop = Server.Play(scenario, extraTickEveryMs: 700);

        Assert.Equal(onTime.Log, busyLoop.Log);
    }

    /// <summary>An action the fork asked for, and when (ms after the call arrived).</summary>
    private readonly record struct LoggedAction(long AtMs, ForkAction Action);

    /// <summary>What a device sends the server, or the caller's CANCEL.</summary>
    private enum EventKind
    {
        Provisional,
        Final,
        Timeout,
        TransportError,
        CallerCancel,
        ExtraTick,
    }

    private readonly record struct Event(EventKind Kind, int Branch, int StatusCode, bool Planned);

    /// <summary>The server as the fork sees it: sends INVITEs and CANCELs, delivers responses in time order, ticks at deadlines.</summary>
    private sealed class Server
    {
        private readonly ForkScenario _scenario;
        private readonly PriorityQueue<Event, (long AtMs, long Seq)> _events = new();
        private readonly bool[] _overridden;
        private readonly List<ForkAction> _actions = [];
        private long _seq;

        private Server(ForkScenario scenario)
        {
            _scenario = scenario;
            _overridden = new bool[scenario.Branches.Length];
            Fork = new CallFork(scenario.Branches.Select(b => Duration.FromMilliseconds(b.DelayMs)).ToArray(), Duration.FromMilliseconds(scenario.RingTimeoutMs), T0);
        }

        public CallFork Fork { get; }

        public List<LoggedAction> Log { get; } = [];

        public HashSet<int> Started { get; } = [];

        public HashSet<int> Cancelled { get; } = [];

        public List<ForkBranchState> StatesAtFinish { get; } = [];

        /// <summary>The failure statuses delivered to live branches before the fork finished, in order.</summary>
        public List<int> FailuresBeforeFinish { get; } = [];

        public static Server Play(ForkScenario scenario, int? extraTickEveryMs)
        {
            var server = new Server(scenario);
            server.Run(extraTickEveryMs);
            return server;
        }

        private void Run(int? extraTickEveryMs)
        {
            if (_scenario.CallerCancelAtMs is { } cancelAt)
            {
                Schedule(cancelAt, new Event(EventKind.CallerCancel, -1, 0, false));
            }

            if (extraTickEveryMs is { } every)
            {
                for (var t = 0L; t <= 120_000; t += every)
                {
                    Schedule(t, new Event(EventKind.ExtraTick, -1, 0, false));
                }
            }

            Fork.Start(T0, _actions);
            Carry(0);
            for (var steps = 0; ; steps++)
            {
                Assert.True(steps < 10_000, "the fork does not settle");
                long? next = Fork.NextDeadline is { } deadline ? (long)(deadline - T0).TotalMilliseconds : null;
                if (_events.TryPeek(out _, out var head) && (next is null || head.AtMs < next))
                {
                    next = head.AtMs;
                }

                if (next is not { } now)
                {
                    break;
                }

                Fork.Tick(T0 + Duration.FromMilliseconds(now), _actions);
                Carry(now);
                while (_events.TryPeek(out var e, out var at) && at.AtMs <= now)
                {
                    _events.Dequeue();
                    Deliver(e, now);
                }
            }
        }

        private void Deliver(Event e, long now)
        {
            if (e.Planned && _overridden[e.Branch])
            {
                return;
            }

            var at = T0 + Duration.FromMilliseconds(now);
            var live = e.Branch >= 0 && Fork.StateOf(e.Branch) is ForkBranchState.Trying or ForkBranchState.Ringing;
            switch (e.Kind)
            {
                case EventKind.Provisional:
                    Fork.OnProvisional(e.Branch, e.StatusCode, at, _actions);
                    break;
                case EventKind.Final:
                    Fork.OnFinal(e.Branch, e.StatusCode, at, _actions);
                    break;
                case EventKind.Timeout:
                    Fork.OnTimeout(e.Branch, at, _actions);
                    break;
                case EventKind.TransportError:
                    Fork.OnTransportError(e.Branch, at, _actions);
                    break;
                case EventKind.CallerCancel:
                    Fork.OnCallerCancel(at, _actions);
                    break;
                default:
                    Fork.Tick(at, _actions);
                    break;
            }

            var failure = e.Kind switch
            {
                EventKind.Final when e.StatusCode >= 300 => e.StatusCode,
                EventKind.Timeout => 408,
                EventKind.TransportError => 503,
                _ => 0,
            };

            // The server ticks before delivering, so a branch that was live when its response came was live for the fork.
            if (failure != 0 && live)
            {
                FailuresBeforeFinish.Add(failure);
            }

            Carry(now);
        }

        private void Carry(long now)
        {
            foreach (var action in _actions)
            {
                Log.Add(new LoggedAction(now, action));
                switch (action.Kind)
                {
                    case ForkActionKind.StartBranch:
                        Assert.True(Started.Add(action.Branch), $"#{action.Branch} started twice");
                        PlanBranch(action.Branch, now);
                        break;
                    case ForkActionKind.CancelBranch:
                        Assert.True(Cancelled.Add(action.Branch), $"#{action.Branch} cancelled twice");
                        Assert.Equal(ForkBranchState.Cancelling, Fork.StateOf(action.Branch));
                        CancelBranch(action.Branch, now);
                        break;
                    case ForkActionKind.Finish:
                        for (var i = 0; i < Fork.BranchCount; i++)
                        {
                            StatesAtFinish.Add(Fork.StateOf(i));
                        }

                        break;
                }
            }

            _actions.Clear();
        }

        private void PlanBranch(int branch, long now)
        {
            var plan = _scenario.Branches[branch];
            if (plan.ProvisionalAfterMs is { } p)
            {
                Schedule(now + p, new Event(EventKind.Provisional, branch, plan.ProvisionalStatus, false));
            }

            var final = FinalOf(branch, plan.Final);
            var finalAt = now + (plan.Final == PlannedFinal.Silent ? TimerBMs : plan.FinalAfterMs);
            Schedule(finalAt, final);
            if (plan.Retransmit)
            {
                Schedule(finalAt + 500, final);
            }
        }

        /// <summary>The device gets a CANCEL: unless its own final response is already on the way, it answers 487.</summary>
        private void CancelBranch(int branch, long now)
        {
            var plan = _scenario.Branches[branch];
            var startedAt = Log.Single(l => l.Action.Kind == ForkActionKind.StartBranch && l.Action.Branch == branch).AtMs;
            var finalAt = startedAt + (plan.Final == PlannedFinal.Silent ? TimerBMs : plan.FinalAfterMs);
            if (finalAt > now + plan.CancelReactionMs)
            {
                _overridden[branch] = true;
                Schedule(now + plan.CancelReactionMs, new Event(EventKind.Final, branch, 487, false));
            }
        }

        private static Event FinalOf(int branch, PlannedFinal final) => final switch
        {
            PlannedFinal.Answer => new(EventKind.Final, branch, 200, true),
            PlannedFinal.Busy => new(EventKind.Final, branch, 486, true),
            PlannedFinal.Decline => new(EventKind.Final, branch, 603, true),
            PlannedFinal.NotFound => new(EventKind.Final, branch, 404, true),
            PlannedFinal.ServerError => new(EventKind.Final, branch, 500, true),
            PlannedFinal.BusyEverywhere => new(EventKind.Final, branch, 600, true),
            PlannedFinal.DoesNotExistAnywhere => new(EventKind.Final, branch, 604, true),
            PlannedFinal.TransportError => new(EventKind.TransportError, branch, 0, true),
            _ => new(EventKind.Timeout, branch, 0, true),
        };

        private void Schedule(long atMs, Event e) => _events.Enqueue(e, (atMs, _seq++));
    }
}
