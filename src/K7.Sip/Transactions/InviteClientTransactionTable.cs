using System.Runtime.ExceptionServices;
using NodaTime;

namespace K7.Sip.Transactions;

/// <summary>The states of an INVITE client transaction (RFC 3261 §17.1.1, with the Accepted state of RFC 6026).</summary>
internal enum InviteClientState
{
    /// <summary>The INVITE was sent; no response yet. Timer A retransmits it (unreliable transports), Timer B gives up.</summary>
    Calling,

    /// <summary>A provisional response arrived; the transaction waits for a final one without a timer of its own.</summary>
    Proceeding,

    /// <summary>A 300–699 response arrived and was acknowledged; retransmissions of it get the same ACK until Timer D fires.</summary>
    Completed,

    /// <summary>A 2xx response arrived; further 2xx responses are handed up until Timer M fires (RFC 6026).</summary>
    Accepted,

    /// <summary>The transaction ended. Terminated transactions leave the table at once, so lookups never report this state.</summary>
    Terminated,
}

/// <summary>The transaction user of an INVITE client transaction, such as one branch of a proxy.</summary>
/// <typeparam name="TResponse">The response type.</typeparam>
/// <remarks>
/// The table calls these methods outside its lock, after its state is consistent, so they may call back into the table.
/// Each transaction reports exactly one of <see cref="OnFinal"/>, <see cref="OnTimeout"/> or
/// <see cref="OnTransportError"/>, except that a transport error after the final response is not reported.
/// </remarks>
internal interface IInviteClientSink<TResponse>
{
    /// <summary>A 1xx response arrived in Calling or Proceeding.</summary>
    void OnProvisional(int statusCode, TResponse response);

    /// <summary>The first final response arrived. Called exactly once per transaction that gets one.</summary>
    void OnFinal(int statusCode, TResponse response);

    /// <summary>Another 2xx arrived in Accepted: a retransmission or a 2xx from another fork. A proxy forwards it upstream.</summary>
    void On2xxRetransmission(TResponse response);

    /// <summary>Timer B fired in Calling: no response at all within 64 × T1.</summary>
    void OnTimeout();

    /// <summary>The transport could not send the INVITE, before any final response.</summary>
    void OnTransportError();
}

/// <summary>
/// INVITE client transactions (RFC 3261 §17.1.1, updated by RFC 6026): Calling → Proceeding → Completed → Terminated
/// for 300–699 responses, and → Accepted → Terminated for 2xx responses.
/// </summary>
/// <typeparam name="TTarget">Where the INVITE goes.</typeparam>
/// <typeparam name="TResponse">The response type handed to the transaction user.</typeparam>
/// <remarks>
/// <para>
/// Thread-safe. The caller sends every message itself; the table tells it what to send again and when. Timers are
/// driven by <see cref="Tick"/> with the current instant, so tests run on a fake clock: Timer A retransmits the INVITE on
/// unreliable transports at T1, 2 × T1, 4 × T1 … (doubling with no cap, as RFC 3261 says); Timer B (64 × T1) gives up in
/// Calling; Timer D (32 s unreliable, zero reliable) ends Completed; Timer M (64 × T1) ends Accepted.
/// </para>
/// <para>
/// Proceeding has no timer: a proxy's Timer C, or the caller's CANCEL, brings the final response. If even the CANCEL
/// brings no final response within 64 × T1, RFC 3261 §9.1 has the caller destroy the transaction with
/// <see cref="Terminate"/>.
/// </para>
/// <para>
/// Sink methods run after the lock is released and after the table's state is final for the event. An exception from a
/// sink propagates to the caller of the method that triggered it; the table is already consistent. <see cref="Tick"/>
/// calls every due sink even when one throws, then rethrows (one exception as is, several as an
/// <see cref="AggregateException"/>); its send list is complete either way.
/// </para>
/// </remarks>
internal sealed class InviteClientTransactionTable<TTarget, TResponse>
    where TTarget : class
{
    /// <summary>Timer D on unreliable transports: RFC 3261 asks for at least 32 s.</summary>
    private static readonly Duration TimerDUnreliable = Duration.FromSeconds(32);

    private readonly Dictionary<TransactionKey, Entry> _entries = [];
    private readonly PriorityQueue<Entry, Instant> _timers = new();
    private readonly SipTimerOptions _options;
    private readonly Lock _gate = new();

    /// <summary>Creates an empty table.</summary>
    /// <param name="options">The timer base values.</param>
    public InviteClientTransactionTable(SipTimerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Gets the number of transactions not yet terminated.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Starts a transaction, in Calling, for an INVITE the caller is sending now.</summary>
    /// <param name="key">The INVITE's transaction key (the branch the caller put in its Via).</param>
    /// <param name="request">The INVITE as sent, kept for Timer A retransmissions.</param>
    /// <param name="target">Where the INVITE goes.</param>
    /// <param name="reliable">Whether the transport is reliable (no Timer A, Timer D is zero).</param>
    /// <param name="now">The current instant.</param>
    /// <param name="sink">The transaction user.</param>
    /// <param name="ackFor">
    /// Builds the ACK for a 300–699 response (§17.1.1.3, from the original request). It runs once per transaction, under
    /// the table's lock and before any state changes: it must be quick and must not call into the table. If it throws,
    /// the response is not applied.
    /// </param>
    /// <exception cref="InvalidOperationException">A transaction with the same key is already running.</exception>
    public void Start(
        in TransactionKey key,
        ReadOnlyMemory<byte> request,
        TTarget target,
        bool reliable,
        Instant now,
        IInviteClientSink<TResponse> sink,
        Func<TResponse, ReadOnlyMemory<byte>> ackFor)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(ackFor);
        var entry = new Entry(key, request, target, reliable, sink, ackFor);
        lock (_gate)
        {
            if (!_entries.TryAdd(key, entry))
            {
                throw new InvalidOperationException($"An INVITE client transaction with branch '{key.Branch}' is already running.");
            }

            entry.EndAt = now + _options.TransactionTimeout; // Timer B
            if (!reliable)
            {
                entry.Interval = _options.T1; // Timer A
                entry.NextRetransmit = now + _options.T1;
            }

            Schedule(entry, Min(entry.NextRetransmit, entry.EndAt));
        }
    }

    /// <summary>Reports that the transport could not send the transaction's INVITE.</summary>
    /// <remarks>
    /// In Calling or Proceeding the transaction ends and the sink's <see cref="IInviteClientSink{TResponse}.OnTransportError"/>
    /// runs. In Completed it ends quietly (the final response was already reported; only the ACK was lost). In Accepted
    /// it is ignored: the transaction sends nothing there and still has 2xx responses to hand up.
    /// </remarks>
    public void OnTransportError(in TransactionKey key)
    {
        IInviteClientSink<TResponse> sink;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry) || entry.State == InviteClientState.Accepted)
            {
                return;
            }

            var report = entry.State is InviteClientState.Calling or InviteClientState.Proceeding;
            Remove(entry);
            if (!report)
            {
                return;
            }

            sink = entry.Sink;
        }

        sink.OnTransportError();
    }

    /// <summary>
    /// Destroys a transaction at once, with no sink call: for a transaction in Proceeding whose CANCEL brought no final
    /// response within 64 × T1 (RFC 3261 §9.1), or when the transaction user goes away.
    /// </summary>
    /// <returns><see langword="false"/> when no transaction has the key.</returns>
    public bool Terminate(in TransactionKey key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return false;
            }

            Remove(entry);
            return true;
        }
    }

    /// <summary>Hands a response to its transaction.</summary>
    /// <param name="key">The response's transaction key (top Via branch and sent-by, CSeq method INVITE).</param>
    /// <param name="statusCode">The status code, 100 to 699.</param>
    /// <param name="response">The response, handed to the sink.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="ackToSend">The ACK the caller must send now, for a 300–699 response; empty otherwise.</param>
    /// <param name="ackTarget">Where to send <paramref name="ackToSend"/>: the transaction's target.</param>
    /// <returns><see langword="false"/> when no transaction matches (a stray or late response).</returns>
    /// <remarks>
    /// 1xx in Calling or Proceeding: Proceeding (Timers A and B stop), <see cref="IInviteClientSink{TResponse}.OnProvisional"/>.
    /// 2xx in Calling or Proceeding: Accepted (Timer M), <see cref="IInviteClientSink{TResponse}.OnFinal"/>; 2xx in Accepted:
    /// <see cref="IInviteClientSink{TResponse}.On2xxRetransmission"/>. 300–699 in Calling or Proceeding: Completed (Timer D),
    /// an ACK to send, <see cref="IInviteClientSink{TResponse}.OnFinal"/>; 300–699 in Completed: the same ACK again and no
    /// sink call. Anything else (a 1xx after a final, a 2xx in Completed, a 300–699 in Accepted) is absorbed.
    /// If the sink throws, the exception propagates and the ACK is not returned; a retransmitted final response asks
    /// for it again.
    /// </remarks>
    public bool OnResponse(
        in TransactionKey key,
        int statusCode,
        TResponse response,
        Instant now,
        out ReadOnlyMemory<byte> ackToSend,
        out TTarget? ackTarget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        ackToSend = default;
        ackTarget = default;
        IInviteClientSink<TResponse> sink;
        Report report;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return false;
            }

            sink = entry.Sink;
            var waiting = entry.State is InviteClientState.Calling or InviteClientState.Proceeding;
            if (statusCode < 200)
            {
                if (!waiting)
                {
                    return true;
                }

                entry.State = InviteClientState.Proceeding;
                Unschedule(entry); // Timers A and B stop
                report = Report.Provisional;
            }
            else if (statusCode < 300)
            {
                if (entry.State == InviteClientState.Accepted)
                {
                    report = Report.Retransmitted2xx;
                }
                else if (waiting)
                {
                    entry.State = InviteClientState.Accepted;
                    entry.NextRetransmit = Instant.MaxValue;
                    entry.EndAt = now + _options.TransactionTimeout; // Timer M
                    Schedule(entry, entry.EndAt);
                    report = Report.Final;
                }
                else
                {
                    return true;
                }
            }
            else if (entry.State == InviteClientState.Completed)
            {
                ackToSend = entry.Ack;
                ackTarget = entry.Target;
                return true;
            }
            else if (waiting)
            {
                var ack = entry.AckFor(response); // may throw: nothing has changed yet
                entry.Ack = ack;
                ackToSend = ack;
                ackTarget = entry.Target;
                if (entry.Reliable)
                {
                    Remove(entry); // Timer D is zero
                }
                else
                {
                    entry.State = InviteClientState.Completed;
                    entry.NextRetransmit = Instant.MaxValue;
                    entry.EndAt = now + TimerDUnreliable;
                    Schedule(entry, entry.EndAt);
                }

                report = Report.Final;
            }
            else
            {
                return true;
            }
        }

        switch (report)
        {
            case Report.Provisional:
                sink.OnProvisional(statusCode, response);
                break;
            case Report.Final:
                sink.OnFinal(statusCode, response);
                break;
            default:
                sink.On2xxRetransmission(response);
                break;
        }

        return true;
    }

    /// <summary>Looks up the state of the transaction with this key.</summary>
    /// <returns><see langword="false"/> when no live transaction has the key.</returns>
    public bool TryGetState(in TransactionKey key, out InviteClientState state)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                state = entry.State;
                return true;
            }

            state = InviteClientState.Terminated;
            return false;
        }
    }

    /// <summary>Fires the timers that are due.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="sends">Receives the INVITEs to send again now (Timer A), with their targets.</param>
    /// <remarks>
    /// Timer B ends a Calling transaction and calls its sink's <see cref="IInviteClientSink{TResponse}.OnTimeout"/>
    /// after the lock is released; Timers D and M end their transactions quietly.
    /// </remarks>
    public void Tick(Instant now, List<(ReadOnlyMemory<byte> Bytes, TTarget Target)> sends)
    {
        ArgumentNullException.ThrowIfNull(sends);
        List<IInviteClientSink<TResponse>>? timedOut = null;
        lock (_gate)
        {
            while (_timers.TryPeek(out var entry, out var due) && due <= now)
            {
                _timers.Dequeue();
                if (entry.Removed || due != entry.Due)
                {
                    continue; // superseded by a later schedule, or unscheduled
                }

                if (entry.EndAt <= now)
                {
                    // Timer B in Calling, Timer D in Completed, Timer M in Accepted.
                    if (entry.State == InviteClientState.Calling)
                    {
                        (timedOut ??= []).Add(entry.Sink);
                    }

                    Remove(entry);
                    continue;
                }

                if (entry.State != InviteClientState.Calling)
                {
                    Schedule(entry, entry.EndAt); // only Calling retransmits
                    continue;
                }

                if (entry.NextRetransmit <= now)
                {
                    sends.Add((entry.Request, entry.Target));
                    entry.Interval *= 2;
                    entry.NextRetransmit = now + entry.Interval;
                }

                Schedule(entry, Min(entry.NextRetransmit, entry.EndAt));
            }
        }

        if (timedOut is not null)
        {
            NotifyTimeouts(timedOut);
        }
    }

    private static void NotifyTimeouts(List<IInviteClientSink<TResponse>> sinks)
    {
        List<Exception>? errors = null;
        foreach (var sink in sinks)
        {
            try
            {
                sink.OnTimeout();
            }
            catch (Exception e)
            {
                (errors ??= []).Add(e);
            }
        }

        if (errors is null)
        {
            return;
        }

        if (errors.Count == 1)
        {
            ExceptionDispatchInfo.Throw(errors[0]);
        }

        throw new AggregateException(errors);
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private void Schedule(Entry entry, Instant due)
    {
        entry.Due = due;
        _timers.Enqueue(entry, due);
    }

    private static void Unschedule(Entry entry)
    {
        entry.NextRetransmit = Instant.MaxValue;
        entry.EndAt = Instant.MaxValue;
        entry.Due = Instant.MaxValue; // queued records no longer match
    }

    private void Remove(Entry entry)
    {
        entry.State = InviteClientState.Terminated;
        entry.Removed = true;
        _entries.Remove(entry.Key);
    }

    private enum Report
    {
        Provisional,
        Final,
        Retransmitted2xx,
    }

    private sealed class Entry(
        TransactionKey key,
        ReadOnlyMemory<byte> request,
        TTarget target,
        bool reliable,
        IInviteClientSink<TResponse> sink,
        Func<TResponse, ReadOnlyMemory<byte>> ackFor)
    {
        public TransactionKey Key { get; } = key;

        public ReadOnlyMemory<byte> Request { get; } = request;

        public TTarget Target { get; } = target;

        public bool Reliable { get; } = reliable;

        public IInviteClientSink<TResponse> Sink { get; } = sink;

        public Func<TResponse, ReadOnlyMemory<byte>> AckFor { get; } = ackFor;

        public InviteClientState State { get; set; } = InviteClientState.Calling;

        /// <summary>The current Timer A interval.</summary>
        public Duration Interval { get; set; }

        /// <summary>When Timer A fires next; <see cref="Instant.MaxValue"/> when it does not run.</summary>
        public Instant NextRetransmit { get; set; } = Instant.MaxValue;

        /// <summary>When the current state ends: Timer B, D or M.</summary>
        public Instant EndAt { get; set; } = Instant.MaxValue;

        /// <summary>The instant of the queue record that is current; older records for the entry are skipped.</summary>
        public Instant Due { get; set; }

        public ReadOnlyMemory<byte> Ack { get; set; }

        public bool Removed { get; set; }
    }
}
