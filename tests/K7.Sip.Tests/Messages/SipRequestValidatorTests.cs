using System.Text;

namespace K7.Sip.Tests.Messages;

public sealed class SipRequestValidatorTests
{
    private static SipRequest CreateSut(string extraHeaders = "", string method = "INVITE", string body = "", string uri = "sip:bob@example.com")
    {
        var text = $"{method} {uri} SIP/2.0\r\n" +
                   "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKv1\r\n" +
                   "From: <sip:alice@example.com>;tag=1\r\n" +
                   "To: <sip:bob@example.com>\r\n" +
                   "Call-ID: c1\r\n" +
                   $"CSeq: 1 {method}\r\n" +
                   "Max-Forwards: 70\r\n" +
                   extraHeaders +
                   $"Content-Length: {body.Length}\r\n\r\n" + body;
        return Assert.IsType<SipRequest>(SipMessage.Parse(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Validate_PlainInvite_Valid()
    {
        Assert.Same(SipValidationResult.Valid, SipRequestValidator.Validate(CreateSut(), SipValidationRole.Endpoint));
    }

    [Fact]
    public void Validate_SupportedRequire_Valid()
    {
        var tags = new HashSet<string>(StringComparer.Ordinal) { "100rel", "timer" };
        var request = CreateSut("Require: 100rel, timer\r\n");
        Assert.True(SipRequestValidator.Validate(request, SipValidationRole.Endpoint, tags).IsValid);
        var result = SipRequestValidator.Validate(CreateSut("Require: 100rel, foo\r\n"), SipValidationRole.Endpoint, tags);
        Assert.Equal(420, result.StatusCode);
        Assert.Equal("foo", result.Headers[0].Value);
    }

    [Theory]
    [InlineData("Accept: */*\r\n", 0)]
    [InlineData("Accept: application/*\r\n", 0)]
    [InlineData("Accept: application/sdp;level=1\r\n", 0)]
    [InlineData("Accept: text/plain, application/SDP\r\n", 0)]
    [InlineData("Accept: text/plain\r\n", 406)]
    public void Validate_AcceptHeader_406WhenNothingMatches(string accept, int status)
    {
        Assert.Equal(status, SipRequestValidator.Validate(CreateSut(accept), SipValidationRole.Endpoint).StatusCode);
    }

    [Fact]
    public void Validate_BodyType_AcceptedTypesHonoured()
    {
        var request = CreateSut("Content-Type: text/plain\r\n", body: "hi");
        Assert.Equal(415, SipRequestValidator.Validate(request, SipValidationRole.Endpoint).StatusCode);
        Assert.True(SipRequestValidator.Validate(request, SipValidationRole.Endpoint, null, ["text/plain", "application/sdp"]).IsValid);
    }

    [Fact]
    public void Validate_TelRequestUri_Valid()
    {
        Assert.True(SipRequestValidator.Validate(CreateSut(uri: "tel:+15551234567"), SipValidationRole.Proxy).IsValid);
    }

    [Fact]
    public void CreateResponse_ErrorVerdict_CarriesHeadersBeforeContentLength()
    {
        var request = CreateSut("Content-Type: application/xml\r\n", body: "<a/>");
        var verdict = SipRequestValidator.Validate(request, SipValidationRole.Endpoint);
        var response = verdict.CreateResponse(request, "t9");
        Assert.Equal(415, response.StatusCode);
        Assert.Equal("application/sdp", response.Headers["Accept"]);
        Assert.Equal("Content-Length", response.Headers[^1].Name);
        Assert.Throws<InvalidOperationException>(() => SipValidationResult.Valid.CreateResponse(request));
    }
}
