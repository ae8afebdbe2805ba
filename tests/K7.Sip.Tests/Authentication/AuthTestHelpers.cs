using System.Text.RegularExpressions;
using K7.Sip.Authentication;

namespace K7.Sip.Tests.Authentication;

internal static partial class AuthTestHelpers
{
    public static string NonceOf(string challenge) => NonceRegex().Match(challenge).Groups[1].Value;

    public static string Respond(
        string challenge, string username, string password, DigestAlgorithm algorithm, string nc = "00000001", string cnonce = "0a4f113b",
        string method = "REGISTER", string uri = "sip:pbx.example.com", string realm = "pbx.example.com", string? opaque = null)
    {
        var nonce = NonceOf(challenge);
        var ha1 = DigestCalculator.ComputeHa1(algorithm, username, realm, password);
        var response = DigestCalculator.ComputeResponse(algorithm, ha1, method, uri, nonce, nc, cnonce, "auth");
        var name = algorithm == DigestAlgorithm.Md5 ? "MD5" : "SHA-256";
        return new DigestCredentials(username, realm, nonce, uri, response, name, cnonce, opaque, "auth", nc).ToString();
    }

    [GeneratedRegex("nonce=\"([^\"]*)\"")]
    private static partial Regex NonceRegex();
}
