using System.Text.RegularExpressions;
using K7.Sip.Authentication;

namespace K7.Sip.Tests.Server;

/// <summary>The phone's side of digest authentication (RFC 8760 with qop=auth).</summary>
internal static partial class DigestClient
{
    /// <summary>The parameters of a <c>WWW-Authenticate</c> value (<c>Digest realm="r", nonce="n", …</c>), names lower-cased.</summary>
    public static IReadOnlyDictionary<string, string> ParseChallenge(string challenge)
    {
        Assert.StartsWith("Digest ", challenge, StringComparison.Ordinal);
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in ParameterRegex().Matches(challenge["Digest ".Length..]))
        {
            var value = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["token"].Value;
            parameters[match.Groups["name"].Value] = value;
        }

        return parameters;
    }

    /// <summary>The challenge of a 401 for <paramref name="algorithm"/>.</summary>
    public static IReadOnlyDictionary<string, string> ChallengeFor(SipResponse response, DigestAlgorithm algorithm)
    {
        var name = algorithm == DigestAlgorithm.Md5 ? "MD5" : "SHA-256";
        foreach (var value in response.Headers.GetValues("WWW-Authenticate"))
        {
            var parameters = ParseChallenge(value);
            if (parameters.TryGetValue("algorithm", out var offered) && offered.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return parameters;
            }
        }

        throw new InvalidOperationException($"The response offers no {name} challenge:\n{response}");
    }

    /// <summary>The Authorization value answering <paramref name="challenge"/> for <paramref name="request"/>.</summary>
    public static string Authorization(
        IReadOnlyDictionary<string, string> challenge, RegisterMessage request, string username, string password, DigestAlgorithm algorithm, string nc = "00000001", string cnonce = "6b8b4567")
    {
        var realm = challenge["realm"];
        var nonce = challenge["nonce"];
        Assert.Equal("auth", challenge["qop"]);
        var ha1 = DigestCalculator.ComputeHa1(algorithm, username, realm, password);
        var response = DigestCalculator.ComputeResponse(algorithm, ha1, "REGISTER", request.RequestUri, nonce, nc, cnonce, "auth");
        challenge.TryGetValue("opaque", out var opaque);
        return new DigestCredentials(
            username, realm, nonce, request.RequestUri, response, algorithm == DigestAlgorithm.Md5 ? "MD5" : "SHA-256", cnonce, opaque, "auth", nc).ToString();
    }

    /// <summary>The request that answers a 401: the same REGISTER with CSeq + 1, a new branch and the credentials.</summary>
    public static RegisterMessage Answer(
        SipResponse challenge, RegisterMessage request, string username, string password, DigestAlgorithm algorithm, string nc = "00000001")
    {
        var next = request.Next();
        return next with { Authorization = Authorization(ChallengeFor(challenge, algorithm), next, username, password, algorithm, nc) };
    }

    [GeneratedRegex("(?<name>[A-Za-z0-9-]+)\\s*=\\s*(?:\"(?<quoted>[^\"]*)\"|(?<token>[^,\\s]+))")]
    private static partial Regex ParameterRegex();
}
