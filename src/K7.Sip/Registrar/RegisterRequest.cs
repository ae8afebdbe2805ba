namespace K7.Sip.Registrar;

/// <summary>A REGISTER request, reduced to what the registrar needs (RFC 3261 §10.3), already parsed.</summary>
/// <remarks>Record equality compares the lists by reference.</remarks>
public sealed record RegisterRequest
{
    /// <summary>Gets the canonical address of record, from <see cref="AddressOfRecord.Canonical(string, string?, string)"/> on the To URI.</summary>
    public required string Aor { get; init; }

    /// <summary>Gets the contacts, in the order written; empty for a query of the current bindings (and for a wildcard).</summary>
    /// <value>Default: empty.</value>
    public IReadOnlyList<RegisterContact> Contacts { get; init; } = [];

    /// <summary>Gets a value indicating whether the request has <c>Contact: *</c> (remove all bindings).</summary>
    public bool IsWildcard { get; init; }

    /// <summary>Gets the value of the Expires header in seconds, or <see langword="null"/> when absent.</summary>
    public int? Expires { get; init; }

    /// <summary>Gets the Call-ID.</summary>
    public required string CallId { get; init; }

    /// <summary>Gets the sequence number of the CSeq header.</summary>
    public uint CSeq { get; init; }

    /// <summary>Gets the User-Agent header, or <see langword="null"/> when absent.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Gets where the request came from.</summary>
    public required RegisterSource Source { get; init; }

    /// <summary>Gets the Path header values (RFC 3327), in order, or empty.</summary>
    /// <value>Default: empty.</value>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary>Gets a value indicating whether the Supported header lists <c>path</c>.</summary>
    public bool PathSupported { get; init; }
}
