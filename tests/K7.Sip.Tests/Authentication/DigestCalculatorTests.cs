using K7.Sip.Authentication;

namespace K7.Sip.Tests.Authentication;

public class DigestCalculatorTests
{
    // RFC 7616 §3.9.1.
    private const string Rfc7616Realm = "http-auth@example.org";
    private const string Rfc7616Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Rfc7616Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void ComputeResponse_Rfc7616Example_MatchesRfc(DigestAlgorithm algorithm, string expected)
    {
        var ha1 = DigestCalculator.ComputeHa1(algorithm, "Mufasa", Rfc7616Realm, "Circle of Life");

        var response = DigestCalculator.ComputeResponse(algorithm, ha1, "GET", "/dir/index.html", Rfc7616Nonce, "00000001", Rfc7616Cnonce, "auth");

        Assert.Equal(expected, response);
    }

    [Fact]
    public void ComputeResponse_Rfc2617Example_MatchesRfc()
    {
        var ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life");

        var response = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5, ha1, "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Fact]
    public void ComputeHa1_Md5_IsLowerCaseHexOfUserRealmPassword()
    {
        // MD5("Mufasa:testrealm@host.com:Circle Of Life"), RFC 2617's H(A1).
        Assert.Equal("939e7578ed9e3c518a452acee763bce9", DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life"));
    }

    [Fact]
    public void ComputeResponse_UpperCaseHa1_SameAsLowerCase()
    {
        var ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "202", "pbx.example.com", "pw");

        var lower = DigestCalculator.ComputeResponse(DigestAlgorithm.Sha256, ha1, "REGISTER", "sip:pbx.example.com", "n", "00000001", "c", "auth");
        var upper = DigestCalculator.ComputeResponse(DigestAlgorithm.Sha256, ha1.ToUpperInvariant(), "REGISTER", "sip:pbx.example.com", "n", "00000001", "c", "auth");

        Assert.Equal(lower, upper);
    }

    [Fact]
    public void ComputeResponse_LongValues_UsesPooledBuffer()
    {
        var ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, new string('u', 2000), "r", new string('p', 2000));
        var longUri = "sip:" + new string('x', 3000) + "@example.com";

        var response = DigestCalculator.ComputeResponse(DigestAlgorithm.Md5, ha1, "REGISTER", longUri, "n", "00000001", "c", "auth");

        Assert.Equal(32, response.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("939e7578ed9e3c518a452acee763bce")]
    [InlineData("939e7578ed9e3c518a452acee763bcez")]
    public void ComputeResponse_BadHa1_Throws(string ha1)
    {
        Assert.Throws<ArgumentException>(() => DigestCalculator.ComputeResponse(DigestAlgorithm.Md5, ha1, "GET", "/", "n", "00000001", "c", "auth"));
    }
}
