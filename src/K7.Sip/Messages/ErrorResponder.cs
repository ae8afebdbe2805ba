using System.Text;

namespace K7.Sip;

/// <summary>Builds the error response to a request that failed to parse, from whatever headers of it are still valid.</summary>
internal static class ErrorResponder
{
    internal static SipResponse? Create(ReadOnlySpan<byte> datagram, in SipParseError error)
    {
        var status = error.SuggestedStatusCode;
        if (status == 0 || datagram.Length > 1 << 20)
        {
            return null;
        }

        var lines = Encoding.UTF8.GetString(datagram).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var vias = new List<string>();
        string? from = null, to = null, callId = null, cseq = null;
        for (var i = 1; i < lines.Length && lines[i].Length > 0; i++)
        {
            var line = lines[i];
            while (i + 1 < lines.Length && lines[i + 1].Length > 0 && lines[i + 1][0] is ' ' or '\t')
            {
                line += " " + lines[++i].Trim(' ', '\t');
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var id = HeaderTable.Identify(line[..colon].TrimEnd(' ', '\t'));
            var value = line[(colon + 1)..].Trim(' ', '\t');
            if (value.Contains('\r', StringComparison.Ordinal) || id is not (HeaderId.Via or HeaderId.From or HeaderId.To or HeaderId.CallId or HeaderId.CSeq) ||
                HeaderTable.Validate(id, value, out _) >= 0)
            {
                continue;
            }

            switch (id)
            {
                case HeaderId.Via:
                    vias.Add(value);
                    break;
                case HeaderId.From:
                    from ??= value;
                    break;
                case HeaderId.To:
                    to ??= value;
                    break;
                case HeaderId.CallId:
                    callId ??= value;
                    break;
                default:
                    cseq ??= value;
                    break;
            }
        }

        if (vias.Count == 0)
        {
            return null;
        }

        var builder = SipHeaderCollection.CreateBuilder();
        foreach (var via in vias)
        {
            builder.Add(SipHeaderNames.Via, via);
        }

        Add(builder, SipHeaderNames.From, from);
        Add(builder, SipHeaderNames.To, to);
        Add(builder, SipHeaderNames.CallId, callId);
        Add(builder, SipHeaderNames.CSeq, cseq);
        builder.Add(SipHeaderNames.ContentLength, "0");
        return new SipResponse(status, SipResponse.GetDefaultReasonPhrase(status), builder.Build());
    }

    private static void Add(SipHeaderCollection.Builder builder, string name, string? value)
    {
        if (value is not null)
        {
            builder.Add(name, value);
        }
    }
}
