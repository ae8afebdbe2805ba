using System.Collections.Concurrent;
using NodaTime;

namespace K7.Sip.Transactions;

/// <summary>What the transaction layer found for a request that just arrived.</summary>
internal enum ServerRequestMatch
{
    /// <summary>No transaction had this key: a new one was created and the request goes to the transaction user.</summary>
    New,

    /// <summary>A retransmission of a request the transaction user has not answered yet: absorbed, nothing to send.</summary>
    Absorbed,

    /// <summary>A retransmission of an answered request: the last response is sent again; the user never sees it.</summary>
    Resend,
}

/// <summary>
/// Non-INVITE server transactions (RFC 3261 §17.2.2): Trying → Proceeding → Completed → Terminated.
/// Retransmitted requests are absorbed (Trying) or answered with the last response (Proceeding, Completed);
/// a Completed transaction lives for Timer J (64 × T1 on unreliable transports, zero on reliable ones).
/// </summary>
/// <typeparam name="TTarget">Where a response for the transaction goes (transport, address, connection).</typeparam>
/// <remarks>
/// Thread-safe. Completed transactions leave in the order they completed, so purging costs only the expired ones.
/// A transaction the user never answers is dropped after twice the transaction timeout, so a faulty user cannot leak
/// memory; the table also holds at most <c>capacity</c> transactions, and sheds the oldest completed ones beyond it.
/// </remarks>
internal sealed class ServerTransactionTable<TTarget>
{
    private readonly ConcurrentDictionary<TransactionKey, Entry> _entries = new();
    private readonly ConcurrentQueue<(TransactionKey Key, Entry Entry)> _createdQueue = new();
    private readonly ConcurrentQueue<(TransactionKey Key, Entry Entry)> _completedQueue = new();
    private readonly SipTimerOptions _timers;
    private readonly int _capacity;

    public ServerTransactionTable(SipTimerOptions timers, int capacity)
    {
        ArgumentNullException.ThrowIfNull(timers);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _timers = timers;
        _capacity = capacity;
    }

    /// <summary>Gets the number of live transactions.</summary>
    public int Count => _entries.Count;

    /// <summary>Matches an incoming request against the live transactions, creating one when none matches.</summary>
    /// <param name="key">The request's transaction key.</param>
    /// <param name="reliable">Whether the request came over a reliable transport (Timer J is then zero).</param>
    /// <param name="target">Where responses for a new transaction go.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="response">For <see cref="ServerRequestMatch.Resend"/>, the response to send again.</param>
    /// <param name="responseTarget">For <see cref="ServerRequestMatch.Resend"/>, where to send it.</param>
    public ServerRequestMatch OnRequest(
        in TransactionKey key,
        bool reliable,
        TTarget target,
        Instant now,
        out ReadOnlyMemory<byte> response,
        out TTarget? responseTarget)
    {
        var created = new Entry(target, reliable, now);
        while (true)
        {
            var entry = _entries.GetOrAdd(key, created);
            if (ReferenceEquals(entry, created))
            {
                _createdQueue.Enqueue((key, entry));
                response = default;
                responseTarget = default;
                return ServerRequestMatch.New;
            }

            lock (entry)
            {
                if (entry.Terminated)
                {
                    // Ended a moment ago and not yet removed: take its place.
                    if (_entries.TryUpdate(key, created, entry))
                    {
                        _createdQueue.Enqueue((key, created));
                        response = default;
                        responseTarget = default;
                        return ServerRequestMatch.New;
                    }

                    continue;
                }

                if (entry.LastResponse.IsEmpty)
                {
                    response = default;
                    responseTarget = default;
                    return ServerRequestMatch.Absorbed;
                }

                response = entry.LastResponse;
                responseTarget = entry.Target;
                return ServerRequestMatch.Resend;
            }
        }
    }

    /// <summary>Records a response the transaction user sent, moving the transaction to Proceeding or Completed.</summary>
    /// <returns><see langword="false"/> when no live transaction has the key (the response is then sent statelessly).</returns>
    public bool OnResponse(in TransactionKey key, int statusCode, ReadOnlyMemory<byte> response, Instant now)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return false;
        }

        lock (entry)
        {
            if (entry.Terminated || entry.Completed)
            {
                return false;
            }

            entry.LastResponse = response;
            if (statusCode >= 200)
            {
                entry.Completed = true;
                entry.DueAt = now + (entry.Reliable ? Duration.Zero : _timers.TransactionTimeout);
            }
        }

        if (statusCode >= 200)
        {
            if (entry.Reliable)
            {
                Terminate(key, entry);
            }
            else
            {
                _completedQueue.Enqueue((key, entry));
            }
        }

        return true;
    }

    /// <summary>
    /// Ends a transaction at once, keeping nothing: for answers that are safe to compute again, such as a digest
    /// challenge (a retransmitted request then simply gets a fresh challenge). Memory then holds only the answers whose
    /// repetition matters.
    /// </summary>
    public void Forget(in TransactionKey key)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            Terminate(key, entry);
        }
    }

    /// <summary>Terminates the transactions whose timers ran out (Timer J, or the safety bound of unanswered ones).</summary>
    /// <returns>How many transactions ended.</returns>
    public int Purge(Instant now)
    {
        var ended = 0;

        // Completed transactions, in the order they completed (Timer J is the same for all, so also in due order).
        while (_completedQueue.TryPeek(out var head))
        {
            var overCapacity = _entries.Count > _capacity;
            if (head.Entry.DueAt > now && !overCapacity)
            {
                break;
            }

            _completedQueue.TryDequeue(out _);
            if (Terminate(head.Key, head.Entry))
            {
                ended++;
            }
        }

        // Creation records, in creation order: drop those already resolved, end those left unanswered too long.
        var abandonedBefore = now - (_timers.TransactionTimeout * 2);
        while (_createdQueue.TryPeek(out var head))
        {
            bool resolved;
            lock (head.Entry)
            {
                resolved = head.Entry.Terminated || head.Entry.Completed;
            }

            if (!resolved && head.Entry.CreatedAt > abandonedBefore)
            {
                break;
            }

            _createdQueue.TryDequeue(out _);
            if (!resolved && Terminate(head.Key, head.Entry))
            {
                ended++;
            }
        }

        return ended;
    }

    private bool Terminate(in TransactionKey key, Entry entry)
    {
        lock (entry)
        {
            if (entry.Terminated)
            {
                return false;
            }

            entry.Terminated = true;
        }

        return _entries.TryRemove(new KeyValuePair<TransactionKey, Entry>(key, entry));
    }

    private sealed class Entry(TTarget target, bool reliable, Instant createdAt)
    {
        public TTarget Target { get; } = target;

        public bool Reliable { get; } = reliable;

        public Instant CreatedAt { get; } = createdAt;

        public ReadOnlyMemory<byte> LastResponse { get; set; }

        public bool Completed { get; set; }

        public bool Terminated { get; set; }

        public Instant DueAt { get; set; }
    }
}
