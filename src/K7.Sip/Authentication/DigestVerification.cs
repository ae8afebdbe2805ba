namespace K7.Sip.Authentication;

/// <summary>The result of <see cref="DigestAuthenticator.VerifyAsync"/>.</summary>
/// <remarks>Instances are immutable.</remarks>
public sealed class DigestVerification
{
    internal DigestVerification(DigestOutcome outcome, string? username, string? realm, DigestAlgorithm? algorithm, string? reason, int? position, string? uri = null)
    {
        Uri = uri;
        Outcome = outcome;
        Username = username;
        Realm = realm;
        Algorithm = algorithm;
        Reason = reason;
        Position = position;
    }

    /// <summary>Gets the digest-uri of the credentials (which a server compares with the Request-URI), when they could be read.</summary>
    public string? Uri { get; }

    /// <summary>Gets the outcome.</summary>
    public DigestOutcome Outcome { get; }

    /// <summary>Gets a value indicating whether the credentials are valid.</summary>
    public bool IsSuccess => Outcome == DigestOutcome.Success;

    /// <summary>Gets the user name of the credentials, when they could be read.</summary>
    public string? Username { get; }

    /// <summary>Gets the realm of the credentials, when they could be read.</summary>
    public string? Realm { get; }

    /// <summary>Gets the algorithm of the credentials, when it is a supported one.</summary>
    public DigestAlgorithm? Algorithm { get; }

    /// <summary>Gets why the credentials were not accepted, in words fit for a log; <see langword="null"/> on success.</summary>
    public string? Reason { get; }

    /// <summary>Gets the zero-based character offset of the problem in the header value, for <see cref="DigestOutcome.Malformed"/>.</summary>
    public int? Position { get; }

    /// <inheritdoc/>
    public override string ToString() => Reason is null ? $"{Outcome} ({Username})" : $"{Outcome} ({Username}): {Reason}";
}
