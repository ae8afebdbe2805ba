namespace K7.Sip.Registrar;

/// <summary>Options of the registrar's <see cref="LocationService"/>: registration lifetimes and limits.</summary>
/// <remarks>
/// Rules checked by validation: <see cref="MinExpires"/> ≥ 1; <see cref="MinExpires"/> ≤ <see cref="DefaultExpires"/> ≤
/// <see cref="MaxExpires"/>; <see cref="MaxContactsPerAor"/> ≥ 1; <see cref="MaxBindingsTotal"/> ≥ 1. Treated as
/// read-only once validated: the <see cref="LocationService"/> copies the values when it is created.
/// </remarks>
public sealed class RegistrarOptions
{
    /// <summary>Gets or sets the shortest registration accepted, in seconds; a shorter non-zero one is refused with 423 (Interval Too Brief) and a Min-Expires header.</summary>
    /// <value>Default: 60 (the RFC 3261 recommendation, so that refreshes stay cheap).</value>
    public int MinExpires { get; set; } = 60;

    /// <summary>Gets or sets the longest registration granted, in seconds; a longer one is accepted and shortened to this value.</summary>
    /// <value>Default: 3600 (one hour: what phones usually ask for, and a bound on how long an unplugged phone stays reachable on paper).</value>
    public int MaxExpires { get; set; } = 3600;

    /// <summary>Gets or sets the registration granted when neither the contact's <c>expires</c> parameter nor the Expires header gives one, in seconds.</summary>
    /// <value>Default: 3600 (the RFC 3261 default).</value>
    public int DefaultExpires { get; set; } = 3600;

    /// <summary>Gets or sets the most bindings one address of record may hold; a REGISTER that would exceed it is refused whole with 403 (Forbidden).</summary>
    /// <value>Default: 10.</value>
    public int MaxContactsPerAor { get; set; } = 10;

    /// <summary>Gets or sets the most bindings the service holds in total (a memory bound); a REGISTER that would add bindings beyond it is refused whole with 503 (Service Unavailable).</summary>
    /// <value>Default: 500,000 (roughly 0.5 KB each, so about 250 MB at the limit).</value>
    public int MaxBindingsTotal { get; set; } = 500_000;
}
