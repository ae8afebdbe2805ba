using FsCheck.Xunit;
using K7.Sip.Transactions;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Transactions;

/// <summary>
/// Random interleavings of requests, responses, ACKs, transport errors and clock ticks over three keys (one of them on a
/// reliable transport). Each byte of the input is one step. Invariants checked after every step and at the end:
/// the client sink sees at most one final response and at most one way of ending per transaction; no retransmission
/// leaves a transaction after it left Calling (client) or Completed (server); and once every transaction user has
/// answered, 200 s of ticks with no other input empty both tables.
/// </summary>
public sealed class InviteTransactionPropertyTests
{
    private static readonly int[] StatusCodes = [100, 180, 183, 200, 200, 486, 487, 603];
    private static readonly Duration[] Steps =
        [Duration.FromMilliseconds(10), Duration.FromMilliseconds(500), Duration.FromSeconds(1), Duration.FromSeconds(3), Duration.FromSeconds(17)];

    private static TransactionKey KeyOf(int index) => new("z9hG4bK-prop" + index, "192.0.2.1:5060", "INVITE");

    private static bool IsReliable(int index) => index == 1;

    [Property(MaxTest = 200)]
    public void Client_RandomInterleaving_KeepsInvariants(byte[] ops)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0));
        var sut = new InviteClientTransactionTable<string, string>(new SipTimerOptions());
        var sinks = new Dictionary<string, CountingSink>();   // by target, one target per transaction
        var current = new string?[3];
        var leftCalling = new HashSet<string>();
        var generation = 0;
        var sends = new List<(ReadOnlyMemory<byte> Bytes, string Target)>();

        foreach (var op in ops ?? [])
        {
            var index = op % 3;
            var key = KeyOf(index);
            var now = clock.GetCurrentInstant();
            switch ((op / 3) % 5)
            {
                case 0:
                    if (sut.TryGetState(key, out _))
                    {
                        Assert.Throws<InvalidOperationException>(() => sut.Start(key, "INVITE"u8.ToArray(), "again", false, now, new CountingSink(), _ => default));
                        break;
                    }

                    var target = $"t{index}#{generation++}";
                    current[index] = target;
                    sinks[target] = new CountingSink();
                    sut.Start(key, "INVITE"u8.ToArray(), target, IsReliable(index), now, sinks[target], r => System.Text.Encoding.ASCII.GetBytes("ACK " + r));
                    break;
                case 1 or 2:
                    var status = StatusCodes[(op / 15) % StatusCodes.Length];
                    var matched = sut.OnResponse(key, status, status.ToString(System.Globalization.CultureInfo.InvariantCulture), now, out var ack, out var ackTarget);
                    if (!matched)
                    {
                        Assert.True(ack.IsEmpty);
                        break;
                    }

                    if (!ack.IsEmpty)
                    {
                        Assert.True(status >= 300);
                        Assert.Equal(current[index], ackTarget);
                    }
                    else if (status >= 300)
                    {
                        // A 300–699 response always gets an ACK, except in Accepted where it is absorbed.
                        Assert.True(sut.TryGetState(key, out var after) && after == InviteClientState.Accepted);
                    }

                    leftCalling.Add(current[index]!);
                    break;
                case 3:
                    sut.OnTransportError(key);
                    break;
                default:
                    clock.Advance(Steps[(op / 15) % Steps.Length]);
                    sends.Clear();
                    sut.Tick(clock.GetCurrentInstant(), sends);
                    AssertNoRetransmissionAfterCalling(sends, leftCalling, sinks);
                    break;
            }

            AssertSinksSane(sinks.Values);
        }

        // The transaction users answer whatever is still ringing (a CANCEL brings a 487), then nothing happens for 200 s.
        for (var index = 0; index < 3; index++)
        {
            if (sut.TryGetState(KeyOf(index), out var state) && state == InviteClientState.Proceeding)
            {
                sut.OnResponse(KeyOf(index), 487, "487", clock.GetCurrentInstant(), out _, out _);
                leftCalling.Add(current[index]!);
            }
        }

        for (var i = 0; i < 200; i++)
        {
            clock.Advance(Duration.FromSeconds(1));
            sends.Clear();
            sut.Tick(clock.GetCurrentInstant(), sends);
            AssertNoRetransmissionAfterCalling(sends, leftCalling, sinks);
        }

        Assert.Equal(0, sut.Count);
        AssertSinksSane(sinks.Values);
        Assert.All(sinks.Values, s => Assert.Equal(1, s.Finals + s.Timeouts + s.TransportErrors));
    }

    [Property(MaxTest = 200)]
    public void Server_RandomInterleaving_KeepsInvariants(byte[] ops)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0));
        var sut = new InviteServerTransactionTable<string>(new SipTimerOptions(), maxTransactions: 2);
        var current = new string?[3];
        var finals = new Dictionary<string, int>();   // by target: the final status sent, if any
        var leftCompleted = new HashSet<string>();
        var generation = 0;
        var retransmissions = new List<(ReadOnlyMemory<byte> Response, string Target)>();
        var ackTimeouts = new List<TransactionKey>();

        foreach (var op in ops ?? [])
        {
            var index = op % 3;
            var key = KeyOf(index);
            var now = clock.GetCurrentInstant();
            var known = sut.TryGetState(key, out var state);
            switch ((op / 3) % 5)
            {
                case 0:
                    var target = $"t{index}#{generation}";
                    var match = sut.OnInvite(key, IsReliable(index), target, now, out var resend, out var resendTarget);
                    if (match == InviteServerMatch.New)
                    {
                        generation++;
                        current[index] = target;
                        Assert.False(known);
                    }
                    else if (match == InviteServerMatch.Full)
                    {
                        Assert.False(known);
                        Assert.Equal(2, sut.Count);
                    }
                    else
                    {
                        Assert.True(known);
                        Assert.Equal(current[index], resendTarget);
                        Assert.Equal(state is InviteServerState.Confirmed or InviteServerState.Accepted, resend.IsEmpty && finals.ContainsKey(current[index]!));
                    }

                    break;
                case 1 or 2:
                    var status = StatusCodes[(op / 15) % StatusCodes.Length];
                    sut.OnResponse(key, status, System.Text.Encoding.ASCII.GetBytes(status.ToString(System.Globalization.CultureInfo.InvariantCulture)), now);
                    if (known && state == InviteServerState.Proceeding && status >= 200)
                    {
                        finals[current[index]!] = status;
                        if (status < 300)
                        {
                            leftCompleted.Add(current[index]!);
                        }
                    }

                    break;
                case 3:
                    var absorbed = sut.OnAck(key, now);
                    Assert.Equal(known && state is InviteServerState.Completed or InviteServerState.Confirmed, absorbed);
                    if (absorbed)
                    {
                        leftCompleted.Add(current[index]!);
                    }

                    break;
                default:
                    clock.Advance(Steps[(op / 15) % Steps.Length]);
                    retransmissions.Clear();
                    ackTimeouts.Clear();
                    sut.Tick(clock.GetCurrentInstant(), retransmissions, ackTimeouts);
                    AssertServerTick(retransmissions, ackTimeouts, current, finals, leftCompleted);
                    break;
            }
        }

        // The transaction user answers every INVITE it was handed, then nothing happens for 200 s.
        for (var index = 0; index < 3; index++)
        {
            if (sut.TryGetState(KeyOf(index), out var state) && state == InviteServerState.Proceeding)
            {
                var status = index == 2 ? 200 : 486;
                sut.OnResponse(KeyOf(index), status, "final"u8.ToArray(), clock.GetCurrentInstant());
                finals[current[index]!] = status;
                if (status < 300)
                {
                    leftCompleted.Add(current[index]!);
                }
            }
        }

        for (var i = 0; i < 200; i++)
        {
            clock.Advance(Duration.FromSeconds(1));
            retransmissions.Clear();
            ackTimeouts.Clear();
            sut.Tick(clock.GetCurrentInstant(), retransmissions, ackTimeouts);
            AssertServerTick(retransmissions, ackTimeouts, current, finals, leftCompleted);
        }

        Assert.Equal(0, sut.Count);
    }

    private static void AssertNoRetransmissionAfterCalling(
        List<(ReadOnlyMemory<byte> Bytes, string Target)> sends,
        HashSet<string> leftCalling,
        Dictionary<string, CountingSink> sinks)
    {
        foreach (var (_, target) in sends)
        {
            Assert.DoesNotContain(target, leftCalling);
            Assert.False(target.StartsWith("t1#", StringComparison.Ordinal)); // reliable: Timer A never runs
            Assert.Equal(0, sinks[target].Finals + sinks[target].Timeouts + sinks[target].TransportErrors);
        }
    }

    private static void AssertSinksSane(IEnumerable<CountingSink> sinks)
    {
        foreach (var sink in sinks)
        {
            Assert.InRange(sink.Finals, 0, 1);
            Assert.InRange(sink.Finals + sink.Timeouts + sink.TransportErrors, 0, 1);
            if (sink.Retransmitted2xx > 0)
            {
                Assert.Equal(1, sink.Finals);
            }
        }
    }

    private static void AssertServerTick(
        List<(ReadOnlyMemory<byte> Response, string Target)> retransmissions,
        List<TransactionKey> ackTimeouts,
        string?[] current,
        Dictionary<string, int> finals,
        HashSet<string> leftCompleted)
    {
        foreach (var (_, target) in retransmissions)
        {
            Assert.DoesNotContain(target, leftCompleted);
            Assert.False(target.StartsWith("t1#", StringComparison.Ordinal)); // reliable: Timer G never runs
            Assert.True(finals.TryGetValue(target, out var status) && status >= 300);
        }

        foreach (var key in ackTimeouts)
        {
            var target = current[int.Parse(key.Branch.AsSpan("z9hG4bK-prop".Length), System.Globalization.CultureInfo.InvariantCulture)]!;
            Assert.DoesNotContain(target, leftCompleted);
            Assert.True(finals[target] >= 300);
            leftCompleted.Add(target);
        }
    }

    private sealed class CountingSink : IInviteClientSink<string>
    {
        public int Finals { get; private set; }

        public int Timeouts { get; private set; }

        public int TransportErrors { get; private set; }

        public int Retransmitted2xx { get; private set; }

        public void OnProvisional(int statusCode, string response) => Assert.Equal(0, Finals + Timeouts + TransportErrors);

        public void OnFinal(int statusCode, string response) => Finals++;

        public void On2xxRetransmission(string response) => Retransmitted2xx++;

        public void OnTimeout() => Timeouts++;

        public void OnTransportError() => TransportErrors++;
    }
}
