using System.Text;

namespace K7.Sip.Authentication;

/// <summary>A digest challenge: the value of a <c>WWW-Authenticate</c> or <c>Proxy-Authenticate</c> header.</summary>
/// <remarks>Formats as <c>Digest realm="…", nonce="…", algorithm=SHA-256, qop="auth"[, stale=true][, opaque="…"]</c>.
/// Instances are immutable.</remarks>
public sealed class DigestChallenge
{
    /// <summary>Initializes a new instance of the <see cref="DigestChallenge"/> class.</summary>
    /// <param name="realm">The realm.</param>
    /// <param name="nonce">The nonce.</param>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="stale">Whether the previous nonce was stale.</param>
    /// <param name="opaque">The opaque value, or <see langword="null"/>.</param>
    public DigestChallenge(string realm, string nonce, DigestAlgorithm algorithm, bool stale = false, string? opaque = null)
    {
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        if (!Enum.IsDefined(algorithm))
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown digest algorithm.");
        }

        Realm = realm;
        Nonce = nonce;
        Algorithm = algorithm;
        Stale = stale;
        Opaque = opaque;
    }

    /// <summary>Gets the realm.</summary>
    public string Realm { get; }

    /// <summary>Gets the nonce.</summary>
    public string Nonce { get; }

    /// <summary>Gets the algorithm.</summary>
    public DigestAlgorithm Algorithm { get; }

    /// <summary>Gets a value indicating whether the challenge says the previous nonce was stale.</summary>
    public bool Stale { get; }

    /// <summary>Gets the opaque value, or <see langword="null"/>.</summary>
    public string? Opaque { get; }

    /// <summary>Formats the challenge as a header value.</summary>
    /// <returns>The header value.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder(64 + Realm.Length + Nonce.Length + (Opaque?.Length ?? 0));
        builder.Append("Digest ");
        DigestCredentials.AppendQuoted(builder, "realm", Realm);
        builder.Append(", ");
        DigestCredentials.AppendQuoted(builder, "nonce", Nonce);
        builder.Append(", algorithm=").Append(DigestCalculator.Name(Algorithm)).Append(", qop=\"auth\"");
        if (Stale)
        {
            builder.Append(", stale=true");
        }

        if (Opaque is not null)
        {
            builder.Append(", ");
            DigestCredentials.AppendQuoted(builder, "opaque", Opaque);
        }

        return builder.ToString();
    }
}
