namespace K7.Sip;

/// <summary>Builds responses to requests (RFC 3261 §8.2.6): the stamped top Via and the other Vias, From, To with a tag, Call-ID, CSeq.</summary>
internal static class ResponseFactory
{
    public static SipResponse Create(
        RequestContext context,
        int statusCode,
        string? reasonPhrase,
        string? toTag,
        string serverName,
        Action<SipHeaderCollection.Builder>? addHeaders)
    {
        var request = context.Request;
        var headers = SipHeaderCollection.CreateBuilder();
        headers.Add(SipHeaderNames.Via, context.TopVia.ToString());
        for (var i = 1; i < request.Vias.Count; i++)
        {
            headers.Add(SipHeaderNames.Via, request.Vias[i].ToString());
        }

        // From, To, Call-ID and CSeq go back as received (they were checked when the request was parsed).
        if (request.RawValue(HeaderId.From, SipHeaderNames.From) is { } from)
        {
            headers.Add(SipHeaderNames.From, from);
        }

        if (request.RawValue(HeaderId.To, SipHeaderNames.To) is { } to)
        {
            headers.Add(SipHeaderNames.To, toTag is not null && request.To is { Tag: null } ? to + ";tag=" + toTag : to);
        }

        if (request.CallId is { } callId)
        {
            headers.Add(SipHeaderNames.CallId, callId);
        }

        if (request.RawValue(HeaderId.CSeq, SipHeaderNames.CSeq) is { } cseq)
        {
            headers.Add(SipHeaderNames.CSeq, cseq);
        }

        addHeaders?.Invoke(headers);
        headers.Add(SipHeaderNames.Server, serverName);
        headers.Add(SipHeaderNames.ContentLength, "0");
        // Every value comes from a parsed request, a binding or this server: no need to parse them all again.
        return new SipResponse(statusCode, reasonPhrase ?? SipResponse.GetDefaultReasonPhrase(statusCode), headers.Build(), trusted: true);
    }
}
