using NodaTime;

namespace K7.Sip.Transactions;

/// <summary>The states of an INVITE server transaction (RFC 3261 §17.2.1, with the Accepted state of RFC 6026).</summary>
internal enum InviteServerState
{
    /// <summary>The INVITE arrived; the transaction user has sent no final response yet.</summary>
    Proceeding,

    /// <summary>A 300–699 response was sent; it is retransmitted (Timer G) until an ACK arrives or Timer H fires.</summary>
    Completed,

    /// <summary>The ACK for the 300–699 response arrived; further ACKs are absorbed until Timer I fires.</summary>
    Confirmed,

    /// <summary>A 2xx response was sent; retransmitted INVITEs are absorbed until Timer L fires (RFC 6026).</summary>
    Accepted,

    /// <summary>The transaction ended. Terminated transactions leave the table at once, so lookups never report this state.</summary>
    Terminated,
}

/// <summary>What the table found for an INVITE that just arrived.</summary>
internal enum InviteServerMatch
{
    /// <summary>No transaction had this key: one was created in Proceeding and the request goes to the transaction user.</summary>
    New,

    /// <summary>
    /// The INVITE belongs to a live transaction: it never reaches the transaction user. The response to send again, if
    /// any, comes back with it (the last provisional in Proceeding, the final in Completed, nothing otherwise).
    /// </summary>
    Retransmission,

    /// <summary>
    /// No transaction had this key and the table already holds its maximum: nothing was created, and the caller should
    /// answer 503 (Service Unavailable) statelessly.
    /// </summary>
    Full,
}

/// <summary>
/// INVITE server transactions (RFC 3261 §17.2.1, updated by RFC 6026): Proceeding → Completed → Confirmed →
/// Terminated for 300–699 responses, Proceeding → Accepted → Terminated for 2xx responses.
/// </summary>
/// <typeparam name="TTarget">Where responses for the transaction go (transport, address, connection).</typeparam>
/// <remarks>
/// <para>
/// Thread-safe. The caller sends every message itself; the table only remembers what to send again and when.
/// Timers are driven by <see cref="Tick"/> with the current instant, so tests run on a fake clock:
/// Timer G retransmits a 300–699 response on unreliable transports at T1, then doubling up to T2;
/// Timer H (64 × T1) ends a Completed transaction that never got its ACK; Timer I (T4 unreliable, zero reliable)
/// ends a Confirmed one; Timer L (64 × T1) ends an Accepted one.
/// </para>
/// <para>
/// The RFC gives Proceeding no timer, and neither does the table: the transaction user must answer every INVITE it was
/// handed (<see cref="InviteServerMatch.New"/>) with a final response. A proxy does so when its Timer C fires.
/// Dropping an unanswered transaction early would turn the next retransmitted INVITE into a second call.
/// </para>
/// </remarks>
internal sealed class InviteServerTransactionTable<TTarget>
    where TTarget : class
{
    private readonly Dictionary<TransactionKey, Entry> _entries = [];
    private readonly PriorityQueue<Entry, Instant> _timers = new();
    private readonly SipTimerOptions _options;
    private readonly int _maxTransactions;
    private readonly Lock _gate = new();

    /// <summary>Creates an empty table.</summary>
    /// <param name="options">The timer base values.</param>
    /// <param name="maxTransactions">How many transactions the table holds at most, whatever their state.</param>
    public InviteServerTransactionTable(SipTimerOptions options, int maxTransactions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTransactions, 1);
        options.Validate();
        _options = options;
        _maxTransactions = maxTransactions;
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

    /// <summary>Matches an incoming INVITE against the live transactions, creating one when none matches.</summary>
    /// <param name="key">The INVITE's transaction key.</param>
    /// <param name="reliable">Whether the INVITE came over a reliable transport (no Timer G, Timer I is zero).</param>
    /// <param name="target">Where responses for a new transaction go.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="resend">
    /// For <see cref="InviteServerMatch.Retransmission"/>, the response to send again; empty when there is nothing to
    /// send (no response yet, or the transaction is Confirmed or Accepted).
    /// </param>
    /// <param name="resendTarget">Where to send <paramref name="resend"/>: the target of the transaction's first INVITE.</param>
    /// <returns>
    /// <see cref="InviteServerMatch.New"/> when the caller must process the request (and send 100 Trying or a
    /// response), <see cref="InviteServerMatch.Retransmission"/> when it must only send <paramref name="resend"/>, and
    /// <see cref="InviteServerMatch.Full"/> when it must refuse the request.
    /// </returns>
    public InviteServerMatch OnInvite(
        in TransactionKey key,
        bool reliable,
        TTarget target,
        Instant now,
        out ReadOnlyMemory<byte> resend,
        out TTarget? resendTarget)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                resendTarget = entry.Target;
                resend = entry.State is InviteServerState.Proceeding or InviteServerState.Completed ? entry.LastResponse : default;
                return InviteServerMatch.Retransmission;
            }

            resend = default;
            resendTarget = default;
            if (_entries.Count >= _maxTransactions)
            {
                return InviteServerMatch.Full;
            }

            _entries.Add(key, new Entry(key, target, reliable));
            return InviteServerMatch.New;
        }
    }

    /// <summary>Records a response the transaction user sends now.</summary>
    /// <param name="key">The INVITE's transaction key.</param>
    /// <param name="statusCode">The response's status code, 100 to 699.</param>
    /// <param name="response">The response as sent, kept for retransmissions.</param>
    /// <param name="now">The current instant.</param>
    /// <remarks>
    /// A 1xx keeps the transaction in Proceeding; a 2xx moves it to Accepted (Timer L); a 300–699 moves it to Completed
    /// (Timers G and H). Responses for unknown keys and responses after a final one are ignored (the caller still
    /// sends them; the table just does not retransmit them), except that a 2xx in Accepted is recorded: a proxy
    /// forwards every 2xx.
    /// </remarks>
    public void OnResponse(in TransactionKey key, int statusCode, ReadOnlyMemory<byte> response, Instant now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return;
            }

            switch (entry.State)
            {
                case InviteServerState.Proceeding when statusCode < 200:
                    entry.LastResponse = response;
                    break;
                case InviteServerState.Proceeding when statusCode < 300:
                    entry.LastResponse = response;
                    entry.State = InviteServerState.Accepted;
                    entry.EndAt = now + _options.TransactionTimeout; // Timer L
                    Schedule(entry, entry.EndAt);
                    break;
                case InviteServerState.Proceeding:
                    entry.LastResponse = response;
                    entry.State = InviteServerState.Completed;
                    entry.EndAt = now + _options.TransactionTimeout; // Timer H
                    if (entry.Reliable)
                    {
                        entry.NextRetransmit = Instant.MaxValue;
                    }
                    else
                    {
                        entry.Interval = _options.T1; // Timer G
                        entry.NextRetransmit = now + _options.T1;
                    }

                    Schedule(entry, Min(entry.NextRetransmit, entry.EndAt));
                    break;
                case InviteServerState.Accepted when statusCode is >= 200 and < 300:
                    entry.LastResponse = response;
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Hands the table an ACK whose key matches an INVITE transaction (built with method INVITE).</summary>
    /// <param name="inviteKey">The key of the INVITE transaction the ACK belongs to.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>
    /// <see langword="true"/> when the ACK acknowledged a 300–699 response (Completed → Confirmed) or is a
    /// retransmission of such an ACK (Confirmed): it is absorbed. <see langword="false"/> otherwise: no transaction,
    /// or one in Proceeding or Accepted, where an ACK acknowledges a 2xx end to end and goes to the transaction user.
    /// </returns>
    public bool OnAck(in TransactionKey inviteKey, Instant now)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(inviteKey, out var entry))
            {
                return false;
            }

            switch (entry.State)
            {
                case InviteServerState.Completed:
                    if (entry.Reliable)
                    {
                        Remove(entry); // Timer I is zero
                        return true;
                    }

                    entry.State = InviteServerState.Confirmed;
                    entry.NextRetransmit = Instant.MaxValue;
                    entry.EndAt = now + _options.T4; // Timer I
                    Schedule(entry, entry.EndAt);
                    return true;
                case InviteServerState.Confirmed:
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Looks up the state of the INVITE transaction with this key, for matching a CANCEL (§9.2).</summary>
    /// <returns><see langword="false"/> when no live transaction has the key.</returns>
    public bool TryGetState(in TransactionKey key, out InviteServerState state)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                state = entry.State;
                return true;
            }

            state = InviteServerState.Terminated;
            return false;
        }
    }

    /// <summary>Fires the timers that are due.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="retransmissions">Receives the final responses to send again now (Timer G), with their targets.</param>
    /// <param name="ackTimeouts">
    /// Receives the keys of the transactions whose ACK never came (Timer H); they are terminated. The transaction user
    /// learns the call failed.
    /// </param>
    public void Tick(Instant now, List<(ReadOnlyMemory<byte> Response, TTarget Target)> retransmissions, List<TransactionKey> ackTimeouts)
    {
        ArgumentNullException.ThrowIfNull(retransmissions);
        ArgumentNullException.ThrowIfNull(ackTimeouts);
        lock (_gate)
        {
            while (_timers.TryPeek(out var entry, out var due) && due <= now)
            {
                _timers.Dequeue();
                if (entry.Removed || due != entry.Due)
                {
                    continue; // superseded by a later schedule
                }

                if (entry.EndAt <= now)
                {
                    // Timer H in Completed, Timer I in Confirmed, Timer L in Accepted.
                    if (entry.State == InviteServerState.Completed)
                    {
                        ackTimeouts.Add(entry.Key);
                    }

                    Remove(entry);
                    continue;
                }

                if (entry.State != InviteServerState.Completed)
                {
                    Schedule(entry, entry.EndAt); // only Completed retransmits
                    continue;
                }

                if (entry.NextRetransmit <= now)
                {
                    retransmissions.Add((entry.LastResponse, entry.Target));
                    entry.Interval = Min(entry.Interval * 2, _options.T2);
                    entry.NextRetransmit = now + entry.Interval;
                }

                Schedule(entry, Min(entry.NextRetransmit, entry.EndAt));
            }
        }
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static Duration Min(Duration a, Duration b) => a < b ? a : b;

    private void Schedule(Entry entry, Instant due)
    {
        entry.Due = due;
        _timers.Enqueue(entry, due);
    }

    private void Remove(Entry entry)
    {
        entry.State = InviteServerState.Terminated;
        entry.Removed = true;
        _entries.Remove(entry.Key);
    }

    private sealed class Entry(TransactionKey key, TTarget target, bool reliable)
    {
        public TransactionKey Key { get; } = key;

        public TTarget Target { get; } = target;

        public bool Reliable { get; } = reliable;

        public InviteServerState State { get; set; } = InviteServerState.Proceeding;

        public ReadOnlyMemory<byte> LastResponse { get; set; }

        /// <summary>The current Timer G interval.</summary>
        public Duration Interval { get; set; }

        /// <summary>When Timer G fires next; <see cref="Instant.MaxValue"/> when it does not run.</summary>
        public Instant NextRetransmit { get; set; } = Instant.MaxValue;

        /// <summary>When the current state ends: Timer H, I or L.</summary>
        public Instant EndAt { get; set; } = Instant.MaxValue;

        /// <summary>The instant of the queue record that is current; older records for the entry are skipped.</summary>
        public Instant Due { get; set; }

        public bool Removed { get; set; }
    }
}
