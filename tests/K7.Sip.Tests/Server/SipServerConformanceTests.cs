using System.Text;
using K7.Sip.Registrar;
using K7.Sip.Tests.Conformance;

namespace K7.Sip.Tests.Server;

/// <summary>
/// The registrar's verdicts on the RFC 4475 torture messages, sent as datagrams over loopback.
/// </summary>
/// <remarks>
/// The torture messages' Via headers name hosts of their own (192.0.2.x, example.com), so a response would go there.
/// Each message is sent with one added line: a top Via naming the test phone, with <c>rport</c>, inserted before the
/// message's first Via. Every original byte follows unchanged (including a malformed Via, which then stays the fault).
/// </remarks>
public sealed class SipServerConformanceTests
{
    [Fact]
    public async Task Register_NonSipAddressOfRecord_BadRequest()
    {
        await using var harness = await ServerHarness.StartAsync(o => o.RequireAuthentication = false);
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(Torture("unksm2", phone));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("isbn", response.Headers["Warning"], StringComparison.Ordinal);
        Assert.Equal(0, harness.Locations.Count);
    }

    [Fact]
    public async Task Register_UnknownAuthorizationScheme_ChallengesWithDigest()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(Torture("regaut01", phone));

        Assert.Equal(401, response.StatusCode);
        Assert.All(response.Headers.GetValues("WWW-Authenticate"), c => Assert.StartsWith("Digest ", c, StringComparison.Ordinal));
        Assert.Equal(2, response.Headers.CountOf("WWW-Authenticate"));
        Assert.Equal(0, harness.Locations.Count);
    }

    [Fact]
    public async Task Register_UnbracketedContactWithParameter_ParameterIsNotPartOfBinding()
    {
        await using var harness = await ServerHarness.StartAsync(o => o.RequireAuthentication = false);
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(Torture("cparam01", phone));

        Assert.Equal(200, response.StatusCode);
        var binding = Assert.Single(harness.Locations.Lookup(AddressOfRecord.Canonical("sip", "watson", "example.com")));
        Assert.Equal("sip:+19725552222@gw1.example.net", binding.ContactUri);
        Assert.Contains(binding.Parameters, p => p.Key == "unknownparam");
    }

    [Fact]
    public async Task Register_BracketedContactWithParameter_BindingKeepsUriParameter()
    {
        await using var harness = await ServerHarness.StartAsync(o => o.RequireAuthentication = false);
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(Torture("cparam02", phone));

        Assert.Equal(200, response.StatusCode);
        var binding = Assert.Single(harness.Locations.Lookup(AddressOfRecord.Canonical("sip", "watson", "example.com")));
        Assert.Equal("sip:+19725552222@gw1.example.net;unknownparam", binding.ContactUri);
        Assert.Contains("<sip:+19725552222@gw1.example.net;unknownparam>", response.Headers["Contact"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ContactWithEscapedHeader_BindingKeepsHeader()
    {
        await using var harness = await ServerHarness.StartAsync(o => o.RequireAuthentication = false);
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(Torture("regescrt", phone));

        Assert.Equal(200, response.StatusCode);
        var binding = Assert.Single(harness.Locations.Lookup(AddressOfRecord.Canonical("sip", "user", "example.com")));
        Assert.Equal("sip:user@example.com?Route=%3Csip:sip.example.com%3E", binding.ContactUri);
    }

    [Theory]
    [InlineData("badinv01", 400, "Via")]
    [InlineData("clerr", 400, "Content-Length")]
    [InlineData("ncl", 400, "Content-Length")]
    [InlineData("mcl01", 400, "Content-Length")]
    [InlineData("scalar02", 400, "CSeq")]
    [InlineData("quotbal", 400, "To")]
    [InlineData("badaspec", 400, "To")]
    [InlineData("baddn", 400, "From")]
    [InlineData("regbadct", 400, "Contact")]
    [InlineData("ltgtruri", 400, "line 1")]
    [InlineData("lwsruri", 400, "line 1")]
    [InlineData("lwsstart", 400, "line 1")]
    [InlineData("trws", 400, "line 1")]
    [InlineData("badvers", 505, "line 1")]
    public async Task Request_RejectedByParser_AnsweredWithWarningNamingFault(string name, int status, string fault)
    {
        await using var harness = await ServerHarness.StartAsync(o => o.RequireAuthentication = false);
        using var phone = harness.CreatePhone();
        var datagram = Torture(name, phone);
        Assert.False(SipMessage.TryParse(datagram, out _, out var error));

        await phone.SendAsync(datagram);
        var response = Encoding.UTF8.GetString(await phone.ReceiveBytesAsync());

        // Read as text: the answer echoes From, To and CSeq as they came, so one with a malformed header is malformed too.
        Assert.StartsWith($"SIP/2.0 {status} ", response, StringComparison.Ordinal);
        var warning = Assert.Single(response.Split("\r\n"), l => l.StartsWith("Warning: ", StringComparison.Ordinal));
        Assert.StartsWith("Warning: 399 K7.Sip \"", warning, StringComparison.Ordinal);
        Assert.Contains(fault, warning, StringComparison.Ordinal);
        Assert.Contains(error.Message.Replace("\"", "\\\"", StringComparison.Ordinal), warning, StringComparison.Ordinal);
        Assert.Contains($";rport={phone.LocalEndPoint.Port}", response, StringComparison.Ordinal);
        Assert.Matches("(?m)^To: .*;tag=", response);
        Assert.Equal(0, harness.Locations.Count);
    }

    [Fact]
    public async Task Options_UnknownRequestUriScheme_UnsupportedUriScheme()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(Torture("unkscm", phone));

        Assert.Equal(416, response.StatusCode);
    }

    [Fact]
    public async Task Options_UnknownRequiredExtensions_BadExtensionWithUnsupported()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(Torture("bext01", phone));

        Assert.Equal(420, response.StatusCode);
        Assert.Equal("nothingSupportsThis, nothingSupportsThisEither", response.Headers["Unsupported"]);
    }

    [Fact]
    public async Task Options_MaxForwardsZero_AnsweredAsEndpoint()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(Torture("zeromf", phone));

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("OPTIONS", response.Headers["Allow"], StringComparison.Ordinal);
    }

    /// <summary>The torture message with a top Via naming <paramref name="phone"/> inserted before its first Via line.</summary>
    internal static byte[] Torture(string name, UdpPhone phone)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusTests.Folder, name + ".dat"));
        var text = Encoding.Latin1.GetString(bytes);
        var at = FirstViaLine(text);
        Assert.True(at > 0, $"{name} has no Via line");
        var via = Encoding.Latin1.GetBytes($"Via: SIP/2.0/UDP {phone.LocalEndPoint};branch={RegisterMessage.NewId("z9hG4bK")};rport\r\n");
        return [.. bytes.AsSpan(0, at), .. via, .. bytes.AsSpan(at)];
    }

    private static int FirstViaLine(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        for (var start = text.IndexOf("\r\n", StringComparison.Ordinal) + 2; start > 1 && (end < 0 || start <= end); start = text.IndexOf("\r\n", start, StringComparison.Ordinal) + 2)
        {
            var colon = text.IndexOf(':', start);
            if (colon > start && text[start..colon].Trim() is var header &&
                (header.Equals("Via", StringComparison.OrdinalIgnoreCase) || header.Equals("v", StringComparison.OrdinalIgnoreCase)))
            {
                return start;
            }
        }

        return -1;
    }
}
