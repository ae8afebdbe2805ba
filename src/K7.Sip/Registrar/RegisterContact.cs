namespace K7.Sip.Registrar;

/// <summary>One Contact of a REGISTER request, already parsed.</summary>
/// <remarks>Record equality compares <see cref="Parameters"/> by reference.</remarks>
public sealed record RegisterContact
{
    /// <summary>Gets the contact URI exactly as written (without angle brackets), including its URI parameters and escaped headers.</summary>
    public required string Uri { get; init; }

    /// <summary>Gets the <c>q</c> parameter (0 to 1), or <see langword="null"/> when absent.</summary>
    public decimal? Q { get; init; }

    /// <summary>Gets the <c>expires</c> parameter in seconds, or <see langword="null"/> when absent.</summary>
    public int? Expires { get; init; }

    /// <summary>Gets the <c>+sip.instance</c> parameter (RFC 5626), as written, or <see langword="null"/> when absent.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Gets the <c>reg-id</c> parameter (RFC 5626), or <see langword="null"/> when absent.</summary>
    public int? RegId { get; init; }

    /// <summary>Gets the other contact parameters (not <c>q</c>, <c>expires</c>, <c>+sip.instance</c> or <c>reg-id</c>) in order; a value is <see langword="null"/> for a parameter without one.</summary>
    /// <value>Default: empty.</value>
    public IReadOnlyList<KeyValuePair<string, string?>> Parameters { get; init; } = [];
}
