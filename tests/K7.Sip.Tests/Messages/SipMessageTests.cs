using System.Buffers;
using System.Text;

namespace K7.Sip.Tests.Messages;

public sealed class SipMessageTests
{
    internal const string Invite =
        "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: Bob <sip:bob@biloxi.example.com>\r\n" +
        "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@pc33.atlanta.example.com>\r\n" +
        "Expires: 120\r\n" +
        "User-Agent: Softphone 1.0\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 4\r\n" +
        "\r\n" +
        "v=0\n";

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    private static SipRequest ParseRequest(string s) => Assert.IsType<SipRequest>(SipMessage.Parse(Bytes(s)));

    [Fact]
    public void TryParse_TypicalInvite_ReadsTypedHeaders()
    {
        var m = ParseRequest(Invite);
        Assert.Equal(SipMethod.Invite, m.Method);
        Assert.Equal("bob", m.RequestUri.User);
        Assert.Equal("z9hG4bK776asdhds", m.TopVia!.Branch);
        Assert.True(m.TopVia.HasRPort);
        Assert.Equal(70, m.MaxForwards);
        Assert.Equal("Bob", m.To!.DisplayName);
        Assert.Null(m.To.Tag);
        Assert.Equal("1928301774", m.From!.Tag);
        Assert.Equal("a84b4c76e66710@pc33.atlanta.example.com", m.CallId);
        Assert.Equal(new SipCSeq(314159, SipMethod.Invite), m.CSeq);
        Assert.Equal("alice", Assert.Single(m.Contacts).Address!.Uri.User);
        Assert.Equal(120, m.Expires);
        Assert.Equal("Softphone 1.0", m.UserAgent);
        Assert.Equal("application/sdp", m.ContentType);
        Assert.Equal("v=0\n", Encoding.ASCII.GetString(m.Body.Span));
        Assert.Equal(11, m.Headers.Count);
    }

    [Fact]
    public void ToBytes_ParsedMessage_ReproducesUnfoldedWireForm()
    {
        var m = SipMessage.Parse(Bytes(Invite));
        Assert.Equal(Invite, Encoding.UTF8.GetString(m.ToBytes()));
        Assert.Equal(Invite, m.ToString());
        var writer = new ArrayBufferWriter<byte>();
        m.WriteTo(writer);
        Assert.Equal(Bytes(Invite), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void ToBytes_FoldedHeader_WrittenOnOneLine()
    {
        var text = Invite.Replace("Subject", "X", StringComparison.Ordinal).Replace("Max-Forwards: 70\r\n", "Subject: a\r\n  b\r\n\tc\r\nMax-Forwards: 70\r\n", StringComparison.Ordinal);
        var m = SipMessage.Parse(Bytes(text));
        Assert.Equal("a b c", m.Headers["Subject"]);
        Assert.Contains("Subject: a b c\r\n", m.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_LeadingCrLf_Ignored()
    {
        Assert.True(SipMessage.TryParse(Bytes("\r\n\r\n" + Invite), out var m, out _));
        Assert.Equal("a84b4c76e66710@pc33.atlanta.example.com", m.CallId);
    }

    [Fact]
    public void TryParse_NoContentLength_BodyIsRestOfDatagram()
    {
        var m = SipMessage.Parse(Bytes(Invite.Replace("Content-Length: 4\r\n", string.Empty, StringComparison.Ordinal) + "extra"));
        Assert.Equal("v=0\nextra", Encoding.ASCII.GetString(m.Body.Span));
        Assert.Contains("Content-Length: 9\r\n", m.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TooLarge_Rejected413()
    {
        var options = new SipParserOptions { MaxMessageSize = 100 };
        Assert.False(SipMessage.TryParse(Bytes(Invite), options, out _, out var error));
        Assert.Equal(SipParseErrorKind.TooLarge, error.Kind);
        Assert.Equal(413, error.SuggestedStatusCode);
        Assert.True(error.IsRequest);
    }

    [Theory]
    [InlineData("", SipParseErrorKind.Truncated)]
    [InlineData("INVITE sip:a@b SIP/2.0", SipParseErrorKind.Truncated)]
    [InlineData("INVITE\r\n\r\n", SipParseErrorKind.BadStartLine)]
    [InlineData("INV@TE sip:a@b SIP/2.0\r\n\r\n", SipParseErrorKind.BadStartLine)]
    [InlineData("INVITE sip:a@b HTTP/1.1\r\n\r\n", SipParseErrorKind.BadStartLine)]
    [InlineData("INVITE sip:a@b SIP/2.1\r\n\r\n", SipParseErrorKind.BadVersion)]
    [InlineData("INVITE sip:a@b SIP/2.0\r\n Via: x\r\n\r\n", SipParseErrorKind.BadHeader)]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nNo colon here\r\n\r\n", SipParseErrorKind.BadHeader)]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nBad[Name]: x\r\n\r\n", SipParseErrorKind.BadHeader)]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nMax-Forwards: 256\r\n\r\n", SipParseErrorKind.BadHeaderValue)]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nCall-ID: a b\r\n\r\n", SipParseErrorKind.BadHeaderValue)]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nCSeq: 1\r\n\r\n", SipParseErrorKind.BadHeaderValue)]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nExpires: soon\r\n\r\n", SipParseErrorKind.BadHeaderValue)]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nl: 99999999999\r\n\r\n", SipParseErrorKind.BadContentLength)]
    [InlineData("SIP/2.0 99 Too Low\r\n\r\n", SipParseErrorKind.BadStartLine)]
    [InlineData("SIP/3.0 200 OK\r\n\r\n", SipParseErrorKind.BadVersion)]
    public void TryParse_Malformed_ReturnsKind(string text, SipParseErrorKind kind)
    {
        Assert.False(SipMessage.TryParse(Bytes(text), out var m, out var error));
        Assert.Null(m);
        Assert.Equal(kind, error.Kind);
        Assert.NotEmpty(error.Message);
        var ex = Assert.Throws<SipFormatException>(() => SipMessage.Parse(Bytes(text)));
        Assert.Equal(error.Message, ex.Message);
    }

    [Fact]
    public void TryParse_Ipv6ViaAndRequestUri_Accepted()
    {
        var text = "OPTIONS sip:[2001:db8::1]:5060 SIP/2.0\r\nVia: SIP/2.0/UDP [2001:db8::2]:5062;branch=z9hG4bKv6;received=[2001:db8::3]\r\nl: 0\r\n\r\n";
        var m = ParseRequest(text);
        Assert.Equal("[2001:db8::1]", m.RequestUri.Host);
        Assert.Equal(5060, m.RequestUri.Port);
        Assert.Equal("[2001:db8::2]", m.TopVia!.Host);
        Assert.Equal(5062, m.TopVia.Port);
        Assert.Equal("[2001:db8::3]", m.TopVia.Received);
    }

    [Fact]
    public void TryParse_CompactForms_SameAsLong()
    {
        var text = "BYE sip:b@h SIP/2.0\r\nv: SIP/2.0/TCP h;branch=z9hG4bKc\r\nf: <sip:a@h>;tag=1\r\nt: <sip:b@h>;tag=2\r\ni: cid\r\nCSeq: 2 BYE\r\nm: <sip:a@1.2.3.4>\r\nc: text/plain\r\nl: 2\r\n\r\nhi";
        var m = ParseRequest(text);
        Assert.Equal("1", m.From!.Tag);
        Assert.Equal("2", m.To!.Tag);
        Assert.Equal("cid", m.CallId);
        Assert.Single(m.Contacts);
        Assert.Equal("text/plain", m.ContentType);
        Assert.Equal("hi", Encoding.ASCII.GetString(m.Body.Span));
        Assert.Equal("cid", m.Headers["Call-ID"]);
    }

    [Fact]
    public void CreateResponse_CopiesDialogHeadersAndAddsTag()
    {
        var request = ParseRequest(Invite);
        var response = request.CreateResponse(180, toTag: "a6c85cf");
        Assert.Equal(180, response.StatusCode);
        Assert.Equal("Ringing", response.ReasonPhrase);
        Assert.Equal("a6c85cf", response.To!.Tag);
        Assert.Equal(request.From!.Tag, response.From!.Tag);
        Assert.Equal(request.CallId, response.CallId);
        Assert.Equal(request.CSeq, response.CSeq);
        Assert.Equal(request.Vias.Select(v => v.ToString()), response.Vias.Select(v => v.ToString()));
        Assert.Equal("0", response.Headers["Content-Length"]);
        Assert.Null(response.Headers["Contact"]);
        var parsed = Assert.IsType<SipResponse>(SipMessage.Parse(response.ToBytes()));
        Assert.Equal("Ringing", parsed.ReasonPhrase);
        Assert.Equal("a6c85cf", parsed.To!.Tag);
    }

    [Fact]
    public void CreateResponse_ToAlreadyTagged_KeepsTag()
    {
        var request = ParseRequest(Invite.Replace("To: Bob <sip:bob@biloxi.example.com>", "To: <sip:bob@biloxi.example.com>;tag=x", StringComparison.Ordinal));
        Assert.Equal("x", request.CreateResponse(200, "OK", "y").To!.Tag);
        Assert.Throws<ArgumentOutOfRangeException>(() => request.CreateResponse(99));
        Assert.Throws<ArgumentException>(() => request.CreateResponse(200, null, "bad tag"));
    }

    [Fact]
    public void Constructor_InvalidValidatedHeader_Throws()
    {
        var headers = SipHeaderCollection.CreateBuilder().Add("CSeq", "abc INVITE").Build();
        var ex = Assert.Throws<ArgumentException>(() => new SipRequest(SipMethod.Invite, SipUri.Parse("sip:a@b"), headers));
        Assert.Contains("CSeq", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BuiltRequest_SerializesAndParsesBack()
    {
        var headers = SipHeaderCollection.CreateBuilder()
            .Add("Via", "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKnew;rport")
            .Add("From", "<sip:100@pbx.example.com>;tag=abc")
            .Add("To", "<sip:100@pbx.example.com>")
            .Add("Call-ID", "reg-1@192.0.2.1")
            .Add("CSeq", "1 REGISTER")
            .Add("Contact", "<sip:100@192.0.2.1:5060>;expires=3600")
            .Build();
        var request = new SipRequest(SipMethod.Register, SipUri.Parse("sip:pbx.example.com"), headers);
        var text = request.ToString();
        Assert.StartsWith("REGISTER sip:pbx.example.com SIP/2.0\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("Content-Length: 0\r\n\r\n", text, StringComparison.Ordinal);
        var parsed = ParseRequest(text);
        Assert.Equal(3600, parsed.Contacts[0].Expires);
        Assert.Equal(SipMethod.Register, parsed.CSeq!.Value.Method);
    }

    [Fact]
    public void ParseError_DefaultValue_IsNone()
    {
        SipParseError error = default;
        Assert.Equal(SipParseErrorKind.None, error.Kind);
        Assert.Equal(0, error.SuggestedStatusCode);
        Assert.Equal("No error.", error.Message);
    }

    [Theory]
    [InlineData(200, "OK")]
    [InlineData(416, "Unsupported URI Scheme")]
    [InlineData(299, "Success")]
    [InlineData(699, "Global Failure")]
    public void GetDefaultReasonPhrase_KnownAndClass(int code, string phrase)
    {
        Assert.Equal(phrase, SipResponse.GetDefaultReasonPhrase(code));
    }

    [Fact]
    public void Method_CaseSensitive()
    {
        Assert.True(SipMethod.TryParse("INVITE", out var invite));
        Assert.True(invite.IsKnown);
        Assert.True(SipMethod.TryParse("invite", out var lower));
        Assert.False(lower.IsKnown);
        Assert.NotEqual(invite, lower);
        Assert.False(SipMethod.TryParse("IN VITE", out _));
        Assert.Throws<SipFormatException>(() => SipMethod.Parse(string.Empty));
    }
}
