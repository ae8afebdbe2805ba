using System.Globalization;
using System.Net;
using System.Text;
using K7.Sip.Tests.Server;

namespace K7.Sip.Tests.Proxy;

/// <summary>Raw SIP text for call tests: a caller's INVITE, ACK, BYE, CANCEL, and a phone's answers to what it receives.</summary>
internal static class CallMessages
{
    public const string Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

    public static string Invite(IPEndPoint caller, string user, string callId, string fromTag, string branch, int maxForwards = 70) =>
        $"INVITE sip:{user}@{ServerHarness.Domain} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {caller};branch={branch};rport\r\n" +
        $"Max-Forwards: {maxForwards.ToString(CultureInfo.InvariantCulture)}\r\n" +
        $"From: \"Tim Garcia\" <sip:5551231111@{ServerHarness.Domain}>;tag={fromTag}\r\n" +
        $"To: <sip:{user}@{ServerHarness.Domain}>\r\n" +
        $"Call-ID: {callId}\r\n" +
        "CSeq: 1 INVITE\r\n" +
        $"Contact: <sip:caller@{caller}>\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Encoding.UTF8.GetByteCount(Sdp).ToString(CultureInfo.InvariantCulture)}\r\n\r\n" + Sdp;

    public static string Cancel(IPEndPoint caller, string user, string callId, string fromTag, string branch) =>
        $"CANCEL sip:{user}@{ServerHarness.Domain} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {caller};branch={branch};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: \"Tim Garcia\" <sip:5551231111@{ServerHarness.Domain}>;tag={fromTag}\r\n" +
        $"To: <sip:{user}@{ServerHarness.Domain}>\r\n" +
        $"Call-ID: {callId}\r\n" +
        "CSeq: 1 CANCEL\r\n" +
        "Content-Length: 0\r\n\r\n";

    /// <summary>A request inside the dialog the 200 created (ACK or BYE), routed by its Record-Route.</summary>
    public static string InDialog(string method, uint cseq, IPEndPoint caller, SipResponse ok, string branch)
    {
        var text = new StringBuilder();
        var target = ok.Contacts[0].Address!.Uri;
        text.Append(CultureInfo.InvariantCulture, $"{method} {target} SIP/2.0\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Via: SIP/2.0/UDP {caller};branch={branch};rport\r\n");
        foreach (var route in ok.Headers.GetValues(SipHeaderNames.RecordRoute).Reverse())
        {
            text.Append(CultureInfo.InvariantCulture, $"Route: {route}\r\n");
        }

        text.Append("Max-Forwards: 70\r\n");
        text.Append(CultureInfo.InvariantCulture, $"From: {ok.Headers[SipHeaderNames.From]}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"To: {ok.Headers[SipHeaderNames.To]}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Call-ID: {ok.CallId}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"CSeq: {cseq} {method}\r\n");
        text.Append("Content-Length: 0\r\n\r\n");
        return text.ToString();
    }

    /// <summary>A phone's response to a request it received (Vias, From, To with the phone's tag, Call-ID, CSeq).</summary>
    public static string Respond(SipRequest request, int status, string reason, IPEndPoint phone, string toTag, bool withSdp = false)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"SIP/2.0 {status} {reason}\r\n");
        foreach (var via in request.Headers.GetValues(SipHeaderNames.Via))
        {
            text.Append(CultureInfo.InvariantCulture, $"Via: {via}\r\n");
        }

        foreach (var rr in request.Headers.GetValues(SipHeaderNames.RecordRoute))
        {
            text.Append(CultureInfo.InvariantCulture, $"Record-Route: {rr}\r\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"From: {request.Headers[SipHeaderNames.From]}\r\n");
        var to = request.Headers[SipHeaderNames.To]!;
        text.Append(CultureInfo.InvariantCulture, $"To: {(to.Contains(";tag=", StringComparison.Ordinal) || status == 100 ? to : to + ";tag=" + toTag)}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Call-ID: {request.CallId}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"CSeq: {request.Headers[SipHeaderNames.CSeq]}\r\n");
        if (status is >= 200 and < 300 && request.Method == SipMethod.Invite)
        {
            text.Append(CultureInfo.InvariantCulture, $"Contact: <sip:phone@{phone}>\r\n");
        }

        if (withSdp)
        {
            text.Append("Content-Type: application/sdp\r\n");
            text.Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.UTF8.GetByteCount(Sdp)}\r\n\r\n{Sdp}");
        }
        else
        {
            text.Append("Content-Length: 0\r\n\r\n");
        }

        return text.ToString();
    }

    /// <summary>Receives messages until one matches, skipping others (bounded by the phone's timeout).</summary>
    public static async Task<T> ExpectAsync<T>(UdpPhone phone, Func<T, bool> match)
        where T : SipMessage
    {
        while (true)
        {
            var received = await phone.ReceiveAsync();
            if (received.Message is T message && match(message))
            {
                return message;
            }
        }
    }

    public static Task<SipRequest> ExpectRequestAsync(UdpPhone phone, SipMethod method) => ExpectAsync<SipRequest>(phone, r => r.Method == method);

    public static Task<SipResponse> ExpectResponseAsync(UdpPhone phone, int status) => ExpectAsync<SipResponse>(phone, r => r.StatusCode == status);
}
