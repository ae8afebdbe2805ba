using System.Security.Cryptography;
using NodaTime;

namespace K7.Sip.Authentication;

/// <summary>
/// Server-side digest authentication for a registrar or proxy (RFC 3261 §22, RFC 7616, RFC 8760): issues challenges
/// and verifies the credentials of the requests that answer them.
/// </summary>
/// <remarks>
/// <para>Responses must use <c>qop=auth</c> (RFC 8760 makes it a SHOULD; every current phone sends it, and without a
/// nonce count there is no replay protection), so an RFC 2069-style response without qop is answered as
/// <see cref="DigestOutcome.UnsupportedQop"/>. <c>auth-int</c> and the <c>-sess</c> algorithms are not supported.</para>
/// <para>Verification compares the response in constant time, and does the same hashing work for an unknown user as
/// for a known one (against a random dummy password), so neither the answer nor its timing reveals which user names
/// exist; the credential store's own lookup time is outside this class's control. The digest-uri is not compared
/// with the Request-URI here: that is the caller's job when it has the parsed message.</para>
/// <para>This class is thread-safe.</para>
/// </remarks>
public sealed class DigestAuthenticator
{
    private readonly ICredentialStore _store;
    private readonly INonceManager _nonces;
    private readonly string _realm;
    private readonly DigestAlgorithm[] _algorithms;
    private readonly string? _opaque;
    private readonly string _dummyPassword;

    /// <summary>Initializes a new instance of the <see cref="DigestAuthenticator"/> class.</summary>
    /// <param name="options">The realm, algorithms and nonce settings.</param>
    /// <param name="store">Where user secrets are looked up.</param>
    /// <param name="clock">The clock for nonces.</param>
    /// <param name="nonceManager">The nonce manager, or <see langword="null"/> for a <see cref="NonceManager"/> built from <paramref name="options"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public DigestAuthenticator(DigestAuthenticationOptions options, ICredentialStore store, IClock clock, INonceManager? nonceManager = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        options.ThrowIfInvalid(nameof(options));
        _store = store;
        _nonces = nonceManager ?? new NonceManager(options, clock);
        _realm = options.Realm;
        _algorithms = [.. options.Algorithms];
        _opaque = options.Opaque;
        _dummyPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>Gets the realm of challenges.</summary>
    public string Realm => _realm;

    /// <summary>Gets the algorithms offered, in order of preference.</summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms => _algorithms;

    /// <summary>
    /// Creates the challenges of a 401 or 407 answer: one header value per algorithm, in order of preference, sharing
    /// one fresh nonce. <paramref name="algorithms"/> narrows the offer, such as to MD5 alone for a user agent that
    /// cannot cope with a SHA-256 challenge; algorithms not in <see cref="Algorithms"/> are skipped, and when none
    /// remains every configured algorithm is offered.
    /// </summary>
    /// <param name="stale">Whether to say <c>stale=true</c> (after <see cref="DigestOutcome.Stale"/>).</param>
    /// <param name="algorithms">The algorithms to offer, in order, or <see langword="null"/> for <see cref="Algorithms"/>.</param>
    /// <returns>The <c>WWW-Authenticate</c> (or <c>Proxy-Authenticate</c>) header values, in the order to send them.</returns>
    public IReadOnlyList<string> CreateChallenges(bool stale = false, IReadOnlyList<DigestAlgorithm>? algorithms = null)
    {
        var offered = algorithms is null ? _algorithms : [.. algorithms.Where(a => Array.IndexOf(_algorithms, a) >= 0).Distinct()];
        if (offered.Length == 0)
        {
            offered = _algorithms;
        }

        var nonce = _nonces.CreateNonce();
        var challenges = new string[offered.Length];
        for (var i = 0; i < challenges.Length; i++)
        {
            challenges[i] = new DigestChallenge(_realm, nonce, offered[i], stale, _opaque).ToString();
        }

        return challenges;
    }

    /// <summary>Verifies the credentials of a request.</summary>
    /// <param name="authorizationHeaderValue">The value of the request's <c>Authorization</c> (or <c>Proxy-Authorization</c>) header, or <see langword="null"/> when it has none.</param>
    /// <param name="method">The request method (<c>REGISTER</c>), which is part of the digest.</param>
    /// <param name="expectedRealm">The realm the credentials must be for, or <see langword="null"/> for <see cref="Realm"/>.</param>
    /// <param name="cancellationToken">Cancels the credential lookup.</param>
    /// <returns>The outcome, with the user name and a reason when the credentials are not accepted.</returns>
    public ValueTask<DigestVerification> VerifyAsync(
        string? authorizationHeaderValue, string method, string? expectedRealm = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        if (string.IsNullOrWhiteSpace(authorizationHeaderValue))
        {
            return new(Result(DigestOutcome.Missing, null, null, "The request has no credentials."));
        }

        if (!DigestCredentials.TryParseCore(authorizationHeaderValue, out var credentials, out var error))
        {
            return new(new DigestVerification(DigestOutcome.Malformed, null, null, null, error.Message, error.Position));
        }

        if (!credentials.IsDigest)
        {
            return new(Result(DigestOutcome.Missing, null, null, $"The credentials use the '{credentials.Scheme}' scheme, not Digest."));
        }

        var realm = expectedRealm ?? _realm;
        if (!string.Equals(credentials.Realm, realm, StringComparison.Ordinal))
        {
            return new(Result(DigestOutcome.WrongRealm, credentials, null, $"The credentials are for the realm '{credentials.Realm}', not '{realm}'."));
        }

        var algorithm = DigestAlgorithm.Md5;
        if (credentials.Algorithm is not null && !DigestCalculator.TryParseName(credentials.Algorithm, out algorithm))
        {
            return new(Result(DigestOutcome.UnsupportedAlgorithm, credentials, null, $"The algorithm '{credentials.Algorithm}' is not supported."));
        }

        if (Array.IndexOf(_algorithms, algorithm) < 0)
        {
            return new(Result(DigestOutcome.UnsupportedAlgorithm, credentials, algorithm, $"The algorithm {DigestCalculator.Name(algorithm)} is not offered."));
        }

        if (credentials.Qop is null || !credentials.Qop.Equals("auth", StringComparison.OrdinalIgnoreCase))
        {
            var reason = credentials.Qop is null ? "The response has no qop; qop=auth is required." : $"The qop '{credentials.Qop}' is not supported; qop=auth is required.";
            return new(Result(DigestOutcome.UnsupportedQop, credentials, algorithm, reason));
        }

        if (_opaque is not null && !string.Equals(credentials.Opaque, _opaque, StringComparison.Ordinal))
        {
            return new(Result(DigestOutcome.InvalidNonce, credentials, algorithm, "The opaque value does not match the challenge."));
        }

        var nonceStatus = _nonces.Validate(credentials.Nonce);
        if (nonceStatus is not NonceStatus.Valid and not NonceStatus.Stale)
        {
            return new(Result(DigestOutcome.InvalidNonce, credentials, algorithm, "The nonce was not issued by this server or was altered."));
        }

        var lookup = _store.FindAsync(credentials.Username, realm, cancellationToken);
        return lookup.IsCompletedSuccessfully
            ? new(Complete(credentials, algorithm, realm, nonceStatus, method, lookup.Result))
            : AwaitLookup(lookup, credentials, algorithm, realm, nonceStatus, method);
    }

    private static DigestVerification Result(DigestOutcome outcome, DigestCredentials? credentials, DigestAlgorithm? algorithm, string? reason) =>
        new(outcome, credentials?.Username, credentials?.Realm, algorithm, reason, null, credentials?.Uri);

    private async ValueTask<DigestVerification> AwaitLookup(
        ValueTask<SipCredential?> lookup, DigestCredentials credentials, DigestAlgorithm algorithm, string realm, NonceStatus nonceStatus, string method)
    {
        var credential = await lookup.ConfigureAwait(false);
        return Complete(credentials, algorithm, realm, nonceStatus, method, credential);
    }

    private DigestVerification Complete(
        DigestCredentials credentials, DigestAlgorithm algorithm, string realm, NonceStatus nonceStatus, string method, SipCredential? credential)
    {
        var match = Matches(credentials, algorithm, realm, method, credential, out var usable);
        if (credential is null)
        {
            return Result(DigestOutcome.UnknownUser, credentials, algorithm, $"The user '{credentials.Username}' is not known in the realm '{realm}'.");
        }

        if (!usable)
        {
            return Result(DigestOutcome.UnsupportedAlgorithm, credentials, algorithm, $"No {DigestCalculator.Name(algorithm)} secret is stored for the user.");
        }

        if (!match)
        {
            return Result(DigestOutcome.InvalidResponse, credentials, algorithm, "The response does not match the password.");
        }

        if (nonceStatus == NonceStatus.Stale)
        {
            return Result(DigestOutcome.Stale, credentials, algorithm, "The nonce has expired.");
        }

        return _nonces.UseNonceCount(credentials.Nonce, credentials.NonceCountValue) switch
        {
            NonceStatus.Valid => Result(DigestOutcome.Success, credentials, algorithm, null),
            NonceStatus.Stale => Result(DigestOutcome.Stale, credentials, algorithm, "The nonce has expired or is no longer tracked."),
            NonceStatus.Replay => Result(DigestOutcome.Replay, credentials, algorithm, $"The nonce count {credentials.NonceCount} was already used with this nonce."),
            _ => Result(DigestOutcome.InvalidNonce, credentials, algorithm, "The nonce was not issued by this server or was altered."),
        };
    }

    /// <summary>Computes the expected response and compares it in constant time; always does one H(A1) computation.</summary>
    private bool Matches(DigestCredentials credentials, DigestAlgorithm algorithm, string realm, string method, SipCredential? credential, out bool usable)
    {
        Span<byte> ha1 = stackalloc byte[DigestCalculator.MaxHexSize];
        var ha1Length = DigestCalculator.HashSize(algorithm) * 2;
        var stored = credential?.GetHa1(algorithm);
        usable = credential is not null && (credential.Password is not null || stored is not null);
        if (credential?.Password is { } password)
        {
            DigestCalculator.Ha1Hex(algorithm, credentials.Username, realm, password, ha1);
        }
        else
        {
            // Unknown user, or a store of hashes: hash a dummy password so every path costs the same.
            DigestCalculator.Ha1Hex(algorithm, credentials.Username, realm, _dummyPassword, ha1);
            if (stored is not null)
            {
                DigestCalculator.TryReadHex(algorithm, stored, ha1);
            }
        }

        Span<byte> expected = stackalloc byte[DigestCalculator.MaxHexSize];
        var length = DigestCalculator.ResponseHex(
            algorithm, ha1[..ha1Length], method, credentials.Uri, credentials.Nonce, credentials.NonceCount, credentials.Cnonce, credentials.Qop, expected);

        Span<byte> actual = stackalloc byte[DigestCalculator.MaxHexSize];
        var wellFormed = DigestCalculator.TryReadHex(algorithm, credentials.Response, actual);
        var equal = CryptographicOperations.FixedTimeEquals(expected[..length], actual[..length]);
        return usable && wellFormed && equal;
    }
}
