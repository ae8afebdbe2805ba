using K7.Sip.Transactions;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Transactions;

public sealed class InviteClientTransactionTableTests
{
    private static readonly TransactionKey Key = new("z9hG4bKbranch1", "192.0.2.1:5060", "INVITE");
    private static readonly byte[] Invite = "INVITE sip:bob@192.0.2.20 SIP/2.0\r\n\r\n"u8.ToArray();

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));
    private readonly RecordingSink _sink = new();

    private static InviteClientTransactionTable<string, string> CreateSut() => new(new SipTimerOptions());

    private static ReadOnlyMemory<byte> AckFor(string response) => System.Text.Encoding.ASCII.GetBytes("ACK for " + response);

    private Instant Now => _clock.GetCurrentInstant();

    private void Start(InviteClientTransactionTable<string, string> sut, bool reliable = false) =>
        sut.Start(Key, Invite, "callee", reliable, Now, _sink, AckFor);

    private bool Respond(InviteClientTransactionTable<string, string> sut, int statusCode, string response) =>
        sut.OnResponse(Key, statusCode, response, Now, out _, out _);

    /// <summary>Ticks every 10 ms for <paramref name="total"/>; returns the seconds (from the start) of each retransmission.</summary>
    private List<double> RunFor(InviteClientTransactionTable<string, string> sut, Duration total)
    {
        var start = Now;
        var sentAt = new List<double>();
        var sends = new List<(ReadOnlyMemory<byte>, string)>();
        while (Now - start < total)
        {
            _clock.Advance(Duration.FromMilliseconds(10));
            sends.Clear();
            sut.Tick(Now, sends);
            var at = Math.Round((Now - start).TotalSeconds, 2);
            sentAt.AddRange(sends.Select(_ => at));
        }

        return sentAt;
    }

    private InviteClientState StateOf(InviteClientTransactionTable<string, string> sut)
    {
        Assert.True(sut.TryGetState(Key, out var state));
        return state;
    }

    [Fact]
    public void Start_IsCalling()
    {
        var sut = CreateSut();
        Start(sut);
        Assert.Equal(1, sut.Count);
        Assert.Equal(InviteClientState.Calling, StateOf(sut));
    }

    [Fact]
    public void Tick_Unreliable_RetransmitsOnTimerADoublingWithoutCapThenTimesOutOnTimerB()
    {
        var sut = CreateSut();
        Start(sut);
        var sentAt = RunFor(sut, Duration.FromMilliseconds(31_990));
        // T1, 2 × T1, 4 × T1, 8 × T1, 16 × T1, 32 × T1 apart: no T2 cap for INVITE.
        Assert.Equal([0.5, 1.5, 3.5, 7.5, 15.5, 31.5], sentAt);
        Assert.Equal(0, _sink.Timeouts);
        Assert.Equal(1, sut.Count);

        Assert.Empty(RunFor(sut, Duration.FromMilliseconds(10))); // Timer B = 64 × T1 = 32 s
        Assert.Equal(1, _sink.Timeouts);
        Assert.Equal(0, sut.Count);
        Assert.False(Respond(sut, 180, "late"));
        Assert.Equal(["timeout"], _sink.Calls);
    }

    [Fact]
    public void Tick_TimerA_ResendsTheRequestToTheTarget()
    {
        var sut = CreateSut();
        Start(sut);
        _clock.Advance(Duration.FromMilliseconds(500));
        var sends = new List<(ReadOnlyMemory<byte> Bytes, string Target)>();
        sut.Tick(Now, sends);
        var (bytes, target) = Assert.Single(sends);
        Assert.Equal(Invite, bytes.ToArray());
        Assert.Equal("callee", target);
    }

    [Fact]
    public void Tick_Reliable_NeverRetransmitsButTimesOutOnTimerB()
    {
        var sut = CreateSut();
        Start(sut, reliable: true);
        Assert.Empty(RunFor(sut, Duration.FromMilliseconds(31_990)));
        Assert.Equal(0, _sink.Timeouts);
        RunFor(sut, Duration.FromMilliseconds(10));
        Assert.Equal(1, _sink.Timeouts);
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void OnResponse_Provisional_StopsTimersAAndB()
    {
        var sut = CreateSut();
        Start(sut);
        RunFor(sut, Duration.FromSeconds(1)); // one retransmission at 0.5
        Assert.True(Respond(sut, 180, "Ringing"));
        Assert.Equal(InviteClientState.Proceeding, StateOf(sut));
        Assert.Equal(["provisional 180 Ringing"], _sink.Calls);

        Assert.Empty(RunFor(sut, Duration.FromSeconds(120)));
        Assert.Equal(0, _sink.Timeouts);
        Assert.Equal(InviteClientState.Proceeding, StateOf(sut));

        Assert.True(Respond(sut, 183, "Session Progress"));
        Assert.Equal(["provisional 180 Ringing", "provisional 183 Session Progress"], _sink.Calls);
    }

    [Fact]
    public void OnResponse_2xx_AcceptsAndForwardsRetransmissionsUntilTimerM()
    {
        var sut = CreateSut();
        Start(sut);
        Respond(sut, 180, "Ringing");
        Assert.True(sut.OnResponse(Key, 200, "OK", Now, out var ack, out var ackTarget));
        Assert.True(ack.IsEmpty); // the ACK for a 2xx is the transaction user's
        Assert.Null(ackTarget);
        Assert.Equal(InviteClientState.Accepted, StateOf(sut));

        Assert.Empty(RunFor(sut, Duration.FromSeconds(10)));
        Assert.True(Respond(sut, 200, "OK again"));
        Assert.True(Respond(sut, 180, "late provisional"));
        Assert.True(Respond(sut, 486, "late failure"));
        Assert.Equal(["provisional 180 Ringing", "final 200 OK", "2xx OK again"], _sink.Calls);

        RunFor(sut, Duration.FromMilliseconds(21_990));
        Assert.Equal(1, sut.Count);
        RunFor(sut, Duration.FromMilliseconds(10)); // Timer M = 64 × T1 = 32 s
        Assert.Equal(0, sut.Count);
        Assert.False(Respond(sut, 200, "OK after M"));
    }

    [Fact]
    public void OnResponse_2xxInCalling_StopsTimerA()
    {
        var sut = CreateSut();
        Start(sut);
        Respond(sut, 200, "OK");
        Assert.Empty(RunFor(sut, Duration.FromSeconds(40)));
        Assert.Equal(0, _sink.Timeouts);
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void OnResponse_Failure_ReturnsTheAckAndResendsItForRetransmissionsUntilTimerD()
    {
        var sut = CreateSut();
        Start(sut);
        Assert.True(sut.OnResponse(Key, 486, "Busy", Now, out var ack, out var ackTarget));
        Assert.Equal("ACK for Busy", System.Text.Encoding.ASCII.GetString(ack.Span));
        Assert.Equal("callee", ackTarget);
        Assert.Equal(InviteClientState.Completed, StateOf(sut));
        Assert.Equal(["final 486 Busy"], _sink.Calls);

        Assert.Empty(RunFor(sut, Duration.FromSeconds(5))); // Timer A stopped
        Assert.True(sut.OnResponse(Key, 486, "Busy (retransmitted)", Now, out var again, out ackTarget));
        Assert.Equal("ACK for Busy", System.Text.Encoding.ASCII.GetString(again.Span)); // the same ACK
        Assert.Equal("callee", ackTarget);
        Assert.True(Respond(sut, 200, "OK in Completed"));
        Assert.Equal(["final 486 Busy"], _sink.Calls);

        RunFor(sut, Duration.FromMilliseconds(26_990));
        Assert.Equal(1, sut.Count);
        RunFor(sut, Duration.FromMilliseconds(10)); // Timer D = 32 s
        Assert.Equal(0, sut.Count);
        Assert.False(sut.OnResponse(Key, 486, "Busy", Now, out ack, out _));
        Assert.True(ack.IsEmpty);
    }

    [Fact]
    public void OnResponse_FailureOverReliable_TerminatesAtOnceWithTheAck()
    {
        var sut = CreateSut();
        Start(sut, reliable: true);
        Assert.True(sut.OnResponse(Key, 603, "Decline", Now, out var ack, out _));
        Assert.False(ack.IsEmpty);
        Assert.Equal(0, sut.Count); // Timer D is zero
        Assert.Equal(["final 603 Decline"], _sink.Calls);
    }

    [Fact]
    public void OnResponse_Accepted_LastsTimerMOnReliableTransportsToo()
    {
        var sut = CreateSut();
        Start(sut, reliable: true);
        Respond(sut, 200, "OK");
        RunFor(sut, Duration.FromMilliseconds(31_990));
        Assert.Equal(1, sut.Count);
        RunFor(sut, Duration.FromMilliseconds(10));
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void OnResponse_AckForThrows_LeavesTheTransactionUnchanged()
    {
        var sut = CreateSut();
        sut.Start(Key, Invite, "callee", false, Now, _sink, _ => throw new InvalidOperationException("no ACK"));
        Assert.Throws<InvalidOperationException>(() => Respond(sut, 486, "Busy"));
        Assert.Equal(InviteClientState.Calling, StateOf(sut));
        Assert.Empty(_sink.Calls);
    }

    [Fact]
    public void OnResponse_SinkThrows_StateIsAlreadyUpdated()
    {
        var sut = CreateSut();
        var sink = new RecordingSink { ThrowOnFinal = true };
        sut.Start(Key, Invite, "callee", false, Now, sink, AckFor);
        Assert.Throws<InvalidOperationException>(() => sut.OnResponse(Key, 486, "Busy", Now, out _, out _));
        Assert.Equal(InviteClientState.Completed, StateOf(sut));
        Assert.True(sut.OnResponse(Key, 486, "Busy", Now, out var ack, out _)); // the retransmission gets the ACK
        Assert.False(ack.IsEmpty);
        Assert.Equal(1, sink.Finals);
    }

    [Fact]
    public void OnResponse_UnknownKey_ReturnsFalse()
    {
        Assert.False(CreateSut().OnResponse(Key, 200, "OK", Now, out var ack, out var target));
        Assert.True(ack.IsEmpty);
        Assert.Null(target);
    }

    [Fact]
    public void OnTransportError_InCallingOrProceeding_EndsAndInforms()
    {
        var sut = CreateSut();
        Start(sut);
        sut.OnTransportError(Key);
        Assert.Equal(0, sut.Count);
        Assert.Equal(["transport error"], _sink.Calls);
        Assert.Empty(RunFor(sut, Duration.FromSeconds(40)));
        Assert.Equal(0, _sink.Timeouts);

        Start(sut);
        Respond(sut, 180, "Ringing");
        sut.OnTransportError(Key);
        Assert.Equal(0, sut.Count);
        Assert.Equal(["transport error", "provisional 180 Ringing", "transport error"], _sink.Calls);
    }

    [Fact]
    public void OnTransportError_AfterFinal_DoesNotInform()
    {
        var sut = CreateSut();
        Start(sut);
        Respond(sut, 486, "Busy");
        sut.OnTransportError(Key);
        Assert.Equal(0, sut.Count); // Completed ends quietly

        Start(sut);
        Respond(sut, 200, "OK");
        sut.OnTransportError(Key);
        Assert.Equal(InviteClientState.Accepted, StateOf(sut)); // Accepted still forwards 2xx
        Assert.Equal(["final 486 Busy", "final 200 OK"], _sink.Calls);
    }

    [Fact]
    public void OnTransportError_UnknownKey_IsIgnored()
    {
        var sut = CreateSut();
        sut.OnTransportError(Key);
        Assert.Empty(_sink.Calls);
    }

    [Fact]
    public void Terminate_InProceeding_RemovesQuietly()
    {
        var sut = CreateSut();
        Start(sut);
        Respond(sut, 180, "Ringing");
        Assert.True(sut.Terminate(Key));
        Assert.False(sut.Terminate(Key));
        Assert.Equal(0, sut.Count);
        Assert.Equal(["provisional 180 Ringing"], _sink.Calls);
    }

    [Fact]
    public void Start_SameKeyTwice_Throws()
    {
        var sut = CreateSut();
        Start(sut);
        Assert.Throws<InvalidOperationException>(() => Start(sut));
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Tick_SinkThrowsOnTimeout_OtherSinksStillRunAndTheTableIsConsistent()
    {
        var sut = CreateSut();
        var failing = new RecordingSink { ThrowOnTimeout = true };
        sut.Start(Key with { Branch = "z9hG4bK-a" }, Invite, "a", false, Now, failing, AckFor);
        sut.Start(Key with { Branch = "z9hG4bK-b" }, Invite, "b", false, Now, _sink, AckFor);
        _clock.Advance(Duration.FromSeconds(32));
        var sends = new List<(ReadOnlyMemory<byte>, string)>();
        Assert.Throws<InvalidOperationException>(() => sut.Tick(Now, sends));
        Assert.Equal(1, failing.Timeouts);
        Assert.Equal(1, _sink.Timeouts);
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void Sink_MayCallBackIntoTheTable()
    {
        var sut = CreateSut();
        var sink = new RecordingSink();
        sink.OnFinalCallback = () => Assert.True(sut.TryGetState(Key, out _));
        sut.Start(Key, Invite, "callee", false, Now, sink, AckFor);
        sut.OnResponse(Key, 486, "Busy", Now, out _, out _);
        Assert.Equal(1, sink.Finals);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(700)]
    public void OnResponse_InvalidStatusCode_Throws(int statusCode)
    {
        var sut = CreateSut();
        Start(sut);
        Assert.Throws<ArgumentOutOfRangeException>(() => Respond(sut, statusCode, "bad"));
    }

    internal sealed class RecordingSink : IInviteClientSink<string>
    {
        public List<string> Calls { get; } = [];

        public int Finals { get; private set; }

        public int Timeouts { get; private set; }

        public bool ThrowOnFinal { get; init; }

        public bool ThrowOnTimeout { get; init; }

        public Action? OnFinalCallback { get; set; }

        public void OnProvisional(int statusCode, string response) => Calls.Add($"provisional {statusCode} {response}");

        public void OnFinal(int statusCode, string response)
        {
            Finals++;
            Calls.Add($"final {statusCode} {response}");
            OnFinalCallback?.Invoke();
            if (ThrowOnFinal)
            {
                throw new InvalidOperationException("sink failed");
            }
        }

        public void On2xxRetransmission(string response) => Calls.Add($"2xx {response}");

        public void OnTimeout()
        {
            Timeouts++;
            Calls.Add("timeout");
            if (ThrowOnTimeout)
            {
                throw new InvalidOperationException("sink failed");
            }
        }

        public void OnTransportError() => Calls.Add("transport error");
    }
}
