using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.Sip.Authentication;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Authentication;

public class DigestPropertyTests
{
    private const string Realm = "pbx.example.com";

    [Property(MaxTest = 500)]
    public void TryParse_ArbitraryText_NeverThrows(string? text)
    {
        _ = DigestCredentials.TryParse(text, out _);
    }

    [Property(MaxTest = 500)]
    public void TryParse_DigestPrefixedArbitraryText_NeverThrows(NonNull<string> text)
    {
        _ = DigestCredentials.TryParse("Digest " + text.Get, out _);
        _ = DigestCredentials.TryParse("Digest username=\"" + text.Get, out _);
    }

    [Property(MaxTest = 300)]
    public Property ToString_Parse_RoundTrips()
    {
        var values = Gen.Elements("202", "a b", "x\"y", "back\\slash", "é", "sip:202@pbx.example.com;transport=tcp", ",=;")
            .Zip(Gen.Choose(0, int.MaxValue)).Select(p => p.Item1 + p.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var gen =
            from user in values
            from realm in values
            from nonce in values
            from cnonce in values
            from nc in Gen.Choose(1, int.MaxValue)
            from algorithm in Gen.Elements<string?>(null, "MD5", "SHA-256")
            select (user, realm, nonce, cnonce, nc, algorithm);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (user, realm, nonce, cnonce, nc, algorithm) = t;
            var original = new DigestCredentials(user, realm, nonce, "sip:" + realm, "0123abcd", algorithm, cnonce, nonce, "auth", nc.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));

            var parsed = DigestCredentials.Parse(original.ToString());

            return parsed.Username == original.Username && parsed.Realm == original.Realm && parsed.Nonce == original.Nonce &&
                parsed.Uri == original.Uri && parsed.Response == original.Response && parsed.Algorithm == original.Algorithm &&
                parsed.Cnonce == original.Cnonce && parsed.Opaque == original.Opaque && parsed.Qop == original.Qop &&
                parsed.NonceCount == original.NonceCount && parsed.ToString() == original.ToString();
        });
    }

    [Property(MaxTest = 200)]
    public Property VerifyAsync_CorrectResponse_AlwaysVerifiesAndAnyChangedCharacterNever()
    {
        var text = Gen.Elements('a', 'B', '7', ' ', ':', '"', '\\', 'é', '@', '%').ArrayOf().Select(c => new string(c));
        var gen =
            from userPart in text
            from password in text
            from cnoncePart in text
            from nc in Gen.Choose(1, int.MaxValue)
            from algorithm in Gen.Elements(DigestAlgorithm.Md5, DigestAlgorithm.Sha256)
            from index in Gen.Choose(0, 63)
            select (userPart, password, cnoncePart, nc, algorithm, index);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (userPart, password, cnoncePart, nc, algorithm, index) = t;
            var user = "u" + userPart;
            var cnonce = "c" + cnoncePart;
            var store = new InMemoryCredentialStore();
            store.Add(user, SipCredential.FromPassword("p" + password));
            var sut = new DigestAuthenticator(new DigestAuthenticationOptions { Realm = Realm }, store, new FakeClock(Instant.FromUtc(2025, 1, 1, 0, 0)));
            var nonce = AuthTestHelpers.NonceOf(sut.CreateChallenges()[0]);
            var ncText = nc.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            var ha1 = DigestCalculator.ComputeHa1(algorithm, user, Realm, "p" + password);
            var response = DigestCalculator.ComputeResponse(algorithm, ha1, "REGISTER", "sip:pbx.example.com", nonce, ncText, cnonce, "auth");
            var name = algorithm == DigestAlgorithm.Md5 ? "MD5" : "SHA-256";

            var i = index % response.Length;
            var changedChar = response[i] == '0' ? '1' : '0';
            var changed = string.Concat(response.AsSpan(0, i), changedChar.ToString(), response.AsSpan(i + 1));
            var bad = sut.VerifyAsync(new DigestCredentials(user, Realm, nonce, "sip:pbx.example.com", changed, name, cnonce, null, "auth", ncText).ToString(), "REGISTER").AsTask().Result;
            var good = sut.VerifyAsync(new DigestCredentials(user, Realm, nonce, "sip:pbx.example.com", response, name, cnonce, null, "auth", ncText).ToString(), "REGISTER").AsTask().Result;

            return bad.Outcome == DigestOutcome.InvalidResponse && good.Outcome == DigestOutcome.Success;
        });
    }
}
