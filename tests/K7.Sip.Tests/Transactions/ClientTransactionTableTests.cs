using K7.Sip.Transactions;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Transactions;

public sealed class ClientTransactionTableTests
{
    private static readonly TransactionKey Key = new("z9hG4bKqualify1", "127.0.0.1:5060", "OPTIONS");
    private static readonly byte[] Request = "OPTIONS sip:a@127.0.0.1 SIP/2.0\r\n\r\n"u8.ToArray();

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));

    private static ClientTransactionTable<string, string> CreateSut() => new(new SipTimerOptions());

    private List<double> RunUntil(ClientTransactionTable<string, string> sut, Duration total, Duration step)
    {
        var start = _clock.GetCurrentInstant();
        var sentAt = new List<double>();
        var due = new List<(ReadOnlyMemory<byte>, string)>();
        while (_clock.GetCurrentInstant() - start < total)
        {
            _clock.Advance(step);
            due.Clear();
            sut.Tick(_clock.GetCurrentInstant(), due);
            for (var i = 0; i < due.Count; i++)
            {
                sentAt.Add((_clock.GetCurrentInstant() - start).TotalSeconds);
            }
        }

        return sentAt;
    }

    [Fact]
    public void Tick_Unreliable_RetransmitsOnTimerEDoublingUpToT2()
    {
        var sut = CreateSut();
        sut.Start(Key, Request, "phone", reliable: false, _clock.GetCurrentInstant());
        var sentAt = RunUntil(sut, Duration.FromSeconds(20), Duration.FromMilliseconds(10));
        // 0.5, 1.5 (+1), 3.5 (+2), 7.5 (+4), then every 4 s (T2).
        Assert.Equal([0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5], sentAt.Select(s => Math.Round(s, 2)));
    }

    [Fact]
    public async Task Tick_NoAnswerWithinTimerF_TimesOut()
    {
        var sut = CreateSut();
        var result = sut.Start(Key, Request, "phone", reliable: false, _clock.GetCurrentInstant());
        RunUntil(sut, Duration.FromMilliseconds(31_990), Duration.FromMilliseconds(10));
        Assert.False(result.IsCompleted);
        RunUntil(sut, Duration.FromMilliseconds(10), Duration.FromMilliseconds(10));
        Assert.Equal(ClientTransactionOutcome.TimedOut, (await result).Outcome);
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void Tick_Reliable_NeverRetransmits()
    {
        var sut = CreateSut();
        sut.Start(Key, Request, "phone", reliable: true, _clock.GetCurrentInstant());
        Assert.Empty(RunUntil(sut, Duration.FromSeconds(20), Duration.FromMilliseconds(100)));
    }

    [Fact]
    public void OnResponse_Provisional_RetransmitsEveryT2()
    {
        var sut = CreateSut();
        sut.Start(Key, Request, "phone", reliable: false, _clock.GetCurrentInstant());
        sut.OnResponse(Key, 100, "Trying", _clock.GetCurrentInstant());
        var sentAt = RunUntil(sut, Duration.FromSeconds(9), Duration.FromMilliseconds(10));
        Assert.Equal([0.5, 4.5, 8.5], sentAt.Select(s => Math.Round(s, 2)));
    }

    [Fact]
    public async Task OnResponse_Final_CompletesAndAbsorbsRetransmissionsForT4()
    {
        var sut = CreateSut();
        var result = sut.Start(Key, Request, "phone", reliable: false, _clock.GetCurrentInstant());
        Assert.True(sut.OnResponse(Key, 200, "OK", _clock.GetCurrentInstant()));
        var end = await result;
        Assert.Equal((ClientTransactionOutcome.Answered, 200, "OK"), (end.Outcome, end.StatusCode, end.Response));

        Assert.Empty(RunUntil(sut, Duration.FromSeconds(4), Duration.FromMilliseconds(100)));
        Assert.True(sut.OnResponse(Key, 200, "OK again", _clock.GetCurrentInstant()));
        RunUntil(sut, Duration.FromSeconds(1.1), Duration.FromMilliseconds(100));
        Assert.Equal(0, sut.Count);
        Assert.False(sut.OnResponse(Key, 200, "late", _clock.GetCurrentInstant()));
    }

    [Fact]
    public async Task OnTransportError_EndsTheTransaction()
    {
        var sut = CreateSut();
        var result = sut.Start(Key, Request, "phone", reliable: false, _clock.GetCurrentInstant());
        sut.OnTransportError(Key);
        Assert.Equal(ClientTransactionOutcome.TransportError, (await result).Outcome);
    }

    [Fact]
    public void Start_SameKeyTwice_Throws()
    {
        var sut = CreateSut();
        sut.Start(Key, Request, "phone", reliable: false, _clock.GetCurrentInstant());
        Assert.Throws<InvalidOperationException>(() => { _ = sut.Start(Key, Request, "phone", reliable: false, _clock.GetCurrentInstant()); });
    }
}
