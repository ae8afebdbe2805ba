using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.Sip.Registrar;

/// <summary>
/// The registrar's location service: the bindings of addresses of record to contact URIs, kept by the rules of
/// RFC 3261 §10.3 from parsed REGISTER requests, with Path (RFC 3327) and <c>+sip.instance</c> (RFC 5626) support.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe and built for many concurrent registrations: each address of record has its own entry and lock, and
/// there is no lock shared by all of them. <see cref="Lookup(string)"/> takes no lock at all. A request is applied
/// whole or not at all.
/// </para>
/// <para>
/// Bindings expire without any request: from their <see cref="Binding.ExpiresAt"/> on, <see cref="Lookup(string)"/>
/// and <see cref="Register(RegisterRequest)"/> no longer see them. <see cref="PurgeExpired"/>, called by a periodic
/// tick, frees them and reports them as <see cref="BindingChangeKind.Expired"/>; a REGISTER for the same address of
/// record reports and frees its own expired bindings too.
/// </para>
/// <para>
/// <see cref="BindingChanged"/> is raised after the change, outside any lock, on the thread that made it; events for
/// different addresses of record may interleave. An exception thrown by a handler reaches the caller of the method
/// that made the change, which is then already applied.
/// </para>
/// </remarks>
public sealed class LocationService
{
    private readonly ConcurrentDictionary<string, AorEntry> _entries = new(StringComparer.Ordinal);
    private readonly IClock _clock;
    private readonly int _minExpires;
    private readonly int _maxExpires;
    private readonly int _defaultExpires;
    private readonly int _maxContactsPerAor;
    private readonly int _maxBindingsTotal;
    private int _count;

    /// <summary>Initializes a new instance of the <see cref="LocationService"/> class.</summary>
    /// <param name="options">The options; their values are copied.</param>
    /// <param name="clock">The clock that gives "now" for expiry.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid (see <see cref="RegistrarOptions"/>).</exception>
    public LocationService(RegistrarOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        RegistrarOptionsValidator.ThrowIfInvalid(options);
        _clock = clock;
        _minExpires = options.MinExpires;
        _maxExpires = options.MaxExpires;
        _defaultExpires = options.DefaultExpires;
        _maxContactsPerAor = options.MaxContactsPerAor;
        _maxBindingsTotal = options.MaxBindingsTotal;
    }

    /// <summary>Initializes a new instance of the <see cref="LocationService"/> class from configured options.</summary>
    /// <param name="options">The options; their values are read and copied once.</param>
    /// <param name="clock">The clock that gives "now" for expiry.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The options fail validation.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid (see <see cref="RegistrarOptions"/>).</exception>
    public LocationService(IOptions<RegistrarOptions> options, IClock clock)
        : this(ValueOf(options), clock)
    {
    }

    /// <summary>Occurs for every change to a binding: added, refreshed, updated, removed or expired.</summary>
    public event EventHandler<BindingChangedEventArgs>? BindingChanged;

    /// <summary>Gets the number of bindings held, including expired ones not purged yet.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Gets a snapshot of the addresses of record that hold bindings (some may have only expired ones not purged yet).</summary>
    public IReadOnlyCollection<string> Aors => (IReadOnlyCollection<string>)_entries.Keys;

    /// <summary>Applies a REGISTER request by the rules of RFC 3261 §10.3 (steps 6 to 8) and returns the response to send.</summary>
    /// <param name="request">The parsed request.</param>
    /// <returns>
    /// 200 with the bindings after the change; 400 for a malformed request; 423 with <see cref="RegisterOutcome.MinExpires"/>
    /// for a non-zero expiry below <see cref="RegistrarOptions.MinExpires"/>; 500 for a request older than a stored
    /// binding from the same Call-ID; 403 beyond <see cref="RegistrarOptions.MaxContactsPerAor"/>; 503 beyond
    /// <see cref="RegistrarOptions.MaxBindingsTotal"/>. A refused request changes nothing.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, or one of its required members or contacts, is null.</exception>
    /// <exception cref="ArgumentException">The request's <see cref="RegisterRequest.Aor"/> or <see cref="RegisterRequest.CallId"/> is empty.</exception>
    public RegisterOutcome Register(RegisterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Aor);
        ArgumentException.ThrowIfNullOrEmpty(request.CallId);
        ArgumentNullException.ThrowIfNull(request.Source);
        ArgumentNullException.ThrowIfNull(request.Contacts);
        ArgumentNullException.ThrowIfNull(request.Path);

        var error = Prepare(request, out var plans);
        if (error is not null)
        {
            return error;
        }

        var now = _clock.GetCurrentInstant();
        var pathToEcho = request.PathSupported && request.Path.Count > 0 ? request.Path : [];
        if (plans.Length == 0 && !request.IsWildcard)
        {
            // A query: the current bindings, no change (RFC 3261 §10.2.3).
            return RegisterOutcome.Success(Lookup(request.Aor, now), [], pathToEcho);
        }

        RegisterOutcome outcome;
        while (true)
        {
            var entry = _entries.GetOrAdd(request.Aor, static _ => new AorEntry());
            lock (entry.Gate)
            {
                if (entry.IsDead)
                {
                    continue;
                }

                outcome = Apply(entry, request, plans, now, pathToEcho);
                if (entry.Bindings.Length == 0)
                {
                    Retire(request.Aor, entry);
                }
            }

            break;
        }

        Raise(outcome.Changes);
        return outcome;
    }

    /// <summary>Returns the active bindings of an address of record, highest <c>q</c> first (an absent q counts as 1.0), then most recently updated first.</summary>
    /// <param name="aor">The canonical address of record (see <see cref="AddressOfRecord.Canonical(string, string?, string)"/>).</param>
    /// <returns>The bindings that have not expired; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="aor"/> is null.</exception>
    public IReadOnlyList<Binding> Lookup(string aor)
    {
        ArgumentNullException.ThrowIfNull(aor);
        return Lookup(aor, _clock.GetCurrentInstant());
    }

    /// <summary>Removes the expired bindings of every address of record and reports them; call it from a periodic tick.</summary>
    /// <returns>The <see cref="BindingChangeKind.Expired"/> changes, also raised as <see cref="BindingChanged"/>.</returns>
    /// <remarks>Reads one number per address of record, and locks only those that hold an expired binding.</remarks>
    public IReadOnlyList<BindingChange> PurgeExpired()
    {
        var now = _clock.GetCurrentInstant();
        var nowTicks = now.ToUnixTimeTicks();
        List<BindingChange>? changes = null;
        foreach (var (aor, entry) in _entries)
        {
            if (entry.NextExpiryTicks > nowTicks)
            {
                continue;
            }

            lock (entry.Gate)
            {
                if (entry.IsDead)
                {
                    continue;
                }

                var bindings = entry.Bindings;
                var kept = new List<Binding>(bindings.Length);
                foreach (var binding in bindings)
                {
                    if (binding.IsActive(now))
                    {
                        kept.Add(binding);
                    }
                    else
                    {
                        (changes ??= []).Add(new BindingChange(BindingChangeKind.Expired, binding));
                    }
                }

                if (kept.Count != bindings.Length)
                {
                    Interlocked.Add(ref _count, kept.Count - bindings.Length);
                }

                entry.Publish([.. kept]);
                if (kept.Count == 0)
                {
                    Retire(aor, entry);
                }
            }
        }

        if (changes is null)
        {
            return [];
        }

        Raise(changes);
        return changes;
    }

    /// <summary>Removes the bindings of an address of record whose contact URI is equivalent (RFC 3261 §19.1.4) to <paramref name="contactUri"/>, such as from an administration page.</summary>
    /// <param name="aor">The canonical address of record.</param>
    /// <param name="contactUri">The contact URI.</param>
    /// <returns><see langword="true"/> when a binding was removed; <see langword="false"/> when none matched (or <paramref name="contactUri"/> is not a URI).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="aor"/> or <paramref name="contactUri"/> is null.</exception>
    public bool Remove(string aor, string contactUri)
    {
        ArgumentNullException.ThrowIfNull(aor);
        ArgumentNullException.ThrowIfNull(contactUri);
        if (!ContactUri.TryParse(contactUri, out var key) || !_entries.TryGetValue(aor, out var entry))
        {
            return false;
        }

        List<BindingChange>? changes = null;
        lock (entry.Gate)
        {
            if (entry.IsDead)
            {
                return false;
            }

            var bindings = entry.Bindings;
            var kept = new List<Binding>(bindings.Length);
            foreach (var binding in bindings)
            {
                if (binding.Key.Equals(key))
                {
                    (changes ??= []).Add(new BindingChange(BindingChangeKind.Removed, binding));
                }
                else
                {
                    kept.Add(binding);
                }
            }

            if (changes is null)
            {
                return false;
            }

            Interlocked.Add(ref _count, -changes.Count);
            entry.Publish([.. kept]);
            if (kept.Count == 0)
            {
                Retire(aor, entry);
            }
        }

        Raise(changes);
        return true;
    }

    private static RegistrarOptions ValueOf(IOptions<RegistrarOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static Binding? FindMatch(List<Binding> bindings, in ContactPlan plan, out int index)
    {
        for (var i = 0; i < bindings.Count; i++)
        {
            if (plan.Matches(bindings[i]))
            {
                index = i;
                return bindings[i];
            }
        }

        index = -1;
        return null;
    }

    private static int CompareForLookup(Binding x, Binding y)
    {
        var c = y.EffectiveQ.CompareTo(x.EffectiveQ);
        if (c == 0)
        {
            c = y.UpdatedAt.CompareTo(x.UpdatedAt);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.ContactUri, y.ContactUri);
        }

        return c != 0 ? c : string.CompareOrdinal(x.InstanceId, y.InstanceId);
    }

    private static string OutOfOrder(RegisterRequest request, Binding stored) =>
        Invariant($"CSeq {request.CSeq} of Call-ID '{request.CallId}' is not above the CSeq {stored.CSeq} stored for contact '{stored.ContactUri}': the request is out of order.");

    private RegisterOutcome? Prepare(RegisterRequest request, out ContactPlan[] plans)
    {
        plans = [];
        if (request.Expires < 0)
        {
            return RegisterOutcome.BadRequest(Invariant($"The Expires header is {request.Expires}; it must not be negative."));
        }

        if (request.IsWildcard)
        {
            // RFC 3261 §10.3 step 6.
            if (request.Contacts.Count > 0)
            {
                return RegisterOutcome.BadRequest(Invariant($"Contact '*' must be the only contact, but the request also has {request.Contacts.Count} other (the first is '{request.Contacts[0]?.Uri}')."));
            }

            if (request.Expires != 0)
            {
                return RegisterOutcome.BadRequest(request.Expires is null
                    ? "Contact '*' needs 'Expires: 0', but the request has no Expires header."
                    : Invariant($"Contact '*' needs 'Expires: 0', but the request has 'Expires: {request.Expires}'."));
            }

            return null;
        }

        var count = request.Contacts.Count;
        if (count == 0)
        {
            return null;
        }

        plans = new ContactPlan[count];
        string? tooBrief = null;
        for (var i = 0; i < count; i++)
        {
            var contact = request.Contacts[i];
            ArgumentNullException.ThrowIfNull(contact, Invariant($"request.Contacts[{i}]"));
            ArgumentNullException.ThrowIfNull(contact.Parameters, Invariant($"request.Contacts[{i}].Parameters"));
            if (contact.Uri is null || !ContactUri.TryParse(contact.Uri, out var key))
            {
                return RegisterOutcome.BadRequest(Invariant($"Contact #{i + 1} '{contact.Uri}' is not a URI (a scheme, ':', and for sip/sips a host)."));
            }

            if (contact.Q is < 0m or > 1m)
            {
                return RegisterOutcome.BadRequest(Invariant($"Contact #{i + 1} '{contact.Uri}' has q={contact.Q}; q must lie between 0 and 1."));
            }

            if (contact.Expires < 0)
            {
                return RegisterOutcome.BadRequest(Invariant($"Contact #{i + 1} '{contact.Uri}' has expires={contact.Expires}; it must not be negative."));
            }

            // RFC 3261 §10.3 step 7: the contact's expires parameter, else the Expires header, else the default.
            var expires = contact.Expires ?? request.Expires ?? _defaultExpires;
            if (expires > 0 && expires < _minExpires)
            {
                tooBrief ??= Invariant($"Contact #{i + 1} '{contact.Uri}' asks for {expires} seconds ({(contact.Expires is null ? "Expires header" : "expires parameter")}); the minimum is {_minExpires}.");
            }

            plans[i] = new ContactPlan(contact, key, Math.Min(expires, _maxExpires));
        }

        return tooBrief is null ? null : RegisterOutcome.IntervalTooBrief(_minExpires, tooBrief);
    }

    private RegisterOutcome Apply(AorEntry entry, RegisterRequest request, ContactPlan[] plans, Instant now, IReadOnlyList<string> pathToEcho)
    {
        var stored = entry.Bindings;
        var live = new List<Binding>(stored.Length);
        List<BindingChange>? expired = null;
        foreach (var binding in stored)
        {
            if (binding.IsActive(now))
            {
                live.Add(binding);
            }
            else
            {
                (expired ??= []).Add(new BindingChange(BindingChangeKind.Expired, binding));
            }
        }

        var changes = new List<BindingChange>();
        List<Binding> result;
        if (request.IsWildcard)
        {
            // Step 6: remove every binding, unless one from the same Call-ID is as new as the request.
            foreach (var binding in live)
            {
                if (binding.CallId == request.CallId && request.CSeq <= binding.CSeq)
                {
                    return RegisterOutcome.Fail(500, "Server Internal Error", OutOfOrder(request, binding));
                }

                changes.Add(new BindingChange(BindingChangeKind.Removed, binding));
            }

            result = [];
        }
        else
        {
            // Step 8, on a working copy; the Call-ID/CSeq check is against the bindings stored before the request.
            result = new List<Binding>(live);
            foreach (ref readonly var plan in plans.AsSpan())
            {
                var original = FindMatch(live, plan, out _);
                if (original is not null && original.CallId == request.CallId && request.CSeq <= original.CSeq)
                {
                    return RegisterOutcome.Fail(500, "Server Internal Error", OutOfOrder(request, original));
                }

                var current = FindMatch(result, plan, out var index);
                if (plan.Expires == 0)
                {
                    if (current is not null)
                    {
                        result.RemoveAt(index);
                        changes.Add(new BindingChange(BindingChangeKind.Removed, current));
                    }

                    continue;
                }

                var expiresAt = now + Duration.FromSeconds(plan.Expires);
                if (current is null)
                {
                    var added = new Binding(request.Aor, plan.Contact, plan.Key, expiresAt, now, now, request);
                    result.Add(added);
                    changes.Add(new BindingChange(BindingChangeKind.Added, added));
                }
                else
                {
                    var sameSession = current.CallId == request.CallId;
                    var updated = new Binding(request.Aor, plan.Contact, plan.Key, expiresAt, sameSession ? current.RegisteredAt : now, now, request);
                    result[index] = updated;
                    var kind = sameSession && current.ContactUri == plan.Contact.Uri ? BindingChangeKind.Refreshed : BindingChangeKind.Updated;
                    changes.Add(new BindingChange(kind, updated, current));
                }
            }

            if (result.Count > _maxContactsPerAor && result.Count > live.Count)
            {
                return RegisterOutcome.Fail(403, "Forbidden", Invariant($"The address of record '{request.Aor}' would hold {result.Count} bindings; at most {_maxContactsPerAor} are allowed."));
            }
        }

        var delta = result.Count - stored.Length;
        if (delta > 0)
        {
            if (Interlocked.Add(ref _count, delta) > _maxBindingsTotal)
            {
                Interlocked.Add(ref _count, -delta);
                return RegisterOutcome.Fail(503, "Service Unavailable", Invariant($"The registrar holds its maximum of {_maxBindingsTotal} bindings."));
            }
        }
        else if (delta < 0)
        {
            Interlocked.Add(ref _count, delta);
        }

        var array = result.ToArray();
        Array.Sort(array, CompareForLookup);
        entry.Publish(array);
        if (expired is not null)
        {
            changes.InsertRange(0, expired);
        }

        return RegisterOutcome.Success(Wrap(array), changes, pathToEcho);
    }

    private ImmutableArray<Binding> Lookup(string aor, Instant now)
    {
        if (!_entries.TryGetValue(aor, out var entry))
        {
            return [];
        }

        var bindings = entry.Bindings;
        var active = 0;
        foreach (var binding in bindings)
        {
            if (binding.IsActive(now))
            {
                active++;
            }
        }

        if (active == bindings.Length)
        {
            return Wrap(bindings);
        }

        var result = new Binding[active];
        var n = 0;
        foreach (var binding in bindings)
        {
            if (binding.IsActive(now))
            {
                result[n++] = binding;
            }
        }

        return Wrap(result);
    }

    private static ImmutableArray<Binding> Wrap(Binding[] bindings) => ImmutableCollectionsMarshal.AsImmutableArray(bindings);

    private void Retire(string aor, AorEntry entry)
    {
        // Under the entry's lock: a registration that fetched this entry before the removal sees IsDead and retries.
        entry.IsDead = true;
        _entries.TryRemove(new KeyValuePair<string, AorEntry>(aor, entry));
    }

    private void Raise(IReadOnlyList<BindingChange> changes)
    {
        var handler = BindingChanged;
        if (handler is null)
        {
            return;
        }

        foreach (var change in changes)
        {
            handler(this, new BindingChangedEventArgs(change));
        }
    }

    /// <summary>A contact of the request with its parsed URI and granted expiry.</summary>
    private readonly struct ContactPlan(RegisterContact contact, ContactUri key, int expires)
    {
        public RegisterContact Contact { get; } = contact;

        public ContactUri Key { get; } = key;

        public int Expires { get; } = expires;

        /// <summary>Same binding: the same <c>+sip.instance</c> and reg-id when both have an instance (RFC 5626), else equivalent URIs.</summary>
        public bool Matches(Binding binding) =>
            Contact.InstanceId is not null && binding.InstanceId is not null
                ? string.Equals(Contact.InstanceId, binding.InstanceId, StringComparison.OrdinalIgnoreCase) && Contact.RegId == binding.RegId
                : Key.Equals(binding.Key);
    }

    /// <summary>The bindings of one address of record, and the lock that guards changes to them.</summary>
    private sealed class AorEntry
    {
        private Binding[] _bindings = [];
        private long _nextExpiryTicks = long.MaxValue;

        public Lock Gate { get; } = new();

        /// <summary>Gets or sets a value indicating whether the entry was removed from the map (set under <see cref="Gate"/>).</summary>
        public bool IsDead { get; set; }

        /// <summary>Gets the bindings, sorted in lookup order; never changed in place, so readable without the lock.</summary>
        public Binding[] Bindings => Volatile.Read(ref _bindings);

        /// <summary>Gets the earliest expiry of the bindings, in ticks since the Unix epoch (rounded down), or <see cref="long.MaxValue"/>.</summary>
        public long NextExpiryTicks => Volatile.Read(ref _nextExpiryTicks);

        /// <summary>Replaces the bindings (under <see cref="Gate"/>).</summary>
        public void Publish(Binding[] bindings)
        {
            var next = long.MaxValue;
            foreach (var binding in bindings)
            {
                next = Math.Min(next, binding.ExpiresAt.ToUnixTimeTicks());
            }

            Volatile.Write(ref _bindings, bindings);
            Volatile.Write(ref _nextExpiryTicks, next);
        }
    }
}
