using System.Globalization;

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

        if (request.From is { } from)
        {
            headers.Add(SipHeaderNames.From, from.ToString());
        }

        if (request.To is { } to)
        {
            headers.Add(SipHeaderNames.To, (to.Tag is null && toTag is not null ? to.WithTag(toTag) : to).ToString());
        }

        if (request.CallId is { } callId)
        {
            headers.Add(SipHeaderNames.CallId, callId);
        }

        if (request.CSeq is { } cseq)
        {
            headers.Add(SipHeaderNames.CSeq, cseq.Number.ToString(CultureInfo.InvariantCulture) + " " + cseq.Method.Name);
        }

        addHeaders?.Invoke(headers);
        headers.Add(SipHeaderNames.Server, serverName);
        headers.Add(SipHeaderNames.ContentLength, "0");
        return new SipResponse(statusCode, reasonPhrase ?? SipResponse.GetDefaultReasonPhrase(statusCode), headers.Build());
    }
}
