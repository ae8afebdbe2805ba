using System.Text;

namespace K7.Sip.Tests.Conformance;

/// <summary>Every RFC 4475 torture message, with the verdict of the corpus README.</summary>
public sealed class Rfc4475Tests
{
    private static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(CorpusTests.Folder, name + ".dat"));

    private static SipMessage Accept(string name)
    {
        var ok = SipMessage.TryParse(Load(name), out var message, out var error);
        Assert.True(ok, $"{name}: {error.Message}");
        return message!;
    }

    private static SipRequest AcceptRequest(string name) => Assert.IsType<SipRequest>(Accept(name));

    private static SipParseError Reject(string name, SipParseErrorKind kind, int status, int line, string? header)
    {
        var ok = SipMessage.TryParse(Load(name), out var message, out var error);
        Assert.False(ok, $"{name} was accepted");
        Assert.Null(message);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.SuggestedStatusCode);
        Assert.Equal(line, error.Line);
        Assert.Equal(header, error.HeaderName);
        Assert.Contains($"line {line}", error.Message, StringComparison.Ordinal);
        var exception = error.ToException();
        Assert.Equal(error.Position, exception.Position);
        Assert.Equal(header, exception.Field);
        return error;
    }

    private static SipValidationResult Validate(string name, SipValidationRole role = SipValidationRole.Endpoint) =>
        SipRequestValidator.Validate(AcceptRequest(name), role);

    // 3.1.1 valid messages

    [Fact]
    public void Wsinv_FoldingAndLwsEverywhere_Accepted()
    {
        var m = AcceptRequest("wsinv");
        Assert.Equal(SipMethod.Invite, m.Method);
        Assert.Equal("chair-dnrc.example.com", m.RequestUri.Host);
        Assert.True(m.RequestUri.Parameters.Contains("unknownparam"));
        Assert.Equal("1918181833n", m.To!.Tag);
        Assert.Equal("J Rosenberg \\\"", m.From!.DisplayName);
        Assert.Equal("98asjd8", m.From.Tag);
        Assert.Equal(68, m.MaxForwards);
        Assert.Equal(new SipCSeq(9, SipMethod.Invite), m.CSeq);
        Assert.Equal("wsinv.ndaksdj@192.0.2.1", m.CallId);
        Assert.Equal(3, m.Vias.Count);
        Assert.Equal("SIP/2.0", m.Vias[0].Protocol);
        Assert.Equal("UDP", m.Vias[0].Transport);
        Assert.Equal("192.0.2.2", m.Vias[0].Host);
        Assert.Equal("390skdjuw", m.Vias[0].Branch);
        Assert.Equal("TCP", m.Vias[1].Transport);
        Assert.Equal("spindle.example.com", m.Vias[1].Host);
        Assert.Equal("z9hG4bK9ikj8", m.Vias[1].Branch);
        Assert.Equal("192.168.255.111", m.Vias[2].Host);
        Assert.Equal("z9hG4bK30239", m.Vias[2].Branch);
        Assert.Equal(string.Empty, m.Headers["Subject"]);
        Assert.Equal("newfangled value continued newfangled value", m.Headers["NewFangledHeader"]);
        Assert.Equal(";;,,;;,;", m.Headers["UnknownHeaderWithUnusualValue"]);
        var contact = Assert.Single(m.Contacts);
        Assert.Equal("Quoted string \"\"", contact.Address!.DisplayName);
        Assert.Equal("newvalue", contact.Parameters["newparam"]);
        Assert.True(contact.Parameters.Contains("secondparam"));
        Assert.Equal(0.33m, contact.Q);
        Assert.Equal("application/sdp", m.ContentType);
        Assert.Equal(150, m.Body.Length);
    }

    [Fact]
    public void Intmeth_UnusualTokenCharacters_Accepted()
    {
        var m = AcceptRequest("intmeth");
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", m.Method.Name);
        Assert.False(m.Method.IsKnown);
        Assert.Equal(m.Method, m.CSeq!.Value.Method);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", m.RequestUri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", m.RequestUri.Password);
        Assert.Equal("example.com", m.RequestUri.Host);
        Assert.Equal("z9hG4bK-.!%66*_+`'~", m.Vias[0].Branch);
        Assert.Equal("BEL:\a NUL:\0 DEL:\x7F", m.To!.DisplayName);
        Assert.Equal("token1~` token2'+_ token3*%!.-", m.From!.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", m.From.Tag);
        Assert.Equal("\"работающий\"", m.From.Parameters["fromParam''~+*_!.-%"]);
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", m.CallId);
        Assert.Equal(255, m.MaxForwards);
        var extension = m.Headers["extensionHeader-!.%*+_`'~"]!;
        Assert.Equal(4, extension.Length);
        Assert.Equal('\uFEFF', extension[0]);
        Assert.Equal(501, SipRequestValidator.Validate(m, SipValidationRole.Endpoint).StatusCode);
    }

    [Fact]
    public void Esc01_ValidEscapes_UnescapedOnce()
    {
        var m = AcceptRequest("esc01");
        Assert.Equal("sips:user@example.com", m.RequestUri.User);
        Assert.Equal("example.net", m.RequestUri.Host);
        Assert.Equal("user", m.To!.Uri.User);
        Assert.Equal("I have spaces", m.From!.Uri.User);
        var uri = Assert.Single(m.Contacts).Address!.Uri;
        Assert.Equal("caller", uri.User);
        Assert.True(uri.Parameters.Contains("lr"));
        Assert.Equal("value%41", uri.Parameters["name"]);
        Assert.NotEqual("valueA", uri.Parameters["name"]);
        Assert.Equal("esc01.239409asdfakjkn23onasd0-3234", m.CallId);
        Assert.Equal("application/sdp", m.ContentType);
    }

    [Fact]
    public void Escnull_EscapedNul_KeptWithoutTruncation()
    {
        var m = AcceptRequest("escnull");
        Assert.Equal("null-\0-null", m.To!.Uri.User);
        Assert.Equal("null-\0-null", m.From!.Uri.User);
        Assert.Equal(2, m.Contacts.Count);
        Assert.Equal("\0", m.Contacts[0].Address!.Uri.User);
        Assert.Equal("\0\0", m.Contacts[1].Address!.Uri.User);
        Assert.False(m.Contacts[0].Address!.Uri.IsEquivalentTo(m.Contacts[1].Address!.Uri));
    }

    [Fact]
    public void Esc02_PercentThatIsNotAnEscape_UnknownMethodAndHeader()
    {
        var m = AcceptRequest("esc02");
        Assert.Equal("RE%47IST%45R", m.Method.Name);
        Assert.False(m.Method.IsKnown);
        Assert.NotEqual(SipMethod.Register, m.Method);
        Assert.Equal("%Z%45", m.To!.DisplayName);
        Assert.Equal(2, m.Contacts.Count);
        Assert.Equal("<sip:alias2@host2.example.com>", m.Headers["C%6Fntact"]);
        Assert.Equal("z9hG4bK209%fzsnel234", m.Vias[0].Branch);
        Assert.Equal(501, SipRequestValidator.Validate(m, SipValidationRole.Endpoint).StatusCode);
    }

    [Fact]
    public void Lwsdisp_NoSpaceBeforeAngleBracket_Accepted()
    {
        var m = AcceptRequest("lwsdisp");
        Assert.Equal("caller", m.From!.DisplayName);
        Assert.Equal("caller", m.From.Uri.User);
        Assert.Equal("323", m.From.Tag);
    }

    [Fact]
    public void Longreq_LongValues_Accepted()
    {
        var m = AcceptRequest("longreq");
        Assert.Equal(SipMethod.Invite, m.Method);
        Assert.Equal("I have a user name of extremeextremeextremeextremeextremeextremeextremeextremeextremeextreme proportion", m.To!.DisplayName);
        Assert.Equal(6000, m.To.Uri.Port);
        Assert.Equal(3, m.To.Uri.Parameters.Count);
        Assert.Equal("shortvalue", m.To.Uri.Parameters["longparamnamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamename"]);
        Assert.True(m.From!.Tag!.Length > 100);
        Assert.True(m.CallId!.Length > 100);
        Assert.Equal(34, m.Headers.CountOf("Via"));
        Assert.Equal(34, m.Vias.Count);
        Assert.Single(m.Headers, h => h.Name.StartsWith("Unknown-LongLong", StringComparison.Ordinal));
        Assert.Equal(m.Body.Length, int.Parse(m.Headers["Content-Length"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Dblreq_TrailingSecondRequest_Discarded()
    {
        var data = Load("dblreq");
        var m = AcceptRequest("dblreq");
        Assert.Equal(SipMethod.Register, m.Method);
        Assert.Equal(0, m.Body.Length);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", m.CallId);
        Assert.Equal("sip:j.user@host.example.com", Assert.Single(m.Contacts).Address!.Uri.ToString());
        Assert.True(m.ToBytes().Length < data.Length);
        Assert.DoesNotContain("INVITE", Encoding.UTF8.GetString(m.ToBytes()), StringComparison.Ordinal);
    }

    [Fact]
    public void Semiuri_SemicolonInUserPart_IsPartOfUser()
    {
        var m = AcceptRequest("semiuri");
        Assert.Equal("user;par=u@example.net", m.RequestUri.User);
        Assert.Equal("example.com", m.RequestUri.Host);
        Assert.Empty(m.RequestUri.Parameters);
        Assert.Equal(6, m.Headers.GetValues("Accept").Count());
    }

    [Fact]
    public void Transports_FiveTransports_Accepted()
    {
        var m = AcceptRequest("transports");
        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], m.Vias.Select(v => v.Transport));
        Assert.Equal("t4.example.com", m.Vias[3].Host);
        Assert.Equal("transports.kijh4akdnaqjkwendsasfdj", m.CallId);
    }

    [Fact]
    public void Mpart01_BinaryMultipartBody_FramedByContentLength()
    {
        var m = AcceptRequest("mpart01");
        Assert.Equal(SipMethod.Message, m.Method);
        Assert.Equal(553, m.Body.Length);
        Assert.Contains((byte)0, m.Body.ToArray());
        Assert.StartsWith("multipart/mixed", m.ContentType, StringComparison.Ordinal);
        Assert.True(m.Vias[0].HasRPort);
        Assert.Null(m.Vias[0].RPort);
        Assert.Equal(5070, m.Vias[0].Port);
        Assert.Equal("SIPimp.org/0.2.5 (curses)", m.UserAgent);
        var again = SipMessage.Parse(m.ToBytes());
        Assert.True(again.Body.Span.SequenceEqual(m.Body.Span));
    }

    [Fact]
    public void Unreason_Utf8ReasonPhrase_Accepted()
    {
        var m = Assert.IsType<SipResponse>(Accept("unreason"));
        Assert.Equal(200, m.StatusCode);
        Assert.StartsWith("= 2**3 * 5**2 \u043d\u043e", m.ReasonPhrase, StringComparison.Ordinal);
        Assert.Equal(154, m.Body.Length);
    }

    [Fact]
    public void Noreason_EmptyReasonPhrase_Accepted()
    {
        var m = Assert.IsType<SipResponse>(Accept("noreason"));
        Assert.Equal(100, m.StatusCode);
        Assert.Equal(string.Empty, m.ReasonPhrase);
    }

    // 3.1.2 invalid messages

    [Fact]
    public void Badinv01_EmptyViaAndContactParams_Rejected400()
    {
        Reject("badinv01", SipParseErrorKind.BadHeaderValue, 400, 7, "Via");
    }

    [Fact]
    public void Clerr_ContentLengthLargerThanBody_Rejected400()
    {
        Reject("clerr", SipParseErrorKind.BadContentLength, 400, 10, "Content-Length");
    }

    [Fact]
    public void Ncl_NegativeContentLength_Rejected400()
    {
        var error = Reject("ncl", SipParseErrorKind.BadContentLength, 400, 10, "Content-Length");
        Assert.Contains("Negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalar02_CSeqOverflow_Rejected400AtCSeq()
    {
        var error = Reject("scalar02", SipParseErrorKind.BadHeaderValue, 400, 5, "CSeq");
        var data = Load("scalar02");
        Assert.Equal((byte)'3', data[error.Position]);
    }

    [Fact]
    public void Scalarlg_ResponseCSeqOverflow_Dropped()
    {
        var error = Reject("scalarlg", SipParseErrorKind.BadHeaderValue, 0, 5, "CSeq");
        Assert.False(error.IsRequest);
    }

    [Fact]
    public void Quotbal_UnterminatedQuote_Rejected400()
    {
        Reject("quotbal", SipParseErrorKind.BadHeaderValue, 400, 2, "To");
    }

    [Fact]
    public void Ltgtruri_RequestUriInAngleBrackets_Rejected400()
    {
        var error = Reject("ltgtruri", SipParseErrorKind.BadRequestUri, 400, 1, null);
        Assert.Equal(7, error.Position);
    }

    [Fact]
    public void Lwsruri_WhitespaceInRequestUri_Rejected400()
    {
        Reject("lwsruri", SipParseErrorKind.BadRequestUri, 400, 1, null);
    }

    [Fact]
    public void Lwsstart_SeveralSpacesInRequestLine_Rejected400()
    {
        var error = Reject("lwsstart", SipParseErrorKind.BadRequestUri, 400, 1, null);
        Assert.Equal(7, error.Position);
    }

    [Fact]
    public void Trws_TrailingSpaceAfterVersion_Rejected400()
    {
        Reject("trws", SipParseErrorKind.BadStartLine, 400, 1, null);
    }

    [Fact]
    public void Escruri_EscapedHeadersInRequestUri_ParsedThenValidator400()
    {
        var m = AcceptRequest("escruri");
        Assert.Equal("<sip:example.com>", m.RequestUri.Headers["Route"]);
        var result = SipRequestValidator.Validate(m, SipValidationRole.Endpoint);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal(400, SipRequestValidator.Validate(m, SipValidationRole.Proxy).StatusCode);
    }

    [Fact]
    public void Baddate_NonGmtDate_IgnoredAndAccepted()
    {
        var m = AcceptRequest("baddate");
        Assert.Equal("Fri, 01 Jan 2010 16:00:00 EST", m.Headers["Date"]);
        Assert.True(SipRequestValidator.Validate(m, SipValidationRole.Endpoint).IsValid);
    }

    [Fact]
    public void Regbadct_UnbracketedContactWithHeaders_Rejected400()
    {
        Reject("regbadct", SipParseErrorKind.BadHeaderValue, 400, 8, "Contact");
    }

    [Fact]
    public void Badaspec_SpacesInsideAngleBrackets_Rejected400()
    {
        Reject("badaspec", SipParseErrorKind.BadHeaderValue, 400, 5, "To");
    }

    [Fact]
    public void Baddn_UnquotedDisplayNameWithComma_Rejected400()
    {
        // The file has no empty line ending its header section: end of datagram ends it, then From is rejected.
        var error = Reject("baddn", SipParseErrorKind.BadHeaderValue, 400, 4, "From");
        Assert.Equal((byte)',', Load("baddn")[error.Position]);
    }

    [Fact]
    public void Badvers_Version7_Rejected505()
    {
        Reject("badvers", SipParseErrorKind.BadVersion, 505, 1, null);
    }

    [Fact]
    public void Mismatch01_CSeqMethodDiffers_Validator400()
    {
        var result = Validate("mismatch01");
        Assert.Equal(400, result.StatusCode);
        Assert.Contains("CSeq", result.ReasonPhrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatch02_UnknownMethodCSeqInvite_Validator400()
    {
        var m = AcceptRequest("mismatch02");
        Assert.Equal("NEWMETHOD", m.Method.Name);
        Assert.Equal(400, SipRequestValidator.Validate(m, SipValidationRole.Endpoint).StatusCode);
    }

    [Fact]
    public void Bigcode_HugeStatusCode_Dropped()
    {
        var error = Reject("bigcode", SipParseErrorKind.BadStartLine, 0, 1, null);
        Assert.Equal(8, error.Position);
        Assert.False(error.IsRequest);
    }

    // 3.2 transaction layer

    [Fact]
    public void Badbranch_BareMagicCookie_ParsedAsRfc2543Branch()
    {
        var m = AcceptRequest("badbranch");
        Assert.Equal("z9hG4bK", m.Vias[0].Branch);
        Assert.False(m.Vias[0].HasRfc3261Branch);
        Assert.True(SipRequestValidator.Validate(m, SipValidationRole.Endpoint).IsValid);
    }

    // 3.3 application layer

    [Fact]
    public void Insuf_MissingCallIdFromTo_Validator400()
    {
        var m = AcceptRequest("insuf");
        Assert.Null(m.CallId);
        Assert.Null(m.From);
        Assert.Null(m.To);
        var result = SipRequestValidator.Validate(m, SipValidationRole.Endpoint);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("Missing Call-ID Header", result.ReasonPhrase);
    }

    [Fact]
    public void Unkscm_UnknownRequestUriScheme_Validator416()
    {
        var m = AcceptRequest("unkscm");
        Assert.Equal(SipUriScheme.Other, m.RequestUri.Scheme);
        Assert.Equal("nobodyknowsthisscheme", m.RequestUri.SchemeName);
        Assert.Equal("totallyopaquecontent", m.RequestUri.OpaquePart);
        Assert.Equal(416, SipRequestValidator.Validate(m, SipValidationRole.Endpoint).StatusCode);
        Assert.Equal(416, SipRequestValidator.Validate(m, SipValidationRole.Proxy).StatusCode);
    }

    [Fact]
    public void Novelsc_NovelScheme_Validator416()
    {
        var m = AcceptRequest("novelsc");
        Assert.Equal("soap.beep", m.RequestUri.SchemeName);
        Assert.Equal("//192.0.2.103:3002", m.RequestUri.OpaquePart);
        Assert.Equal(416, SipRequestValidator.Validate(m, SipValidationRole.Endpoint).StatusCode);
    }

    [Fact]
    public void Unksm2_NonSipAddresses_ParsedOpaque()
    {
        var m = AcceptRequest("unksm2");
        Assert.Equal(SipUriScheme.Other, m.To!.Uri.Scheme);
        Assert.Equal("isbn", m.To.Uri.SchemeName);
        Assert.Equal("2983792873", m.To.Uri.OpaquePart);
        Assert.Equal("http", m.From!.Uri.SchemeName);
        Assert.Equal("//www.example.com", m.From.Uri.OpaquePart);
        Assert.Equal("3234233", m.From.Tag);
        var contact = Assert.Single(m.Contacts);
        Assert.Equal("name", contact.Address!.Uri.SchemeName);
        Assert.Equal("John_Smith", contact.Address.Uri.OpaquePart);
        Assert.True(SipRequestValidator.Validate(m, SipValidationRole.Registrar).IsValid);
    }

    [Fact]
    public void Bext01_UnknownRequireTags_Validator420WithUnsupported()
    {
        var endpoint = Validate("bext01");
        Assert.Equal(420, endpoint.StatusCode);
        var header = Assert.Single(endpoint.Headers);
        Assert.Equal(new SipHeader("Unsupported", "nothingSupportsThis, nothingSupportsThisEither"), header);
        var proxy = Validate("bext01", SipValidationRole.Proxy);
        Assert.Equal(420, proxy.StatusCode);
        Assert.Equal("noProxiesSupportThis, norDoAnyProxiesSupportThis", Assert.Single(proxy.Headers).Value);
        var response = endpoint.CreateResponse(AcceptRequest("bext01"), "t1");
        Assert.Equal("nothingSupportsThis, nothingSupportsThisEither", response.Headers["Unsupported"]);
        Assert.Equal("t1", response.To!.Tag);
    }

    [Fact]
    public void Invut_UnknownBodyType_Validator415WithAccept()
    {
        var result = Validate("invut");
        Assert.Equal(415, result.StatusCode);
        Assert.Equal(new SipHeader("Accept", "application/sdp"), Assert.Single(result.Headers));
        Assert.True(Validate("invut", SipValidationRole.Proxy).IsValid);
    }

    [Fact]
    public void Regaut01_UnknownAuthorizationScheme_ParsedUnchanged()
    {
        var m = AcceptRequest("regaut01");
        Assert.Equal("NoOneKnowsThisScheme opaque-data=here", m.Headers["Authorization"]);
        Assert.True(SipRequestValidator.Validate(m, SipValidationRole.Registrar).IsValid);
    }

    [Fact]
    public void Multi01_DuplicateHeaders_Validator400()
    {
        var m = AcceptRequest("multi01");
        Assert.Equal(2, m.Headers.CountOf("Call-ID"));
        var result = SipRequestValidator.Validate(m, SipValidationRole.Endpoint);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("Duplicate Call-ID Header", result.ReasonPhrase);
    }

    [Fact]
    public void Mcl01_ConflictingContentLengths_Rejected400()
    {
        Reject("mcl01", SipParseErrorKind.BadContentLength, 400, 9, "Content-Length");
    }

    [Fact]
    public void Bcast_BroadcastSecondVia_Accepted()
    {
        var m = Assert.IsType<SipResponse>(Accept("bcast"));
        Assert.Equal(2, m.Vias.Count);
        Assert.Equal("255.255.255.255", m.Vias[1].Host);
    }

    [Fact]
    public void Zeromf_MaxForwardsZero_ProxyGets483EndpointAnswers()
    {
        var m = AcceptRequest("zeromf");
        Assert.Equal(0, m.MaxForwards);
        Assert.Equal(483, SipRequestValidator.Validate(m, SipValidationRole.Proxy).StatusCode);
        Assert.True(SipRequestValidator.Validate(m, SipValidationRole.Endpoint).IsValid);
    }

    [Fact]
    public void Cparam01_UnbracketedContactParam_IsContactParam()
    {
        var m = AcceptRequest("cparam01");
        var contact = Assert.Single(m.Contacts);
        Assert.False(contact.Address!.UsedAngleBrackets);
        Assert.True(contact.Parameters.Contains("unknownparam"));
        Assert.Empty(contact.Address.Uri.Parameters);
        Assert.Equal("sip:+19725552222@gw1.example.net", contact.Address.Uri.ToString());
        Assert.True(SipRequestValidator.Validate(m, SipValidationRole.Registrar).IsValid);
    }

    [Fact]
    public void Cparam02_BracketedParam_IsUriParam()
    {
        var m = AcceptRequest("cparam02");
        var contact = Assert.Single(m.Contacts);
        Assert.True(contact.Address!.UsedAngleBrackets);
        Assert.True(contact.Address.Uri.Parameters.Contains("unknownparam"));
        Assert.False(contact.Parameters.Contains("unknownparam"));
    }

    [Fact]
    public void Regescrt_EscapedRouteHeaderInContact_Kept()
    {
        var m = AcceptRequest("regescrt");
        var uri = Assert.Single(m.Contacts).Address!.Uri;
        Assert.Equal("<sip:sip.example.com>", uri.Headers["Route"]);
        Assert.Equal("sip:user@example.com?Route=%3Csip:sip.example.com%3E", uri.ToString());
        Assert.True(SipRequestValidator.Validate(m, SipValidationRole.Registrar).IsValid);
    }

    [Fact]
    public void Sdp01_AcceptExcludesSdp_Validator406()
    {
        Assert.Equal(406, Validate("sdp01").StatusCode);
    }

    // 3.4 backward compatibility

    [Fact]
    public void Inv2543_Rfc2543Request_Accepted()
    {
        var m = AcceptRequest("inv2543");
        Assert.Null(m.Vias[0].Branch);
        Assert.False(m.Vias[0].HasRfc3261Branch);
        Assert.Null(m.From!.Tag);
        Assert.Null(m.MaxForwards);
        Assert.False(m.Headers.Contains("Content-Length"));
        Assert.True(m.Body.Length > 0);
        Assert.Equal("phone", m.To!.Parameters["user"]);
        Assert.True(SipRequestValidator.Validate(m, SipValidationRole.Endpoint).IsValid);
    }

    [Fact]
    public void AllFortyNine_HaveATest()
    {
        var names = Directory.GetFiles(CorpusTests.Folder, "*.dat").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var tested = typeof(Rfc4475Tests).GetMethods().Select(m => m.Name.Split('_')[0].ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(49, names.Count);
        Assert.DoesNotContain(names, n => !tested.Contains(n!));
    }
}
