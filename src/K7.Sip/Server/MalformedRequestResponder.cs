using System.Globalization;
using System.Text;
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
        if (!error.TryCreateResponse(packet.Data.Span, out var bare) || bare.Vias.Count == 0)
        {
            return false;
        }

        // The parser's answer keeps only the header values that parse; a From, To or CSeq that is itself the fault
        // (RFC 4475 quotbal, badaspec, baddn, scalar02) is copied back as it was sent, as §8.2.6.2 asks.
        var raw = RawHeaders(packet.Data.Span);
        var from = bare.Headers[SipHeaderNames.From] ?? raw.From;
        var to = bare.To is { } parsedTo ? (parsedTo.Tag is null ? parsedTo.WithTag(toTag) : parsedTo).ToString() : raw.To is { } rawTo ? rawTo + ";tag=" + toTag : null;
        var callId = bare.CallId ?? raw.CallId;
        var cseq = bare.Headers[SipHeaderNames.CSeq] ?? raw.CSeq;
        if (from is null || to is null || callId is null || cseq is null)
        {
            return false;
        }

        var stamped = ViaProcessing.StampReceived(bare.Vias[0], packet);
        target = ResponseTarget.For(packet, stamped);

        // Written as text: the copied-back values may be the very ones our header builder would refuse.
        var text = new StringBuilder(512)
            .Append("SIP/2.0 ").Append(bare.StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(bare.ReasonPhrase).Append("\r\n")
            .Append("Via: ").Append(stamped).Append("\r\n");
        for (var i = 1; i < bare.Vias.Count; i++)
        {
            text.Append("Via: ").Append(bare.Vias[i]).Append("\r\n");
        }

        text.Append("From: ").Append(from).Append("\r\n")
            .Append("To: ").Append(to).Append("\r\n")
            .Append("Call-ID: ").Append(callId).Append("\r\n")
            .Append("CSeq: ").Append(cseq).Append("\r\n")
            .Append("Warning: ").Append(Warning.Format(serverName, error.Message)).Append("\r\n")
            .Append("Server: ").Append(serverName).Append("\r\n")
            .Append("Content-Length: 0\r\n\r\n");
        bytes = Encoding.UTF8.GetBytes(text.ToString());
        return true;
    }

    /// <summary>The raw (unfolded, trimmed) first From, To, Call-ID and CSeq values of a datagram's header section.</summary>
    private static (string? From, string? To, string? CallId, string? CSeq) RawHeaders(ReadOnlySpan<byte> datagram)
    {
        var text = Encoding.Latin1.GetString(datagram[..Math.Min(datagram.Length, 16 * 1024)]).Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        var lines = (end >= 0 ? text[..end] : text).Split('\n');
        string? from = null, to = null, callId = null, cseq = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            while (i + 1 < lines.Length && lines[i + 1].Length > 0 && lines[i + 1][0] is ' ' or '\t')
            {
                line += " " + lines[++i].Trim();
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            switch (SipHeaderNames.Expand(line[..colon].Trim()).ToUpperInvariant())
            {
                case "FROM":
                    from ??= value;
                    break;
                case "TO":
                    to ??= value;
                    break;
                case "CALL-ID":
                    callId ??= value;
                    break;
                case "CSEQ":
                    cseq ??= value;
                    break;
            }
        }

        return (from, to, callId, cseq);
    }
}
