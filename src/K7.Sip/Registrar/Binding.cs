using NodaTime;

namespace K7.Sip.Registrar;

/// <summary>A binding of an address of record to a contact URI, held by the <see cref="LocationService"/>.</summary>
/// <remarks>Immutable: a refresh replaces the binding with a new instance. Thread-safe.</remarks>
public sealed class Binding
{
    internal Binding(
        string aor,
        RegisterContact contact,
        ContactUri key,
        Instant expiresAt,
        Instant registeredAt,
        Instant updatedAt,
        RegisterRequest request)
    {
        Aor = aor;
        ContactUri = contact.Uri;
        Key = key;
        Q = contact.Q;
        ExpiresAt = expiresAt;
        RegisteredAt = registeredAt;
        UpdatedAt = updatedAt;
        CallId = request.CallId;
        CSeq = request.CSeq;
        UserAgent = request.UserAgent;
        Source = request.Source;
        Path = request.Path;
        InstanceId = contact.InstanceId;
        RegId = contact.RegId;
        Parameters = contact.Parameters;
    }

    /// <summary>Gets the canonical address of record the binding belongs to.</summary>
    public string Aor { get; }

    /// <summary>Gets the contact URI exactly as the device wrote it.</summary>
    public string ContactUri { get; }

    /// <summary>Gets the <c>q</c> value the device gave, or <see langword="null"/> (ordered as 1.0).</summary>
    public decimal? Q { get; }

    /// <summary>Gets the instant the binding expires; from then on it no longer exists.</summary>
    public Instant ExpiresAt { get; }

    /// <summary>Gets the instant the binding was first registered (kept across refreshes from the same Call-ID).</summary>
    public Instant RegisteredAt { get; }

    /// <summary>Gets the instant of the last REGISTER that added, refreshed or replaced the binding.</summary>
    public Instant UpdatedAt { get; }

    /// <summary>Gets the Call-ID of the last REGISTER for the binding.</summary>
    public string CallId { get; }

    /// <summary>Gets the CSeq number of the last REGISTER for the binding.</summary>
    public uint CSeq { get; }

    /// <summary>Gets the User-Agent of the last REGISTER, or <see langword="null"/>.</summary>
    public string? UserAgent { get; }

    /// <summary>Gets where the last REGISTER came from.</summary>
    public RegisterSource Source { get; }

    /// <summary>Gets the Path (RFC 3327) of the last REGISTER, in order: the route towards the device; empty when none.</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>Gets the <c>+sip.instance</c> of the contact, or <see langword="null"/>.</summary>
    public string? InstanceId { get; }

    /// <summary>Gets the <c>reg-id</c> of the contact, or <see langword="null"/>.</summary>
    public int? RegId { get; }

    /// <summary>Gets the other contact parameters of the last REGISTER, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Parameters { get; }

    internal ContactUri Key { get; }

    /// <summary>Gets the <c>q</c> value used for ordering: <see cref="Q"/>, or 1.0 when absent.</summary>
    internal decimal EffectiveQ => Q ?? 1m;

    /// <summary>Returns whether the binding still exists at <paramref name="now"/> (it expires at <see cref="ExpiresAt"/>).</summary>
    /// <param name="now">The current instant.</param>
    /// <returns><see langword="true"/> when <paramref name="now"/> is before <see cref="ExpiresAt"/>.</returns>
    public bool IsActive(Instant now) => now < ExpiresAt;

    /// <summary>Returns the seconds left until the binding expires, rounded up, for the <c>expires</c> parameter of a 200 response's Contact.</summary>
    /// <param name="now">The current instant.</param>
    /// <returns>The seconds left (at least 1 while the binding is active), or 0 once it has expired.</returns>
    public int Remaining(Instant now)
    {
        if (now >= ExpiresAt)
        {
            return 0;
        }

        var ticks = (ExpiresAt - now).ToInt64Nanoseconds();
        var seconds = (ticks + NodaConstants.NanosecondsPerSecond - 1) / NodaConstants.NanosecondsPerSecond;
        return seconds > int.MaxValue ? int.MaxValue : (int)seconds;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Aor} -> {ContactUri} (expires {ExpiresAt}, Call-ID {CallId}, CSeq {CSeq})";
}
