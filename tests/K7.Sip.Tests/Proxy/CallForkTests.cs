using K7.Sip.Proxy;
using NodaTime;

namespace K7.Sip.Tests.Proxy;

public sealed class CallForkTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 6, 2, 9, 0);
    private static readonly Duration RingFor = Duration.FromSeconds(25);

    [Fact]
    public void Start_TwoDevicesWithoutDelay_StartsBoth()
    {
        var (sut, actions) = CreateSut(0, 0);

        Assert.Equal([Start(0), Start(1)], actions);
        Assert.Equal(ForkBranchState.Trying, sut.StateOf(0));
        Assert.Equal(ForkBranchState.Trying, sut.StateOf(1));
        Assert.False(sut.IsFinished);
        Assert.Equal(ForkOutcome.None, sut.Outcome);
        Assert.Equal(-1, sut.AnsweredBranch);
    }

    [Fact]
    public void OnFinal_OneOfTwoAnswers_CancelsTheOtherAndFinishesAnswered()
    {
        var (sut, actions) = CreateSut(0, 0);
        sut.OnProvisional(0, 180, At(1), actions);
        sut.OnProvisional(1, 180, At(1), actions);
        actions.Clear();

        sut.OnFinal(1, 200, At(4), actions);

        Assert.Equal([new(ForkActionKind.Answer, 1, 200, ForkOutcome.None), Cancel(0), new(ForkActionKind.Finish, 1, 0, ForkOutcome.Answered)], actions);
        Assert.Equal(ForkOutcome.Answered, sut.Outcome);
        Assert.Equal(1, sut.AnsweredBranch);
        Assert.Equal(0, sut.FinalStatusCode);
        Assert.Equal(ForkBranchState.Cancelling, sut.StateOf(0));
        Assert.Equal(ForkBranchState.Answered, sut.StateOf(1));
        Assert.Null(sut.NextDeadline);
    }

    [Fact]
    public void OnFinal_CancelledBranchAnswers487_BecomesCancelledWithoutActions()
    {
        var (sut, actions) = CreateSut(0, 0);
        sut.OnFinal(1, 200, At(4), actions);
        actions.Clear();

        sut.OnFinal(0, 487, At(5), actions);

        Assert.Empty(actions);
        Assert.Equal(ForkBranchState.Cancelled, sut.StateOf(0));
    }

    [Fact]
    public void OnFinal_CancelledBranchRacesWithBusy_BecomesFailedWithoutActions()
    {
        var (sut, actions) = CreateSut(0, 0);
        sut.OnFinal(1, 200, At(4), actions);
        actions.Clear();

        sut.OnFinal(0, 486, At(4), actions);

        Assert.Empty(actions);
        Assert.Equal(ForkBranchState.Failed, sut.StateOf(0));
        Assert.Equal(ForkOutcome.Answered, sut.Outcome);
    }

    [Fact]
    public void OnFinal_LateAnswerAfterAnotherBranchAnswered_HangsItUp()
    {
        var (sut, actions) = CreateSut(0, 0);
        sut.OnFinal(0, 200, At(4), actions);
        actions.Clear();

        sut.OnFinal(1, 200, At(4), actions);

        Assert.Equal([new ForkAction(ForkActionKind.HangUpLateAnswer, 1, 200, ForkOutcome.None)], actions);
        Assert.Equal(0, sut.AnsweredBranch);
        Assert.Equal(ForkBranchState.Cancelled, sut.StateOf(1));
    }

    [Fact]
    public void OnFinal_LateAnswerAfterCallerCancel_HangsItUp()
    {
        var (sut, actions) = CreateSut(0);
        sut.OnCallerCancel(At(3), actions);
        actions.Clear();

        sut.OnFinal(0, 200, At(3), actions);

        Assert.Equal([new ForkAction(ForkActionKind.HangUpLateAnswer, 0, 200, ForkOutcome.None)], actions);
        Assert.Equal(ForkOutcome.CallerCancelled, sut.Outcome);
    }

    [Fact]
    public void OnFinal_RetransmittedAnswerOnWinningBranch_IsIgnored()
    {
        var (sut, actions) = CreateSut(0, 0);
        sut.OnFinal(0, 200, At(4), actions);
        actions.Clear();

        sut.OnFinal(0, 200, At(5), actions);

        Assert.Empty(actions);
    }

    [Fact]
    public void Tick_DelayedBranch_StartsOnlyOnceItsDelayPassed()
    {
        var (sut, actions) = CreateSut(0, 10);
        Assert.Equal([Start(0)], actions);
        Assert.Equal(ForkBranchState.Pending, sut.StateOf(1));
        Assert.Equal(At(10), sut.NextDeadline);
        actions.Clear();

        sut.Tick(At(9.999), actions);
        Assert.Empty(actions);

        sut.Tick(At(10), actions);
        Assert.Equal([Start(1)], actions);
        Assert.Equal(ForkBranchState.Trying, sut.StateOf(1));
        Assert.Equal(At(25), sut.NextDeadline);
    }

    [Fact]
    public void Tick_Late_StartsTheBranchAtTheNextTick()
    {
        var (sut, actions) = CreateSut(0, 10);
        actions.Clear();

        sut.Tick(At(12), actions);

        Assert.Equal([Start(1)], actions);
    }

    [Fact]
    public void OnFinal_AnsweredBeforeDelayedBranchStarts_DelayedBranchNeverStarts()
    {
        var (sut, actions) = CreateSut(0, 10);
        sut.OnFinal(0, 200, At(5), actions);
        actions.Clear();

        sut.Tick(At(10), actions);
        sut.Tick(At(30), actions);

        Assert.Empty(actions);
        Assert.Equal(ForkBranchState.Pending, sut.StateOf(1));
        Assert.Null(sut.NextDeadline);
    }

    [Fact]
    public void OnFinal_EventAfterADueStart_StartsTheBranchFirst()
    {
        var (sut, actions) = CreateSut(0, 10);
        actions.Clear();

        sut.OnProvisional(0, 180, At(11), actions);

        Assert.Equal([Start(1), new ForkAction(ForkActionKind.RelayProvisional, 0, 180, ForkOutcome.None)], actions);
    }

    [Fact]
    public void OnFinal_BothBusy_FinishesBusyWith486()
    {
        var (sut, actions) = CreateSut(0, 0);
        sut.OnFinal(0, 486, At(1), actions);
        Assert.False(sut.IsFinished);
        actions.Clear();

        sut.OnFinal(1, 486, At(2), actions);

        Assert.Equal([Finish(ForkOutcome.Busy, 486)], actions);
        Assert.Equal(ForkOutcome.Busy, sut.Outcome);
        Assert.Equal(486, sut.FinalStatusCode);
        Assert.Equal(ForkBranchState.Failed, sut.StateOf(0));
        Assert.Equal(ForkBranchState.Failed, sut.StateOf(1));
    }

    [Fact]
    public void Tick_OneBusyOneUnanswered_RingTimeoutFinishesNoAnswer()
    {
        var (sut, actions) = CreateSut(0, 0);
        sut.OnFinal(0, 486, At(1), actions);
        sut.OnProvisional(1, 180, At(1), actions);
        actions.Clear();

        sut.Tick(At(25), actions);

        Assert.Equal([Cancel(1), Finish(ForkOutcome.NoAnswer, 480)], actions);
        Assert.Equal(ForkOutcome.NoAnswer, sut.Outcome);
        Assert.Equal(480, sut.FinalStatusCode);
        Assert.Equal(ForkBranchState.Cancelling, sut.StateOf(1));
    }

    [Fact]
    public void OnFinal_DeclineWhileAnotherDeviceRings_ForkContinues()
    {
        var (sut, actions) = CreateSut(0, 0);
        sut.OnProvisional(1, 180, At(1), actions);
        actions.Clear();

        sut.OnFinal(0, 603, At(2), actions);

        Assert.Empty(actions);
        Assert.False(sut.IsFinished);
        Assert.Equal(ForkBranchState.Failed, sut.StateOf(0));
        Assert.Equal(ForkBranchState.Ringing, sut.StateOf(1));

        sut.OnFinal(1, 200, At(3), actions);
        Assert.Equal(ForkOutcome.Answered, sut.Outcome);
    }

    [Fact]
    public void OnFinal_DeclineWhileADelayedDeviceIsPending_DelayedDeviceStillStarts()
    {
        var (sut, actions) = CreateSut(0, 10);
        sut.OnFinal(0, 603, At(2), actions);
        actions.Clear();

        sut.Tick(At(10), actions);

        Assert.Equal([Start(1)], actions);
    }

    [Fact]
    public void OnFinal_DeclineFromTheLastDevice_FinishesBusyWith603()
    {
        var (sut, actions) = CreateSut(0, 0);
        sut.OnFinal(0, 404, At(1), actions);
        actions.Clear();

        sut.OnFinal(1, 603, At(2), actions);

        Assert.Equal([Finish(ForkOutcome.Busy, 603)], actions);
    }

    [Theory]
    [InlineData(604, nameof(ForkOutcome.Failed))]
    [InlineData(606, nameof(ForkOutcome.Failed))]
    [InlineData(600, nameof(ForkOutcome.Busy))]
    public void OnFinal_GlobalFailureOtherThanDecline_EndsTheFork(int status, string outcome)
    {
        var expected = Enum.Parse<ForkOutcome>(outcome);
        var (sut, actions) = CreateSut(0, 0, 10);
        sut.OnProvisional(1, 180, At(1), actions);
        actions.Clear();

        sut.OnFinal(0, status, At(2), actions);

        Assert.Equal([Cancel(1), Finish(expected, status)], actions);
        Assert.Equal(ForkBranchState.Pending, sut.StateOf(2));
        Assert.Equal(status, sut.FinalStatusCode);

        actions.Clear();
        sut.Tick(At(10), actions);
        Assert.Empty(actions);
    }

    [Fact]
    public void Tick_RingTimeout_CancelsLiveBranchesAndPendingNeverStart()
    {
        var (sut, actions) = CreateSut([0, 0, 30], 25);
        sut.OnProvisional(0, 180, At(1), actions);
        actions.Clear();

        Assert.Equal(At(25), sut.NextDeadline);
        sut.Tick(At(25), actions);

        Assert.Equal([Cancel(0), Cancel(1), Finish(ForkOutcome.NoAnswer, 480)], actions);
        Assert.Equal(ForkBranchState.Pending, sut.StateOf(2));
        Assert.Null(sut.NextDeadline);
    }

    [Fact]
    public void Tick_BranchStartDueWithTheRingTimeout_TimeoutWinsAndBranchNeverStarts()
    {
        var (sut, actions) = CreateSut([0, 10], 10);
        actions.Clear();

        sut.Tick(At(10), actions);

        Assert.Equal([Cancel(0), Finish(ForkOutcome.NoAnswer, 480)], actions);
        Assert.Equal(ForkBranchState.Pending, sut.StateOf(1));
    }

    [Fact]
    public void OnFinal_OnlyBranchThatCanStartBeforeTimeoutFails_FinishesWithoutWaiting()
    {
        var (sut, actions) = CreateSut([0, 30], 25);
        actions.Clear();

        sut.OnFinal(0, 486, At(2), actions);

        Assert.Equal([Finish(ForkOutcome.Busy, 486)], actions);
    }

    [Fact]
    public void OnFinal_AnswerAfterTheRingTimeoutBeforeTheTick_TimeoutComesFirstAndTheAnswerIsHungUp()
    {
        var (sut, actions) = CreateSut(0);
        actions.Clear();

        sut.OnFinal(0, 200, At(25.5), actions);

        Assert.Equal([Cancel(0), Finish(ForkOutcome.NoAnswer, 480), new ForkAction(ForkActionKind.HangUpLateAnswer, 0, 200, ForkOutcome.None)], actions);
    }

    [Fact]
    public void Tick_NoRingTimeout_NeverTimesOut()
    {
        var (sut, actions) = CreateSut([0], 0);
        actions.Clear();

        Assert.Null(sut.NextDeadline);
        sut.Tick(At(3600), actions);

        Assert.Empty(actions);
        Assert.False(sut.IsFinished);
    }

    [Fact]
    public void OnCallerCancel_WhileRinging_CancelsLiveBranchesAndFinishes487()
    {
        var (sut, actions) = CreateSut(0, 0, 10);
        sut.OnProvisional(0, 180, At(1), actions);
        sut.OnFinal(1, 486, At(1), actions);
        actions.Clear();

        sut.OnCallerCancel(At(5), actions);

        Assert.Equal([Cancel(0), Finish(ForkOutcome.CallerCancelled, 487)], actions);
        Assert.Equal(487, sut.FinalStatusCode);
        Assert.Equal(ForkBranchState.Failed, sut.StateOf(1));
        Assert.Equal(ForkBranchState.Pending, sut.StateOf(2));
    }

    [Fact]
    public void OnCallerCancel_AfterAnswer_IsIgnored()
    {
        var (sut, actions) = CreateSut(0);
        sut.OnFinal(0, 200, At(1), actions);
        actions.Clear();

        sut.OnCallerCancel(At(2), actions);

        Assert.Empty(actions);
        Assert.Equal(ForkOutcome.Answered, sut.Outcome);
    }

    [Fact]
    public void Start_NoTargets_FinishesNoTargets()
    {
        var actions = new List<ForkAction>();
        var sut = new CallFork([], RingFor, T0);

        sut.Start(T0, actions);

        Assert.Equal([Finish(ForkOutcome.NoTargets, 0)], actions);
        Assert.True(sut.IsFinished);
        Assert.Equal(0, sut.BranchCount);
        Assert.Null(sut.NextDeadline);
    }

    [Fact]
    public void OnProvisional_100_DoesNotRingNorRelay()
    {
        var (sut, actions) = CreateSut(0);
        actions.Clear();

        sut.OnProvisional(0, 100, At(0.1), actions);

        Assert.Empty(actions);
        Assert.Equal(ForkBranchState.Trying, sut.StateOf(0));
    }

    [Theory]
    [InlineData(180)]
    [InlineData(183)]
    [InlineData(181)]
    public void OnProvisional_101To199_RingsAndRelays(int status)
    {
        var (sut, actions) = CreateSut(0);
        actions.Clear();

        sut.OnProvisional(0, status, At(1), actions);

        Assert.Equal([new ForkAction(ForkActionKind.RelayProvisional, 0, status, ForkOutcome.None)], actions);
        Assert.Equal(ForkBranchState.Ringing, sut.StateOf(0));
    }

    [Fact]
    public void OnProvisional_AfterFinish_IsIgnored()
    {
        var (sut, actions) = CreateSut(0, 0);
        sut.OnFinal(0, 200, At(1), actions);
        actions.Clear();

        sut.OnProvisional(1, 180, At(2), actions);

        Assert.Empty(actions);
        Assert.Equal(ForkBranchState.Cancelling, sut.StateOf(1));
    }

    [Fact]
    public void OnTimeoutAndTransportError_CountAs408And503_ForwardedAs408()
    {
        var (sut, actions) = CreateSut(0, 0);
        sut.OnTransportError(0, At(0.5), actions);
        actions.Clear();

        sut.OnTimeout(1, At(20), actions);

        Assert.Equal([Finish(ForkOutcome.Failed, 408)], actions);
    }

    [Fact]
    public void OnTransportError_OnlyBranch_Forwards500Instead503()
    {
        var (sut, actions) = CreateSut(0);
        actions.Clear();

        sut.OnTransportError(0, At(0.5), actions);

        Assert.Equal([Finish(ForkOutcome.Failed, 500)], actions);
    }

    [Theory]
    [InlineData(new[] { 404, 500 }, nameof(ForkOutcome.Failed), 404)]
    [InlineData(new[] { 500, 302 }, nameof(ForkOutcome.Failed), 302)]
    [InlineData(new[] { 404, 486 }, nameof(ForkOutcome.Busy), 486)]
    [InlineData(new[] { 486, 407 }, nameof(ForkOutcome.Busy), 407)]
    [InlineData(new[] { 408, 480 }, nameof(ForkOutcome.Failed), 480)]
    [InlineData(new[] { 404, 484 }, nameof(ForkOutcome.Failed), 484)]
    [InlineData(new[] { 486, 603 }, nameof(ForkOutcome.Busy), 603)]
    [InlineData(new[] { 503, 502 }, nameof(ForkOutcome.Failed), 502)]
    [InlineData(new[] { 503, 503 }, nameof(ForkOutcome.Failed), 500)]
    [InlineData(new[] { 486, 500 }, nameof(ForkOutcome.Busy), 486)]
    [InlineData(new[] { 480, 404 }, nameof(ForkOutcome.Failed), 404)]
    public void OnFinal_AllBranchesFail_ChoosesTheBestResponse(int[] statuses, string outcomeName, int expected)
    {
        var outcome = Enum.Parse<ForkOutcome>(outcomeName);
        var (sut, actions) = CreateSut(new double[statuses.Length], 25);
        for (var i = 0; i < statuses.Length; i++)
        {
            sut.OnFinal(i, statuses[i], At(i + 1), actions);
        }

        Assert.Equal(outcome, sut.Outcome);
        Assert.Equal(expected, sut.FinalStatusCode);
        Assert.Equal(Finish(outcome, expected), actions[^1]);
    }

    [Fact]
    public void OnFinal_BestResponse_DoesNotDependOnArrivalOrder()
    {
        int[] statuses = [500, 404, 486, 408, 302, 503];
        foreach (var order in new[] { statuses, statuses.Reverse().ToArray() })
        {
            var (sut, actions) = CreateSut(new double[order.Length], 25);
            for (var i = 0; i < order.Length; i++)
            {
                sut.OnFinal(i, order[i], At(1), actions);
            }

            Assert.Equal(302, sut.FinalStatusCode);
            Assert.Equal(ForkOutcome.Busy, sut.Outcome);
        }
    }

    [Fact]
    public void NextDeadline_FollowsPendingStartsThenTheRingTimeout()
    {
        var sut = new CallFork([Duration.FromSeconds(5), Duration.Zero, Duration.FromSeconds(3)], RingFor, T0);
        var actions = new List<ForkAction>();
        Assert.Equal(T0, sut.NextDeadline);

        sut.Start(T0, actions);
        Assert.Equal(At(3), sut.NextDeadline);

        sut.Tick(At(3), actions);
        Assert.Equal(At(5), sut.NextDeadline);

        sut.Tick(At(5), actions);
        Assert.Equal(At(25), sut.NextDeadline);
        Assert.Equal([Start(1), Start(2), Start(0)], actions);

        sut.Tick(At(25), actions);
        Assert.Null(sut.NextDeadline);
    }

    [Fact]
    public void Methods_BeforeStart_Throw()
    {
        var sut = new CallFork([Duration.Zero], RingFor, T0);
        var actions = new List<ForkAction>();

        Assert.Throws<InvalidOperationException>(() => sut.Tick(T0, actions));
        Assert.Throws<InvalidOperationException>(() => sut.OnFinal(0, 200, T0, actions));
        Assert.Throws<InvalidOperationException>(() => sut.OnCallerCancel(T0, actions));
    }

    [Fact]
    public void Start_Twice_Throws()
    {
        var (sut, actions) = CreateSut(0);

        Assert.Throws<InvalidOperationException>(() => sut.Start(T0, actions));
    }

    [Fact]
    public void Arguments_OutOfRange_Throw()
    {
        var (sut, actions) = CreateSut(0);

        Assert.Throws<ArgumentOutOfRangeException>(() => new CallFork([Duration.FromSeconds(-1)], RingFor, T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sut.OnFinal(1, 200, T0, actions));
        Assert.Throws<ArgumentOutOfRangeException>(() => sut.OnFinal(0, 180, T0, actions));
        Assert.Throws<ArgumentOutOfRangeException>(() => sut.OnFinal(0, 700, T0, actions));
        Assert.Throws<ArgumentOutOfRangeException>(() => sut.OnProvisional(0, 200, T0, actions));
        Assert.Throws<ArgumentOutOfRangeException>(() => sut.StateOf(-1));
    }

    private static (CallFork Sut, List<ForkAction> Actions) CreateSut(params double[] delaySeconds) => CreateSut(delaySeconds, RingFor.TotalSeconds);

    private static (CallFork Sut, List<ForkAction> Actions) CreateSut(double[] delaySeconds, double ringTimeoutSeconds)
    {
        var sut = new CallFork(delaySeconds.Select(Duration.FromSeconds).ToArray(), Duration.FromSeconds(ringTimeoutSeconds), T0);
        var actions = new List<ForkAction>();
        sut.Start(T0, actions);
        return (sut, actions);
    }

    private static Instant At(double seconds) => T0 + Duration.FromSeconds(seconds);

    private static ForkAction Start(int branch) => new(ForkActionKind.StartBranch, branch, 0, ForkOutcome.None);

    private static ForkAction Cancel(int branch) => new(ForkActionKind.CancelBranch, branch, 0, ForkOutcome.None);

    private static ForkAction Finish(ForkOutcome outcome, int status) => new(ForkActionKind.Finish, -1, status, outcome);
}
