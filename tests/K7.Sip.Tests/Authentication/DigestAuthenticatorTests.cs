using K7.Sip.Authentication;
using NodaTime;
using NodaTime.Testing;
using static K7.Sip.Tests.Authentication.AuthTestHelpers;

namespace K7.Sip.Tests.Authentication;

public class DigestAuthenticatorTests
{
    private const string Realm = "pbx.example.com";
    private readonly FakeClock _clock = new(Instant.FromUtc(2025, 6, 1, 12, 0));
    private readonly InMemoryCredentialStore _store = new();

    public DigestAuthenticatorTests()
    {
        _store.Add("202", SipCredential.FromPassword("s3cret"));
        _store.Add("202wp", SipCredential.FromPassword("w3b"));
    }

    [Fact]
    public void CreateChallenges_Default_Sha256ThenMd5WithOneNonce()
    {
        var challenges = CreateSut().CreateChallenges();

        Assert.Equal(2, challenges.Count);
        Assert.StartsWith("Digest realm=\"pbx.example.com\", nonce=\"", challenges[0], StringComparison.Ordinal);
        Assert.EndsWith("\", algorithm=SHA-256, qop=\"auth\"", challenges[0], StringComparison.Ordinal);
        Assert.EndsWith("\", algorithm=MD5, qop=\"auth\"", challenges[1], StringComparison.Ordinal);
        Assert.Equal(NonceOf(challenges[0]), NonceOf(challenges[1]));
    }

    [Fact]
    public void CreateChallenges_ConfiguredOrderStaleAndOpaque_Formats()
    {
        var sut = CreateSut(new DigestAuthenticationOptions { Realm = Realm, Algorithms = [DigestAlgorithm.Md5], Opaque = "xyz" });

        var challenges = sut.CreateChallenges(stale: true);

        var nonce = NonceOf(challenges[0]);
        Assert.Equal([$"Digest realm=\"pbx.example.com\", nonce=\"{nonce}\", algorithm=MD5, qop=\"auth\", stale=true, opaque=\"xyz\""], challenges);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Md5)]
    public async Task VerifyAsync_CorrectResponse_Succeeds(DigestAlgorithm algorithm)
    {
        var sut = CreateSut();
        var challenge = sut.CreateChallenges()[algorithm == DigestAlgorithm.Sha256 ? 0 : 1];

        var result = await sut.VerifyAsync(Respond(challenge, "202", "s3cret", algorithm), "REGISTER");

        Assert.Equal(DigestOutcome.Success, result.Outcome);
        Assert.True(result.IsSuccess);
        Assert.Equal("202", result.Username);
        Assert.Equal(Realm, result.Realm);
        Assert.Equal(algorithm, result.Algorithm);
        Assert.Null(result.Reason);
    }

    [Fact]
    public async Task VerifyAsync_NoAlgorithmParameter_MeansMd5()
    {
        var sut = CreateSut();
        var nonce = NonceOf(sut.CreateChallenges()[0]);
        var ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "202", Realm, "s3cret");
        var response = DigestCalculator.ComputeResponse(DigestAlgorithm.Md5, ha1, "REGISTER", "sip:pbx.example.com", nonce, "00000001", "c", "auth");
        var value = $"Digest username=\"202\", realm=\"{Realm}\", nonce=\"{nonce}\", uri=\"sip:pbx.example.com\", response=\"{response.ToUpperInvariant()}\", cnonce=\"c\", nc=00000001, qop=auth";

        var result = await sut.VerifyAsync(value, "REGISTER");

        Assert.Equal(DigestOutcome.Success, result.Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NoOneKnowsThisScheme opaque-data=here")]
    public async Task VerifyAsync_NoDigestCredentials_IsMissing(string? value)
    {
        var result = await CreateSut().VerifyAsync(value, "REGISTER");

        Assert.Equal(DigestOutcome.Missing, result.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_Malformed_ReportsReasonAndPosition()
    {
        var result = await CreateSut().VerifyAsync("Digest username=\"202\" realm=\"x\"", "REGISTER");

        Assert.Equal(DigestOutcome.Malformed, result.Outcome);
        Assert.Equal(22, result.Position);
        Assert.Contains("','", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_WrongPassword_IsInvalidResponse()
    {
        var sut = CreateSut();

        var result = await sut.VerifyAsync(Respond(sut.CreateChallenges()[0], "202", "guess", DigestAlgorithm.Sha256), "REGISTER");

        Assert.Equal(DigestOutcome.InvalidResponse, result.Outcome);
        Assert.Equal("202", result.Username);
    }

    [Fact]
    public async Task VerifyAsync_WrongMethod_IsInvalidResponse()
    {
        var sut = CreateSut();

        var result = await sut.VerifyAsync(Respond(sut.CreateChallenges()[0], "202", "s3cret", DigestAlgorithm.Sha256, method: "INVITE"), "REGISTER");

        Assert.Equal(DigestOutcome.InvalidResponse, result.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_UnknownUser_IsUnknownUser()
    {
        var sut = CreateSut();

        var result = await sut.VerifyAsync(Respond(sut.CreateChallenges()[0], "999", "s3cret", DigestAlgorithm.Sha256), "REGISTER");

        Assert.Equal(DigestOutcome.UnknownUser, result.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_WrongRealm_IsWrongRealm()
    {
        var sut = CreateSut();

        var result = await sut.VerifyAsync(Respond(sut.CreateChallenges()[0], "202", "s3cret", DigestAlgorithm.Sha256, realm: "other.example.com"), "REGISTER");

        Assert.Equal(DigestOutcome.WrongRealm, result.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_ExpectedRealmGiven_UsesIt()
    {
        var sut = CreateSut();

        var result = await sut.VerifyAsync(
            Respond(sut.CreateChallenges()[0], "202", "s3cret", DigestAlgorithm.Sha256, realm: "other.example.com"), "REGISTER", "other.example.com");

        Assert.Equal(DigestOutcome.Success, result.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_ExpiredNonceCorrectResponse_IsStaleThenSucceedsWithNewNonce()
    {
        var sut = CreateSut();
        var old = sut.CreateChallenges()[0];
        _clock.Advance(Duration.FromMinutes(5) + Duration.FromSeconds(1));

        var stale = await sut.VerifyAsync(Respond(old, "202", "s3cret", DigestAlgorithm.Sha256), "REGISTER");
        var challenges = sut.CreateChallenges(stale: true);
        var retry = await sut.VerifyAsync(Respond(challenges[0], "202", "s3cret", DigestAlgorithm.Sha256), "REGISTER");

        Assert.Equal(DigestOutcome.Stale, stale.Outcome);
        Assert.Contains("stale=true", challenges[0], StringComparison.Ordinal);
        Assert.Equal(DigestOutcome.Success, retry.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_ExpiredNonceWrongPassword_IsInvalidResponse()
    {
        var sut = CreateSut();
        var old = sut.CreateChallenges()[0];
        _clock.Advance(Duration.FromMinutes(10));

        var result = await sut.VerifyAsync(Respond(old, "202", "guess", DigestAlgorithm.Sha256), "REGISTER");

        Assert.Equal(DigestOutcome.InvalidResponse, result.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_SameNonceCountTwice_IsReplay()
    {
        var sut = CreateSut();
        var value = Respond(sut.CreateChallenges()[0], "202", "s3cret", DigestAlgorithm.Sha256, nc: "00000002");

        var first = await sut.VerifyAsync(value, "REGISTER");
        var second = await sut.VerifyAsync(value, "REGISTER");

        Assert.Equal(DigestOutcome.Success, first.Outcome);
        Assert.Equal(DigestOutcome.Replay, second.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_LowerNonceCount_IsReplayHigherSucceeds()
    {
        var sut = CreateSut();
        var challenge = sut.CreateChallenges()[0];

        var third = await sut.VerifyAsync(Respond(challenge, "202", "s3cret", DigestAlgorithm.Sha256, nc: "00000003"), "REGISTER");
        var second = await sut.VerifyAsync(Respond(challenge, "202", "s3cret", DigestAlgorithm.Sha256, nc: "00000002"), "REGISTER");
        var fourth = await sut.VerifyAsync(Respond(challenge, "202", "s3cret", DigestAlgorithm.Sha256, nc: "00000004", cnonce: "other"), "REGISTER");

        Assert.Equal(DigestOutcome.Success, third.Outcome);
        Assert.Equal(DigestOutcome.Replay, second.Outcome);
        Assert.Equal(DigestOutcome.Success, fourth.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_TamperedNonce_IsInvalidNonce()
    {
        var sut = CreateSut();
        var challenge = sut.CreateChallenges()[0];
        var nonce = NonceOf(challenge);
        var forged = challenge.Replace(nonce, (nonce[0] == 'A' ? "B" : "A") + nonce[1..], StringComparison.Ordinal);

        var result = await sut.VerifyAsync(Respond(forged, "202", "s3cret", DigestAlgorithm.Sha256), "REGISTER");

        Assert.Equal(DigestOutcome.InvalidNonce, result.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_NoQop_IsUnsupportedQop()
    {
        var sut = CreateSut();
        var nonce = NonceOf(sut.CreateChallenges()[0]);
        var ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "202", Realm, "s3cret");
        var response = DigestCalculator.ComputeResponse(DigestAlgorithm.Md5, ha1, "REGISTER", "sip:x", nonce, null, null, null);

        var result = await sut.VerifyAsync(new DigestCredentials("202", Realm, nonce, "sip:x", response).ToString(), "REGISTER");

        Assert.Equal(DigestOutcome.UnsupportedQop, result.Outcome);
    }

    [Theory]
    [InlineData("SHA-512-256")]
    [InlineData("MD5-sess")]
    public async Task VerifyAsync_UnknownAlgorithm_IsUnsupportedAlgorithm(string algorithm)
    {
        var sut = CreateSut();
        var value = Respond(sut.CreateChallenges()[0], "202", "s3cret", DigestAlgorithm.Md5).Replace("algorithm=MD5", "algorithm=" + algorithm, StringComparison.Ordinal);

        var result = await sut.VerifyAsync(value, "REGISTER");

        Assert.Equal(DigestOutcome.UnsupportedAlgorithm, result.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_AlgorithmNotOffered_IsUnsupportedAlgorithm()
    {
        var sut = CreateSut(new DigestAuthenticationOptions { Realm = Realm, Algorithms = [DigestAlgorithm.Sha256] });

        var result = await sut.VerifyAsync(Respond(sut.CreateChallenges()[0], "202", "s3cret", DigestAlgorithm.Md5), "REGISTER");

        Assert.Equal(DigestOutcome.UnsupportedAlgorithm, result.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_OpaqueMismatch_IsInvalidNonce()
    {
        var sut = CreateSut(new DigestAuthenticationOptions { Realm = Realm, Opaque = "abc" });
        var challenge = sut.CreateChallenges()[0];

        var wrong = await sut.VerifyAsync(Respond(challenge, "202", "s3cret", DigestAlgorithm.Sha256, opaque: "abd"), "REGISTER");
        var right = await sut.VerifyAsync(Respond(challenge, "202", "s3cret", DigestAlgorithm.Sha256, opaque: "abc"), "REGISTER");

        Assert.Equal(DigestOutcome.InvalidNonce, wrong.Outcome);
        Assert.Equal(DigestOutcome.Success, right.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_StoredHa1_VerifiesAndMissingAlgorithmIsUnsupported()
    {
        var store = new InMemoryCredentialStore();
        store.Add("300", SipCredential.FromHa1(Realm, null, DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "300", Realm, "pw").ToUpperInvariant()));
        var sut = new DigestAuthenticator(new DigestAuthenticationOptions { Realm = Realm }, store, _clock);
        var challenges = sut.CreateChallenges();

        var sha = await sut.VerifyAsync(Respond(challenges[0], "300", "pw", DigestAlgorithm.Sha256), "REGISTER");
        var md5 = await sut.VerifyAsync(Respond(challenges[1], "300", "pw", DigestAlgorithm.Md5, nc: "00000002"), "REGISTER");

        Assert.Equal(DigestOutcome.Success, sha.Outcome);
        Assert.Equal(DigestOutcome.UnsupportedAlgorithm, md5.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_AsynchronousStore_Succeeds()
    {
        var sut = new DigestAuthenticator(new DigestAuthenticationOptions { Realm = Realm }, new SlowStore(_store), _clock);

        var result = await sut.VerifyAsync(Respond(sut.CreateChallenges()[0], "202wp", "w3b", DigestAlgorithm.Sha256), "REGISTER");

        Assert.Equal(DigestOutcome.Success, result.Outcome);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => CreateSut(new DigestAuthenticationOptions { Realm = Realm, Algorithms = [] }));
        Assert.Throws<ArgumentException>(() => CreateSut(new DigestAuthenticationOptions { Realm = Realm, Algorithms = [DigestAlgorithm.Md5, DigestAlgorithm.Md5] }));
        Assert.Throws<ArgumentException>(() => CreateSut(new DigestAuthenticationOptions { Realm = "a\"b" }));
        Assert.Throws<ArgumentException>(() => CreateSut(new DigestAuthenticationOptions { Realm = Realm, NonceLifetime = Duration.Zero }));
        Assert.Throws<ArgumentException>(() => CreateSut(new DigestAuthenticationOptions { Realm = Realm, MaxNonceCountEntries = 1 }));
    }

    private DigestAuthenticator CreateSut(DigestAuthenticationOptions? options = null) =>
        new(options ?? new DigestAuthenticationOptions { Realm = Realm }, _store, _clock);

    private sealed class SlowStore(ICredentialStore inner) : ICredentialStore
    {
        public async ValueTask<SipCredential?> FindAsync(string username, string realm, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return await inner.FindAsync(username, realm, cancellationToken);
        }
    }
}
