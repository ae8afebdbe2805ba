using K7.Sip.Authentication;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Authentication;

public class NonceManagerTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2025, 6, 1, 12, 0));

    [Fact]
    public void CreateNonce_IsFreshUniqueBase64Url()
    {
        var sut = CreateSut();

        var first = sut.CreateNonce();
        var second = sut.CreateNonce();

        Assert.Equal(54, first.Length);
        Assert.NotEqual(first, second);
        Assert.Matches("^[A-Za-z0-9_-]+$", first);
        Assert.Equal(NonceStatus.Valid, sut.Validate(first));
    }

    [Fact]
    public void Validate_AfterLifetime_IsStale()
    {
        var sut = CreateSut();
        var nonce = sut.CreateNonce();

        _clock.Advance(Duration.FromMinutes(5));
        Assert.Equal(NonceStatus.Valid, sut.Validate(nonce));
        _clock.Advance(Duration.FromSeconds(1));

        Assert.Equal(NonceStatus.Stale, sut.Validate(nonce));
        Assert.Equal(NonceStatus.Stale, sut.UseNonceCount(nonce, 1));
    }

    [Fact]
    public void Validate_TamperedNonce_IsInvalid()
    {
        var sut = CreateSut();
        var nonce = sut.CreateNonce();
        var tampered = (nonce[10] == 'A' ? 'B' : 'A') is var c ? string.Concat(nonce.AsSpan(0, 10), c.ToString(), nonce.AsSpan(11)) : nonce;

        Assert.Equal(NonceStatus.Invalid, sut.Validate(tampered));
        Assert.Equal(NonceStatus.Invalid, sut.Validate(nonce.AsSpan(0, nonce.Length - 1)));
        Assert.Equal(NonceStatus.Invalid, sut.Validate("dcd98b7102dd2f0e8b11d0f600bfb0c093"));
        Assert.Equal(NonceStatus.Invalid, sut.Validate(new string('!', 54)));
        Assert.Equal(NonceStatus.Invalid, sut.UseNonceCount(tampered, 1));
        Assert.Equal(NonceStatus.Invalid, sut.Validate(nonce[..53] + (nonce[53] == 'A' ? "B" : "A")));
    }

    [Fact]
    public void Validate_NonceOfAnotherKey_IsInvalid()
    {
        var nonce = CreateSut().CreateNonce();

        Assert.Equal(NonceStatus.Invalid, CreateSut().Validate(nonce));
    }

    [Fact]
    public void Validate_SharedKey_AcceptedByBothServers()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var a = CreateSut(new DigestAuthenticationOptions { Realm = "r", NonceKey = key });
        var b = CreateSut(new DigestAuthenticationOptions { Realm = "r", NonceKey = key });

        Assert.Equal(NonceStatus.Valid, b.Validate(a.CreateNonce()));
    }

    [Fact]
    public void Validate_FarFutureNonce_IsInvalid()
    {
        var key = new byte[32];
        var future = new NonceManager(new DigestAuthenticationOptions { Realm = "r", NonceKey = key }, new FakeClock(_clock.GetCurrentInstant() + Duration.FromHours(1)));
        var sut = CreateSut(new DigestAuthenticationOptions { Realm = "r", NonceKey = key });

        Assert.Equal(NonceStatus.Invalid, sut.Validate(future.CreateNonce()));
    }

    [Fact]
    public void UseNonceCount_SameCountTwice_IsReplay()
    {
        var sut = CreateSut();
        var nonce = sut.CreateNonce();

        Assert.Equal(NonceStatus.Valid, sut.UseNonceCount(nonce, 1));
        Assert.Equal(NonceStatus.Replay, sut.UseNonceCount(nonce, 1));
    }

    [Fact]
    public void UseNonceCount_LowerCount_IsReplay()
    {
        var sut = CreateSut();
        var nonce = sut.CreateNonce();

        Assert.Equal(NonceStatus.Valid, sut.UseNonceCount(nonce, 5));
        Assert.Equal(NonceStatus.Replay, sut.UseNonceCount(nonce, 4));
        Assert.Equal(NonceStatus.Valid, sut.UseNonceCount(nonce, 6));
    }

    [Fact]
    public void UseNonceCount_Zero_IsReplay()
    {
        var sut = CreateSut();

        Assert.Equal(NonceStatus.Replay, sut.UseNonceCount(sut.CreateNonce(), 0));
    }

    [Fact]
    public void UseNonceCount_TableFull_StaysBoundedAndForgottenNoncesAreStale()
    {
        var sut = CreateSut(new DigestAuthenticationOptions { Realm = "r", MaxNonceCountEntries = 16 });
        var nonces = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            _clock.Advance(Duration.FromMilliseconds(1));
            var nonce = sut.CreateNonce();
            nonces.Add(nonce);
            Assert.Equal(NonceStatus.Valid, sut.UseNonceCount(nonce, 1));
            Assert.True(sut.TrackedCount <= 16);
        }

        // The oldest nonces were forgotten: never accepted again, answered as stale instead.
        Assert.Equal(NonceStatus.Stale, sut.UseNonceCount(nonces[0], 2));
        Assert.Equal(NonceStatus.Replay, sut.UseNonceCount(nonces[^1], 1));
    }

    [Fact]
    public void UseNonceCount_ExpiredEntries_AreSweptAfterALifetime()
    {
        var sut = CreateSut();
        for (var i = 0; i < 10; i++)
        {
            sut.UseNonceCount(sut.CreateNonce(), 1);
        }

        _clock.Advance(Duration.FromMinutes(6));
        sut.UseNonceCount(sut.CreateNonce(), 1);

        Assert.Equal(1, sut.TrackedCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Constructor_NoRealm_Throws(string? realm)
    {
        Assert.Throws<ArgumentException>(() => CreateSut(new DigestAuthenticationOptions { Realm = realm! }));
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => CreateSut(new DigestAuthenticationOptions { Realm = "r", NonceKey = new byte[8] }));

        Assert.Contains("NonceKey", exception.Message, StringComparison.Ordinal);
    }

    private NonceManager CreateSut(DigestAuthenticationOptions? options = null) =>
        new(options ?? new DigestAuthenticationOptions { Realm = "pbx.example.com" }, _clock);
}
