using K7.Sip.Transactions;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Transactions;

public sealed class ServerTransactionTableTests
{
    private static readonly TransactionKey Key = new("z9hG4bK776asdhds", "127.0.0.1:5080", "REGISTER");
    private static readonly byte[] Final = "SIP/2.0 200 OK\r\n\r\n"u8.ToArray();
    private static readonly byte[] Provisional = "SIP/2.0 100 Trying\r\n\r\n"u8.ToArray();

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));

    private static ServerTransactionTable<string> CreateSut(int capacity = 1000) => new(new SipTimerOptions(), capacity);

    [Fact]
    public void OnRequest_FirstTime_IsNew()
    {
        var sut = CreateSut();
        Assert.Equal(ServerRequestMatch.New, sut.OnRequest(Key, reliable: false, "a", _clock.GetCurrentInstant(), out _, out _));
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void OnRequest_RetransmissionBeforeAnyResponse_IsAbsorbed()
    {
        var sut = CreateSut();
        sut.OnRequest(Key, false, "a", _clock.GetCurrentInstant(), out _, out _);
        Assert.Equal(ServerRequestMatch.Absorbed, sut.OnRequest(Key, false, "b", _clock.GetCurrentInstant(), out var response, out _));
        Assert.True(response.IsEmpty);
    }

    [Fact]
    public void OnRequest_RetransmissionInProceeding_ResendsTheProvisionalResponse()
    {
        var sut = CreateSut();
        sut.OnRequest(Key, false, "a", _clock.GetCurrentInstant(), out _, out _);
        sut.OnResponse(Key, 100, Provisional, _clock.GetCurrentInstant());
        Assert.Equal(ServerRequestMatch.Resend, sut.OnRequest(Key, false, "b", _clock.GetCurrentInstant(), out var response, out var target));
        Assert.Equal(Provisional, response.ToArray());
        Assert.Equal("a", target);
    }

    [Fact]
    public void OnRequest_RetransmissionInCompleted_ResendsTheFinalResponseUntilTimerJ()
    {
        var sut = CreateSut();
        sut.OnRequest(Key, false, "a", _clock.GetCurrentInstant(), out _, out _);
        sut.OnResponse(Key, 200, Final, _clock.GetCurrentInstant());

        _clock.Advance(Duration.FromSeconds(31));
        sut.Purge(_clock.GetCurrentInstant());
        Assert.Equal(ServerRequestMatch.Resend, sut.OnRequest(Key, false, "b", _clock.GetCurrentInstant(), out var response, out _));
        Assert.Equal(Final, response.ToArray());

        _clock.Advance(Duration.FromSeconds(1)); // Timer J = 64 × T1 = 32 s
        Assert.Equal(1, sut.Purge(_clock.GetCurrentInstant()));
        Assert.Equal(0, sut.Count);
        Assert.Equal(ServerRequestMatch.New, sut.OnRequest(Key, false, "c", _clock.GetCurrentInstant(), out _, out _));
    }

    [Fact]
    public void OnResponse_FinalOverReliableTransport_TerminatesAtOnce()
    {
        var sut = CreateSut();
        sut.OnRequest(Key, reliable: true, "a", _clock.GetCurrentInstant(), out _, out _);
        sut.OnResponse(Key, 401, Final, _clock.GetCurrentInstant());
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void OnResponse_SecondFinalResponse_IsRefused()
    {
        var sut = CreateSut();
        sut.OnRequest(Key, false, "a", _clock.GetCurrentInstant(), out _, out _);
        Assert.True(sut.OnResponse(Key, 200, Final, _clock.GetCurrentInstant()));
        Assert.False(sut.OnResponse(Key, 500, Provisional, _clock.GetCurrentInstant()));
    }

    [Fact]
    public void OnResponse_UnknownKey_ReturnsFalse()
    {
        Assert.False(CreateSut().OnResponse(Key, 200, Final, _clock.GetCurrentInstant()));
    }

    [Fact]
    public void Purge_UnansweredTransaction_EndsAfterTwiceTheTransactionTimeout()
    {
        var sut = CreateSut();
        sut.OnRequest(Key, false, "a", _clock.GetCurrentInstant(), out _, out _);
        _clock.Advance(Duration.FromSeconds(63));
        Assert.Equal(0, sut.Purge(_clock.GetCurrentInstant()));
        _clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(1, sut.Purge(_clock.GetCurrentInstant()));
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void Purge_OverCapacity_ShedsTheOldestCompleted()
    {
        var sut = CreateSut(capacity: 2);
        for (var i = 0; i < 4; i++)
        {
            var key = Key with { Branch = "z9hG4bK-" + i };
            sut.OnRequest(key, false, "a", _clock.GetCurrentInstant(), out _, out _);
            sut.OnResponse(key, 200, Final, _clock.GetCurrentInstant());
        }

        Assert.Equal(2, sut.Purge(_clock.GetCurrentInstant()));
        Assert.Equal(2, sut.Count);
        Assert.Equal(ServerRequestMatch.Resend, sut.OnRequest(Key with { Branch = "z9hG4bK-3" }, false, "a", _clock.GetCurrentInstant(), out _, out _));
        Assert.Equal(ServerRequestMatch.New, sut.OnRequest(Key with { Branch = "z9hG4bK-0" }, false, "a", _clock.GetCurrentInstant(), out _, out _));
    }

    [Fact]
    public void Purge_DoesNotEndTransactionsStillWithinTimerJ()
    {
        var sut = CreateSut();
        sut.OnRequest(Key, false, "a", _clock.GetCurrentInstant(), out _, out _);
        _clock.Advance(Duration.FromSeconds(10));
        var later = Key with { Branch = "z9hG4bK-later" };
        sut.OnRequest(later, false, "a", _clock.GetCurrentInstant(), out _, out _);
        sut.OnResponse(later, 200, Final, _clock.GetCurrentInstant());
        sut.OnResponse(Key, 200, Final, _clock.GetCurrentInstant());

        _clock.Advance(Duration.FromSeconds(32));
        Assert.Equal(2, sut.Purge(_clock.GetCurrentInstant()));
    }

    [Theory]
    [InlineData("z9hG4bK776asdhds", true)]
    [InlineData("z9hG4bK", false)]
    [InlineData("776asdhds", false)]
    [InlineData(null, false)]
    public void IsRfc3261Branch_NeedsTheCookieAndMore(string? branch, bool expected)
    {
        Assert.Equal(expected, TransactionKey.IsRfc3261Branch(branch));
    }
}
