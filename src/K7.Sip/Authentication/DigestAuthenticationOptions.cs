using NodaTime;

namespace K7.Sip.Authentication;

/// <summary>Options of <see cref="DigestAuthenticator"/> and <see cref="NonceManager"/>.</summary>
/// <remarks>Mutable for the options pattern; treat an instance as read-only once it has been passed to a constructor
/// (the constructors copy what they need).</remarks>
public sealed class DigestAuthenticationOptions
{
    /// <summary>The default largest number of nonces whose nonce counts are remembered.</summary>
    public const int DefaultMaxNonceCountEntries = 100_000;

    /// <summary>Gets or sets the realm put in challenges and expected in responses (usually the SIP domain).</summary>
    /// <value>Default: empty, which is invalid: a realm must be set.</value>
    public string Realm { get; set; } = string.Empty;

    /// <summary>Gets or sets the algorithms offered, in order of preference, one challenge each (RFC 8760 §2.4).</summary>
    /// <value>Default: SHA-256, then MD5. At least one, no duplicates.</value>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; set; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>Gets or sets how long a nonce stays fresh; an older but authentic nonce is answered with <c>stale=true</c>.</summary>
    /// <value>Default: 5 minutes. Between 1 second and 1 day.</value>
    public Duration NonceLifetime { get; set; } = Duration.FromMinutes(5);

    /// <summary>Gets or sets the largest number of nonces whose highest nonce count is remembered for replay protection.</summary>
    /// <value>Default: <see cref="DefaultMaxNonceCountEntries"/> (about 6 MB). Between 16 and 10,000,000.</value>
    /// <remarks>When the table is full, expired nonces are dropped first, then the oldest quarter; a forgotten nonce
    /// is afterwards answered as stale (the client retries with a new nonce), never accepted again, so the cap
    /// bounds memory without opening a replay window.</remarks>
    public int MaxNonceCountEntries { get; set; } = DefaultMaxNonceCountEntries;

    /// <summary>Gets or sets the key of the nonces' HMAC-SHA256, so that several servers accept each other's nonces.</summary>
    /// <value>Default: <see langword="null"/>: each <see cref="NonceManager"/> draws a random 32-byte key. At least 16 bytes when set.</value>
    /// <remarks>Nonce counts are remembered per server: a replay sent to another server that shares the key is only
    /// caught by that server's own table.</remarks>
#pragma warning disable CA1819 // A key is naturally a byte array; the constructors copy it.
    public byte[]? NonceKey { get; set; }
#pragma warning restore CA1819

    /// <summary>Gets or sets the <c>opaque</c> value put in challenges and required back in responses.</summary>
    /// <value>Default: <see langword="null"/> (no opaque parameter).</value>
    public string? Opaque { get; set; }

    /// <summary>Validates the options and returns the first problem, or <see langword="null"/>.</summary>
    internal string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Realm))
        {
            return $"{nameof(Realm)}: a realm is required.";
        }

        if (Realm.AsSpan().IndexOfAny('"', '\\', '\r') >= 0 || Realm.Contains('\n', StringComparison.Ordinal))
        {
            return $"{nameof(Realm)}: a realm cannot contain quotes, backslashes or line breaks.";
        }

        if (Algorithms is null || Algorithms.Count == 0)
        {
            return $"{nameof(Algorithms)}: at least one algorithm is required.";
        }

        for (var i = 0; i < Algorithms.Count; i++)
        {
            if (!Enum.IsDefined(Algorithms[i]))
            {
                return $"{nameof(Algorithms)}[{i}]: {Algorithms[i]} is not a supported algorithm.";
            }

            for (var j = 0; j < i; j++)
            {
                if (Algorithms[j] == Algorithms[i])
                {
                    return $"{nameof(Algorithms)}[{i}]: {Algorithms[i]} is listed twice.";
                }
            }
        }

        if (NonceLifetime < Duration.FromSeconds(1) || NonceLifetime > Duration.FromDays(1))
        {
            return $"{nameof(NonceLifetime)}: must be between 1 second and 1 day.";
        }

        if (MaxNonceCountEntries is < 16 or > 10_000_000)
        {
            return $"{nameof(MaxNonceCountEntries)}: must be between 16 and 10,000,000.";
        }

        if (NonceKey is not null && NonceKey.Length < 16)
        {
            return $"{nameof(NonceKey)}: must be at least 16 bytes.";
        }

        if (Opaque is not null && (Opaque.AsSpan().IndexOfAny('"', '\\', '\r') >= 0 || Opaque.Contains('\n', StringComparison.Ordinal)))
        {
            return $"{nameof(Opaque)}: cannot contain quotes, backslashes or line breaks.";
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the options are invalid.</summary>
    internal void ThrowIfInvalid(string parameterName)
    {
        var problem = Validate();
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid digest authentication options: {problem}", parameterName);
        }
    }
}
