using K7.Sip.Transport;

namespace K7.Sip;

/// <summary>
/// Answers a request the parser rejected (RFC 4475 §3.1.2: "reject with 400"), statelessly, when the headers a response
/// needs can still be read: a top Via, From, To, Call-ID and CSeq (<see cref="SipParseError.TryCreateResponse"/>).
/// The answer gets a To tag, a <c>Warning: 399</c> naming the fault and where it is, and goes where the top Via says
/// (with <c>received</c>/<c>rport</c> applied). Otherwise the request is dropped: there is no safe place to answer.
/// </summary>
internal static class MalformedRequestResponder
{
    public static async ValueTask TryAnswerAsync(SipServer server, SipPacket packet, SipParseError error)
    {
        if (!TryBuild(packet, error, server.Options.ServerName, server.NewTag(), out var bytes, out var target))
        {
            return;
        }

        await server.SendAsync(target, bytes).ConfigureAwait(false);
    }

    internal static bool TryBuild(SipPacket packet, SipParseError error, string serverName, string toTag, out byte[] bytes, out ResponseTarget target)
    {
        bytes = [];
        target = null!;
        if (!error.TryCreateResponse(packet.Data.Span, out var bare)
            || bare.Vias.Count == 0 || bare.From is null || bare.To is not { } to || bare.CallId is null || bare.CSeq is null)
        {
            return false;
        }

        var stamped = ViaProcessing.StampReceived(bare.Vias[0], packet);
        target = ResponseTarget.For(packet, stamped);
        var headers = bare.Headers.ToBuilder();
        headers.Remove(SipHeaderNames.Via).Remove(SipHeaderNames.To).Remove(SipHeaderNames.ContentLength);
        headers.Insert(0, SipHeaderNames.Via, stamped.ToString());
        for (var i = 1; i < bare.Vias.Count; i++)
        {
            headers.Insert(i, SipHeaderNames.Via, bare.Vias[i].ToString());
        }

        headers.Add(SipHeaderNames.To, (to.Tag is null ? to.WithTag(toTag) : to).ToString());
        headers.Add(SipHeaderNames.Warning, Warning.Format(serverName, error.Message));
        headers.Add(SipHeaderNames.Server, serverName);
        headers.Add(SipHeaderNames.ContentLength, "0");
        bytes = new SipResponse(bare.StatusCode, bare.ReasonPhrase, headers.Build()).ToBytes();
        return true;
    }
}
