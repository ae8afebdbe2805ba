using System.Globalization;
using System.Text;
using K7.Sip.Transport;

namespace K7.Sip;

/// <summary>
/// Answers a request the parser rejected (RFC 4475 §3.1.2: "reject with 400"), statelessly, when the headers a response
/// needs can still be read: a top Via that parses, and exactly one From, To, Call-ID and CSeq line. Otherwise the
/// request is dropped: there is no safe place to send an answer.
/// </summary>
internal static class ErrorResponder
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
        var text = Encoding.Latin1.GetString(packet.Data.Span[..Math.Min(packet.Data.Length, 16 * 1024)]);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end >= 0)
        {
            text = text[..end];
        }

        string? via = null, from = null, to = null, callId = null, cseq = null;
        var duplicates = false;
        foreach (var line in UnfoldedLines(text).Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            switch (line[..colon].Trim().ToUpperInvariant())
            {
                case "VIA" or "V":
                    via ??= value;
                    break;
                case "FROM" or "F":
                    duplicates |= from is not null;
                    from = value;
                    break;
                case "TO" or "T":
                    duplicates |= to is not null;
                    to = value;
                    break;
                case "CALL-ID" or "I":
                    duplicates |= callId is not null;
                    callId = value;
                    break;
                case "CSEQ":
                    duplicates |= cseq is not null;
                    cseq = value;
                    break;
            }
        }

        if (duplicates || via is null || from is null || to is null || callId is null || cseq is null)
        {
            return false;
        }

        var comma = via.IndexOf(',', StringComparison.Ordinal);
        if (!SipVia.TryParse(via, out var topVia) && (comma < 0 || !SipVia.TryParse(via.AsSpan(0, comma), out topVia)))
        {
            return false;
        }

        var stamped = ViaProcessing.StampReceived(topVia, packet);
        target = ResponseTarget.For(packet, stamped);
        var status = error.SuggestedStatusCode;
        var builder = new StringBuilder(256)
            .Append("SIP/2.0 ").Append(status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(SipResponse.GetDefaultReasonPhrase(status)).Append("\r\n")
            .Append("Via: ").Append(stamped).Append("\r\n")
            .Append("From: ").Append(from).Append("\r\n")
            .Append("To: ").Append(to).Append(to.Contains(";tag=", StringComparison.OrdinalIgnoreCase) ? string.Empty : ";tag=" + toTag).Append("\r\n")
            .Append("Call-ID: ").Append(callId).Append("\r\n")
            .Append("CSeq: ").Append(cseq).Append("\r\n")
            .Append("Warning: 399 ").Append(serverName.Replace(' ', '-')).Append(" \"").Append(QuotedText(error.Message)).Append("\"\r\n")
            .Append("Server: ").Append(serverName).Append("\r\n")
            .Append("Content-Length: 0\r\n\r\n");
        bytes = Encoding.UTF8.GetBytes(builder.ToString());
        return true;
    }

    private static IEnumerable<string> UnfoldedLines(string text)
    {
        var current = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && current.Length > 0)
            {
                current.Append(' ').Append(line.Trim());
                continue;
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }

            current.Clear().Append(line);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string QuotedText(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var c in message)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
