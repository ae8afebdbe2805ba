namespace K7.Sip.Authentication;

/// <summary>What a credential store knows about a user's secret: the password, or only H(A1) per algorithm.</summary>
/// <remarks>
/// A store that must not keep passwords keeps H(username ":" realm ":" password) for each algorithm it supports
/// (see <see cref="DigestCalculator.ComputeHa1"/>); such a credential is bound to one realm. A password credential
/// serves every realm and algorithm. Instances are immutable.
/// </remarks>
public sealed class SipCredential
{
    private readonly string? _md5Ha1;
    private readonly string? _sha256Ha1;

    private SipCredential(string? password, string? realm, string? md5Ha1, string? sha256Ha1)
    {
        Password = password;
        Realm = realm;
        _md5Ha1 = md5Ha1;
        _sha256Ha1 = sha256Ha1;
    }

    /// <summary>Gets the password, or <see langword="null"/> for a credential that holds only hashes.</summary>
    public string? Password { get; }

    /// <summary>Gets the realm the hashes were computed for, or <see langword="null"/> for a password credential (any realm).</summary>
    public string? Realm { get; }

    /// <summary>Creates a credential from a password.</summary>
    /// <param name="password">The password (may not be empty).</param>
    /// <returns>The credential.</returns>
    public static SipCredential FromPassword(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return new SipCredential(password, null, null, null);
    }

    /// <summary>Creates a credential from precomputed H(A1) values.</summary>
    /// <param name="realm">The realm the hashes were computed with.</param>
    /// <param name="md5Ha1">H(A1) with MD5 (32 hexadecimal digits), or <see langword="null"/>.</param>
    /// <param name="sha256Ha1">H(A1) with SHA-256 (64 hexadecimal digits), or <see langword="null"/>.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">Both hashes are missing, or one is not hexadecimal of the right length.</exception>
    public static SipCredential FromHa1(string realm, string? md5Ha1, string? sha256Ha1)
    {
        ArgumentException.ThrowIfNullOrEmpty(realm);
        if (md5Ha1 is null && sha256Ha1 is null)
        {
            throw new ArgumentException("At least one H(A1) value is required.", nameof(md5Ha1));
        }

        Span<byte> buffer = stackalloc byte[DigestCalculator.MaxHexSize];
        if (md5Ha1 is not null && !DigestCalculator.TryReadHex(DigestAlgorithm.Md5, md5Ha1, buffer))
        {
            throw new ArgumentException("The MD5 H(A1) must be 32 hexadecimal digits.", nameof(md5Ha1));
        }

        if (sha256Ha1 is not null && !DigestCalculator.TryReadHex(DigestAlgorithm.Sha256, sha256Ha1, buffer))
        {
            throw new ArgumentException("The SHA-256 H(A1) must be 64 hexadecimal digits.", nameof(sha256Ha1));
        }

        return new SipCredential(null, realm, md5Ha1?.ToLowerInvariant(), sha256Ha1?.ToLowerInvariant());
    }

    /// <summary>Gets whether this credential can verify a response made with <paramref name="algorithm"/>.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns><see langword="true"/> for a password, or when the matching H(A1) is stored.</returns>
    public bool Supports(DigestAlgorithm algorithm) => Password is not null || GetHa1(algorithm) is not null;

    /// <summary>Gets the stored H(A1) for <paramref name="algorithm"/>, lower case, or <see langword="null"/>.</summary>
    internal string? GetHa1(DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Md5 ? _md5Ha1 : _sha256Ha1;
}
