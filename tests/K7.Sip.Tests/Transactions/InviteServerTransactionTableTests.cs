using K7.Sip.Transactions;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Transactions;

public sealed class InviteServerTransactionTableTests
{
    private static readonly TransactionKey Key = new("z9hG4bKinvite1", "192.0.2.10:5060", "INVITE");
    private static readonly byte[] Trying = "SIP/2.0 100 Trying\r\n\r\n"u8.ToArray();
    private static readonly byte[] Ringing = "SIP/2.0 180 Ringing\r\n\r\n"u8.ToArray();
    private static readonly byte[] Ok = "SIP/2.0 200 OK\r\n\r\n"u8.ToArray();
    private static readonly byte[] Busy = "SIP/2.0 486 Busy Here\r\n\r\n"u8.ToArray();

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));

    private static InviteServerTransactionTable<string> CreateSut(int maxTransactions = 1000) => new(new SipTimerOptions(), maxTransactions);

    private Instant Now => _clock.GetCurrentInstant();

    private InviteServerMatch Invite(InviteServerTransactionTable<string> sut, bool reliable = false, string target = "caller") =>
        sut.OnInvite(Key, reliable, target, Now, out _, out _);

    /// <summary>Ticks every 10 ms for <paramref name="total"/>; returns the seconds (from the start) of each retransmission and Timer H expiry.</summary>
    private (List<double> Retransmits, List<double> AckTimeouts) RunFor(InviteServerTransactionTable<string> sut, Duration total)
    {
        var start = Now;
        var retransmits = new List<double>();
        var timeouts = new List<double>();
        var sends = new List<(ReadOnlyMemory<byte>, string)>();
        var keys = new List<TransactionKey>();
        while (Now - start < total)
        {
            _clock.Advance(Duration.FromMilliseconds(10));
            sends.Clear();
            keys.Clear();
            sut.Tick(Now, sends, keys);
            var at = Math.Round((Now - start).TotalSeconds, 2);
            retransmits.AddRange(sends.Select(_ => at));
            timeouts.AddRange(keys.Select(_ => at));
        }

        return (retransmits, timeouts);
    }

    [Fact]
    public void OnInvite_FirstTime_IsNewAndProceeding()
    {
        var sut = CreateSut();
        Assert.Equal(InviteServerMatch.New, Invite(sut));
        Assert.Equal(1, sut.Count);
        Assert.True(sut.TryGetState(Key, out var state));
        Assert.Equal(InviteServerState.Proceeding, state);
    }

    [Fact]
    public void OnInvite_RetransmissionBeforeAnyResponse_HasNothingToResend()
    {
        var sut = CreateSut();
        Invite(sut);
        Assert.Equal(InviteServerMatch.Retransmission, sut.OnInvite(Key, false, "other", Now, out var resend, out var target));
        Assert.True(resend.IsEmpty);
        Assert.Equal("caller", target);
    }

    [Fact]
    public void OnInvite_RetransmissionInProceeding_ResendsTheLastProvisional()
    {
        var sut = CreateSut();
        Invite(sut);
        sut.OnResponse(Key, 100, Trying, Now);
        sut.OnResponse(Key, 180, Ringing, Now);
        Assert.Equal(InviteServerMatch.Retransmission, sut.OnInvite(Key, false, "other", Now, out var resend, out var target));
        Assert.Equal(Ringing, resend.ToArray());
        Assert.Equal("caller", target);
    }

    [Fact]
    public void OnInvite_RetransmissionInCompleted_ResendsTheFinal()
    {
        var sut = CreateSut();
        Invite(sut);
        sut.OnResponse(Key, 180, Ringing, Now);
        sut.OnResponse(Key, 486, Busy, Now);
        Assert.Equal(InviteServerMatch.Retransmission, sut.OnInvite(Key, false, "other", Now, out var resend, out var target));
        Assert.Equal(Busy, resend.ToArray());
        Assert.Equal("caller", target);
    }

    [Fact]
    public void OnInvite_RetransmissionInConfirmed_IsAbsorbed()
    {
        var sut = CreateSut();
        Invite(sut);
        sut.OnResponse(Key, 486, Busy, Now);
        Assert.True(sut.OnAck(Key, Now));
        Assert.Equal(InviteServerMatch.Retransmission, sut.OnInvite(Key, false, "other", Now, out var resend, out _));
        Assert.True(resend.IsEmpty);
    }

    [Fact]
    public void OnInvite_RetransmissionInAccepted_IsAbsorbed()
    {
        var sut = CreateSut();
        Invite(sut);
        sut.OnResponse(Key, 180, Ringing, Now);
        sut.OnResponse(Key, 200, Ok, Now);
        Assert.True(sut.TryGetState(Key, out var state));
        Assert.Equal(InviteServerState.Accepted, state);
        Assert.Equal(InviteServerMatch.Retransmission, sut.OnInvite(Key, false, "other", Now, out var resend, out _));
        Assert.True(resend.IsEmpty);
    }

    [Fact]
    public void OnInvite_TableFull_ReturnsFullAndCreatesNothing()
    {
        var sut = CreateSut(maxTransactions: 2);
        Assert.Equal(InviteServerMatch.New, sut.OnInvite(Key with { Branch = "z9hG4bK-1" }, false, "a", Now, out _, out _));
        Assert.Equal(InviteServerMatch.New, sut.OnInvite(Key with { Branch = "z9hG4bK-2" }, false, "a", Now, out _, out _));
        Assert.Equal(InviteServerMatch.Full, sut.OnInvite(Key with { Branch = "z9hG4bK-3" }, false, "a", Now, out var resend, out var target));
        Assert.True(resend.IsEmpty);
        Assert.Null(target);
        Assert.Equal(2, sut.Count);
        Assert.False(sut.TryGetState(Key with { Branch = "z9hG4bK-3" }, out _));

        // Retransmissions of live transactions still match, and room comes back once one ends.
        Assert.Equal(InviteServerMatch.Retransmission, sut.OnInvite(Key with { Branch = "z9hG4bK-1" }, false, "a", Now, out _, out _));
        sut.OnResponse(Key with { Branch = "z9hG4bK-1" }, 200, Ok, Now);
        RunFor(sut, Duration.FromSeconds(32));
        Assert.Equal(InviteServerMatch.New, sut.OnInvite(Key with { Branch = "z9hG4bK-3" }, false, "a", Now, out _, out _));
    }

    [Fact]
    public void Tick_FinalOverUnreliable_RetransmitsOnTimerGUntilTimerH()
    {
        var sut = CreateSut();
        Invite(sut);
        sut.OnResponse(Key, 486, Busy, Now);
        var (retransmits, timeouts) = RunFor(sut, Duration.FromSeconds(40));
        // T1, then doubling, capped at T2 = 4 s; Timer H = 64 × T1 = 32 s.
        Assert.Equal([0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], retransmits);
        Assert.Equal([32.0], timeouts);
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void Tick_TimerG_ResendsTheFinalToTheTarget()
    {
        var sut = CreateSut();
        Invite(sut);
        sut.OnResponse(Key, 486, Busy, Now);
        _clock.Advance(Duration.FromMilliseconds(500));
        var sends = new List<(ReadOnlyMemory<byte> Response, string Target)>();
        sut.Tick(Now, sends, []);
        var (response, target) = Assert.Single(sends);
        Assert.Equal(Busy, response.ToArray());
        Assert.Equal("caller", target);
    }

    [Fact]
    public void Tick_TimerH_ReportsTheKeyExactlyAt64T1()
    {
        var sut = CreateSut();
        Invite(sut, reliable: true);
        sut.OnResponse(Key, 486, Busy, Now);
        var start = Now;
        var keys = new List<TransactionKey>();
        _clock.Advance(Duration.FromMilliseconds(31_999));
        sut.Tick(Now, [], keys);
        Assert.Empty(keys);
        _clock.Advance(Duration.FromMilliseconds(1));
        sut.Tick(Now, [], keys);
        Assert.Equal([Key], keys);
        Assert.Equal(Duration.FromSeconds(32), Now - start);
        Assert.False(sut.TryGetState(Key, out _));
    }

    [Fact]
    public void Tick_FinalOverReliable_NeverRetransmits()
    {
        var sut = CreateSut();
        Invite(sut, reliable: true);
        sut.OnResponse(Key, 486, Busy, Now);
        var (retransmits, timeouts) = RunFor(sut, Duration.FromSeconds(33));
        Assert.Empty(retransmits);
        Assert.Equal([32.0], timeouts);
    }

    [Fact]
    public void OnAck_InCompleted_ConfirmsStopsTimerGAndEndsOnTimerI()
    {
        var sut = CreateSut();
        Invite(sut);
        sut.OnResponse(Key, 486, Busy, Now);
        RunFor(sut, Duration.FromSeconds(2)); // retransmits at 0.5 and 1.5
        Assert.True(sut.OnAck(Key, Now));
        Assert.True(sut.TryGetState(Key, out var state));
        Assert.Equal(InviteServerState.Confirmed, state);

        // Timer I = T4 = 5 s; no more retransmissions, no Timer H report.
        var (retransmits, timeouts) = RunFor(sut, Duration.FromMilliseconds(4_990));
        Assert.Empty(retransmits);
        Assert.Equal(1, sut.Count);
        Assert.True(sut.OnAck(Key, Now)); // a retransmitted ACK is absorbed
        RunFor(sut, Duration.FromMilliseconds(10));
        Assert.Equal(0, sut.Count);
        (retransmits, timeouts) = RunFor(sut, Duration.FromSeconds(40));
        Assert.Empty(retransmits);
        Assert.Empty(timeouts);
        Assert.False(sut.OnAck(Key, Now));
    }

    [Fact]
    public void OnAck_InCompletedOverReliable_TerminatesAtOnce()
    {
        var sut = CreateSut();
        Invite(sut, reliable: true);
        sut.OnResponse(Key, 603, Busy, Now);
        Assert.True(sut.OnAck(Key, Now));
        Assert.Equal(0, sut.Count);
        var (_, timeouts) = RunFor(sut, Duration.FromSeconds(33));
        Assert.Empty(timeouts);
    }

    [Fact]
    public void OnAck_InProceedingOrAcceptedOrUnknown_IsNotForTheTransaction()
    {
        var sut = CreateSut();
        Assert.False(sut.OnAck(Key, Now));
        Invite(sut);
        Assert.False(sut.OnAck(Key, Now));
        sut.OnResponse(Key, 200, Ok, Now);
        Assert.False(sut.OnAck(Key, Now));
        Assert.True(sut.TryGetState(Key, out var state));
        Assert.Equal(InviteServerState.Accepted, state);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Tick_Accepted_EndsOnTimerLWithoutRetransmitting(bool reliable)
    {
        var sut = CreateSut();
        Invite(sut, reliable);
        sut.OnResponse(Key, 200, Ok, Now);
        var (retransmits, timeouts) = RunFor(sut, Duration.FromMilliseconds(31_990));
        Assert.Empty(retransmits);
        Assert.Equal(1, sut.Count);
        RunFor(sut, Duration.FromMilliseconds(10)); // Timer L = 64 × T1 = 32 s
        Assert.Equal(0, sut.Count);
        Assert.Empty(timeouts);
    }

    [Fact]
    public void OnResponse_2xxInAccepted_IsAllowedAndKeepsTimerL()
    {
        var sut = CreateSut();
        Invite(sut);
        sut.OnResponse(Key, 200, Ok, Now);
        _clock.Advance(Duration.FromSeconds(20));
        sut.OnResponse(Key, 200, Ok, Now);
        Assert.True(sut.TryGetState(Key, out var state));
        Assert.Equal(InviteServerState.Accepted, state);
        RunFor(sut, Duration.FromSeconds(12));
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void OnResponse_AfterFinal_IsIgnored()
    {
        var sut = CreateSut();
        Invite(sut);
        sut.OnResponse(Key, 486, Busy, Now);
        sut.OnResponse(Key, 200, Ok, Now);
        sut.OnResponse(Key, 180, Ringing, Now);
        Assert.True(sut.TryGetState(Key, out var state));
        Assert.Equal(InviteServerState.Completed, state);
        sut.OnInvite(Key, false, "caller", Now, out var resend, out _);
        Assert.Equal(Busy, resend.ToArray());

        var accepted = Key with { Branch = "z9hG4bK-accepted" };
        sut.OnInvite(accepted, false, "caller", Now, out _, out _);
        sut.OnResponse(accepted, 200, Ok, Now);
        sut.OnResponse(accepted, 486, Busy, Now);
        Assert.True(sut.TryGetState(accepted, out state));
        Assert.Equal(InviteServerState.Accepted, state);
    }

    [Fact]
    public void OnResponse_UnknownKey_IsIgnored()
    {
        var sut = CreateSut();
        sut.OnResponse(Key, 200, Ok, Now);
        Assert.Equal(0, sut.Count);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(700)]
    public void OnResponse_InvalidStatusCode_Throws(int statusCode)
    {
        var sut = CreateSut();
        Invite(sut);
        Assert.Throws<ArgumentOutOfRangeException>(() => sut.OnResponse(Key, statusCode, Ok, Now));
    }

    [Fact]
    public void OnInvite_AfterTermination_StartsANewTransaction()
    {
        var sut = CreateSut();
        Invite(sut);
        sut.OnResponse(Key, 486, Busy, Now);
        RunFor(sut, Duration.FromSeconds(32));
        Assert.Equal(InviteServerMatch.New, Invite(sut));
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new InviteServerTransactionTable<string>(null!, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InviteServerTransactionTable<string>(new SipTimerOptions(), 0));
    }
}
