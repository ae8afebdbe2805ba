using K7.Sip.Authentication;

namespace K7.Sip.Tests.Authentication;

public class DigestCredentialsTests
{
    private const string Rfc2617Header =
        "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", " +
        "qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

    [Fact]
    public void Parse_Rfc2617Example_ReadsEveryParameter()
    {
        var credentials = DigestCredentials.Parse(Rfc2617Header);

        Assert.True(credentials.IsDigest);
        Assert.Equal("Digest", credentials.Scheme);
        Assert.Equal("Mufasa", credentials.Username);
        Assert.Equal("testrealm@host.com", credentials.Realm);
        Assert.Equal("dcd98b7102dd2f0e8b11d0f600bfb0c093", credentials.Nonce);
        Assert.Equal("/dir/index.html", credentials.Uri);
        Assert.Equal("auth", credentials.Qop);
        Assert.Equal("00000001", credentials.NonceCount);
        Assert.Equal(1u, credentials.NonceCountValue);
        Assert.Equal("0a4f113b", credentials.Cnonce);
        Assert.Equal("6629fae49393a05397450978507c4ef1", credentials.Response);
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", credentials.Opaque);
        Assert.Null(credentials.Algorithm);
        Assert.Empty(credentials.OtherParameters);
    }

    [Fact]
    public void Parse_AnyOrderFoldedWhiteSpaceAndQuotedTokens_Reads()
    {
        const string Value = "  digest\tresponse = \"abc\" ,\r\n nc=0000000A,URI=\"sip:pbx.example.com\",  algorithm=\"SHA-256\",qop=\"auth\"," +
            " cnonce=xyz, realm=\"pbx\", nonce=n1, username=\"202wp\"  ";

        var credentials = DigestCredentials.Parse(Value);

        Assert.Equal("digest", credentials.Scheme);
        Assert.Equal("202wp", credentials.Username);
        Assert.Equal("pbx", credentials.Realm);
        Assert.Equal("n1", credentials.Nonce);
        Assert.Equal("sip:pbx.example.com", credentials.Uri);
        Assert.Equal("abc", credentials.Response);
        Assert.Equal("SHA-256", credentials.Algorithm);
        Assert.Equal("auth", credentials.Qop);
        Assert.Equal("xyz", credentials.Cnonce);
        Assert.Equal(10u, credentials.NonceCountValue);
    }

    [Fact]
    public void Parse_QuotedPairs_AreUnescaped()
    {
        var credentials = DigestCredentials.Parse("Digest username=\"a\\\"b\\\\c\", realm=\"r\\,x\", nonce=\"n\", uri=\"u\", response=\"r\"");

        Assert.Equal("a\"b\\c", credentials.Username);
        Assert.Equal("r,x", credentials.Realm);
    }

    [Fact]
    public void Parse_UnknownParameters_AreKeptInOrder()
    {
        var credentials = DigestCredentials.Parse("Digest username=\"u\", userhash=false, realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", X-Foo=\"a b\"");

        Assert.Equal(
            [new KeyValuePair<string, string>("userhash", "false"), new KeyValuePair<string, string>("X-Foo", "a b")],
            credentials.OtherParameters);
    }

    [Theory]
    [InlineData("NoOneKnowsThisScheme opaque-data=here", "NoOneKnowsThisScheme")]
    [InlineData("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "Basic")]
    [InlineData("Bearer", "Bearer")]
    public void Parse_OtherScheme_IsNotDigest(string value, string scheme)
    {
        var credentials = DigestCredentials.Parse(value);

        Assert.False(credentials.IsDigest);
        Assert.Equal(scheme, credentials.Scheme);
        Assert.Null(credentials.Username);
    }

    [Theory]
    [InlineData("", 0, null)]
    [InlineData("   ", 3, null)]
    [InlineData("\"Digest\"", 0, null)]
    [InlineData("Digest", 6, null)]
    [InlineData("Digest   ", 9, null)]
    [InlineData("Digest,", 6, null)]
    [InlineData("Digest username", 15, "username")]
    [InlineData("Digest username=", 16, "username")]
    [InlineData("Digest username=\"abc", 16, "username")]
    [InlineData("Digest username=\"a\\", 18, "username")]
    [InlineData("Digest username=\"a\" realm=\"r\"", 20, "username")]
    [InlineData("Digest username=\"a\",", 20, null)]
    [InlineData("Digest username=\"a\", username=\"b\"", 21, "username")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\"", 50, "response")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, nc=00000001", 87, "cnonce")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=c, nc=1", 89, "nc")]
    [InlineData("Basic(x)", 5, null)]
    public void Parse_Malformed_ThrowsWithPosition(string value, int position, string? field)
    {
        var exception = Assert.Throws<SipFormatException>(() => DigestCredentials.Parse(value));

        Assert.Equal(position, exception.Position);
        Assert.Equal(field, exception.Field);
        Assert.False(DigestCredentials.TryParse(value, out var result));
        Assert.Null(result);
    }

    [Fact]
    public void ToString_ParsesBackToTheSameValues()
    {
        var original = new DigestCredentials(
            "202\"x", "pbx.example.com", "n0nce", "sip:pbx.example.com", "abcdef", "SHA-256", "c\\n", "op", "auth", "0000002f",
            [new("userhash", "false"), new("note", "two words")]);

        var text = original.ToString();
        var parsed = DigestCredentials.Parse(text);

        Assert.StartsWith("Digest username=\"202\\\"x\", realm=\"pbx.example.com\"", text, StringComparison.Ordinal);
        Assert.Equal(original.Username, parsed.Username);
        Assert.Equal(original.Cnonce, parsed.Cnonce);
        Assert.Equal(original.NonceCount, parsed.NonceCount);
        Assert.Equal(original.OtherParameters, parsed.OtherParameters);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0000000g")]
    public void Constructor_BadNonceCount_Throws(string nonceCount)
    {
        Assert.Throws<ArgumentException>(() => new DigestCredentials("u", "r", "n", "u", "x", null, "c", null, "auth", nonceCount));
    }

    [Fact]
    public void Constructor_LineBreakInValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DigestCredentials("u\r\nVia: x", "r", "n", "u", "x"));
    }
}
