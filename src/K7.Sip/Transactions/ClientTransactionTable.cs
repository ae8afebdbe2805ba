using NodaTime;

namespace K7.Sip.Transactions;

/// <summary>How a client transaction ended.</summary>
internal enum ClientTransactionOutcome
{
    /// <summary>A final response arrived.</summary>
    Answered,

    /// <summary>Timer F fired: no final response within 64 × T1.</summary>
    TimedOut,

    /// <summary>The transport could not send the request.</summary>
    TransportError,
}

/// <summary>The end of a client transaction: the outcome and, when answered, the final status and response.</summary>
internal readonly record struct ClientTransactionResult<TResponse>(ClientTransactionOutcome Outcome, int StatusCode, TResponse? Response);

/// <summary>
/// Non-INVITE client transactions (RFC 3261 §17.1.2): Trying → Proceeding → Completed → Terminated, with Timer E
/// (retransmit at T1, doubling up to T2; every T2 once a provisional response arrived), Timer F (give up after
/// 64 × T1) and Timer K (absorb retransmitted responses for T4 on unreliable transports).
/// </summary>
/// <typeparam name="TTarget">Where the request goes.</typeparam>
/// <typeparam name="TResponse">The response type handed back to the caller.</typeparam>
/// <remarks>Thread-safe. Timers are driven by <see cref="Tick"/> with the current instant, so tests run on a fake clock.</remarks>
internal sealed class ClientTransactionTable<TTarget, TResponse>
{
    private readonly Dictionary<TransactionKey, Entry> _entries = [];
    private readonly PriorityQueue<Entry, Instant> _timers = new();
    private readonly SipTimerOptions _options;
    private readonly Lock _gate = new();

    public ClientTransactionTable(SipTimerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
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

    /// <summary>Starts a transaction for a request the caller is sending now.</summary>
    /// <returns>A task that completes with the final response, a timeout or a transport error.</returns>
    public Task<ClientTransactionResult<TResponse>> Start(in TransactionKey key, ReadOnlyMemory<byte> request, TTarget target, bool reliable, Instant now)
    {
        var entry = new Entry(key, request, target, reliable, now + _options.TransactionTimeout);
        lock (_gate)
        {
            if (!_entries.TryAdd(key, entry))
            {
                throw new InvalidOperationException($"A client transaction with branch '{key.Branch}' is already running.");
            }

            entry.Interval = _options.T1;
            entry.NextRetransmit = reliable ? Instant.MaxValue : now + _options.T1;
            _timers.Enqueue(entry, Min(entry.NextRetransmit, entry.TimeoutAt));
        }

        return entry.Completion.Task;
    }

    /// <summary>Ends a transaction whose request could not be sent.</summary>
    public void OnTransportError(in TransactionKey key)
    {
        Entry? entry;
        lock (_gate)
        {
            if (!_entries.Remove(key, out entry))
            {
                return;
            }

            entry.State = State.Terminated;
        }

        entry.Completion.TrySetResult(new(ClientTransactionOutcome.TransportError, 0, default));
    }

    /// <summary>Hands a response to its transaction.</summary>
    /// <returns><see langword="false"/> when no transaction matches (a stray or late response).</returns>
    public bool OnResponse(in TransactionKey key, int statusCode, TResponse response, Instant now)
    {
        Entry? entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out entry))
            {
                return false;
            }

            if (entry.State is State.Completed or State.Terminated)
            {
                return true; // a retransmitted final response, absorbed during Timer K
            }

            if (statusCode < 200)
            {
                entry.State = State.Proceeding;
                if (!entry.Reliable)
                {
                    entry.Interval = _options.T2;
                }

                return true;
            }

            if (entry.Reliable)
            {
                entry.State = State.Terminated;
                _entries.Remove(key);
            }
            else
            {
                entry.State = State.Completed;
                entry.CompletedUntil = now + _options.T4;
                _timers.Enqueue(entry, entry.CompletedUntil);
            }
        }

        entry.Completion.TrySetResult(new(ClientTransactionOutcome.Answered, statusCode, response));
        return true;
    }

    /// <summary>Fires the timers that are due.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="retransmissions">Receives the requests to send again now, with their targets.</param>
    public void Tick(Instant now, List<(ReadOnlyMemory<byte> Request, TTarget Target)> retransmissions)
    {
        ArgumentNullException.ThrowIfNull(retransmissions);
        List<Entry>? timedOut = null;
        lock (_gate)
        {
            while (_timers.TryPeek(out var entry, out var due) && due <= now)
            {
                _timers.Dequeue();
                switch (entry.State)
                {
                    case State.Terminated:
                        break;
                    case State.Completed:
                        if (entry.CompletedUntil <= now)
                        {
                            entry.State = State.Terminated;
                            _entries.Remove(entry.Key);
                        }

                        break;
                    default:
                        if (entry.TimeoutAt <= now)
                        {
                            entry.State = State.Terminated;
                            _entries.Remove(entry.Key);
                            (timedOut ??= []).Add(entry);
                            break;
                        }

                        if (entry.NextRetransmit <= now)
                        {
                            retransmissions.Add((entry.Request, entry.Target));
                            if (entry.State == State.Trying)
                            {
                                entry.Interval = Min(entry.Interval * 2, _options.T2);
                            }

                            entry.NextRetransmit = now + entry.Interval;
                        }

                        _timers.Enqueue(entry, Min(entry.NextRetransmit, entry.TimeoutAt));
                        break;
                }
            }
        }

        if (timedOut is not null)
        {
            foreach (var entry in timedOut)
            {
                entry.Completion.TrySetResult(new(ClientTransactionOutcome.TimedOut, 0, default));
            }
        }
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static Duration Min(Duration a, Duration b) => a < b ? a : b;

    private enum State
    {
        Trying,
        Proceeding,
        Completed,
        Terminated,
    }

    private sealed class Entry(TransactionKey key, ReadOnlyMemory<byte> request, TTarget target, bool reliable, Instant timeoutAt)
    {
        public TransactionKey Key { get; } = key;

        public ReadOnlyMemory<byte> Request { get; } = request;

        public TTarget Target { get; } = target;

        public bool Reliable { get; } = reliable;

        public Instant TimeoutAt { get; } = timeoutAt;

        public TaskCompletionSource<ClientTransactionResult<TResponse>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public State State { get; set; }

        public Duration Interval { get; set; }

        public Instant NextRetransmit { get; set; }

        public Instant CompletedUntil { get; set; }
    }
}
