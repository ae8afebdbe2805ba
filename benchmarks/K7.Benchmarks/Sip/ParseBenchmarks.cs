using System.Text;
using BenchmarkDotNet.Attributes;
using K7.Sip;

namespace K7.Benchmarks.Sip;

/// <summary>
/// Parsing one typical INVITE datagram (Via with branch and rport, Max-Forwards, To, From with tag, Call-ID, CSeq,
/// Contact, User-Agent, Content-Type, Content-Length and a small SDP body).
/// </summary>
/// <remarks>
/// <para><see cref="NaiveSplit"/> (baseline) is what a parser cannot do less than: decode the datagram to a string,
/// split it into lines, and cut each header line at its colon into a name and a trimmed value. It validates nothing,
/// does not unfold, and does not frame the body.</para>
/// <para><see cref="TryParse"/> is <see cref="SipMessage.TryParse(ReadOnlySpan{byte}, out SipMessage?, out SipParseError)"/>
/// alone: framing, start line, header ranges, and validation of Via, From, To, Call-ID, CSeq, Contact, Max-Forwards
/// and Content-Length. <see cref="TryParseAndReadTypedHeaders"/> also reads every typed property a UAS uses
/// (Vias, From, To, Call-ID, CSeq, Contacts, Max-Forwards, Content-Type), which builds those objects.
/// <see cref="TryParseAndToBytes"/> parses and serializes again (what a proxy does).</para>
/// </remarks>
public class SipParseBenchmarks
{
    private byte[] _datagram = [];

    /// <summary>The typical INVITE used by the benchmarks (CRLF line ends).</summary>
    public static byte[] TypicalInvite()
    {
        const string sdp =
            "v=0\r\n" +
            "o=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\n" +
            "s=-\r\n" +
            "c=IN IP4 192.0.2.10\r\n" +
            "t=0 0\r\n" +
            "m=audio 49170 RTP/AVP 0 8 101\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\n";
        var head =
            "INVITE sip:bob@pbx.example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "To: <sip:bob@pbx.example.com>\r\n" +
            "From: \"Alice\" <sip:alice@pbx.example.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710@192.0.2.10\r\n" +
            "CSeq: 314159 INVITE\r\n" +
            "Contact: <sip:alice@192.0.2.10:5060>\r\n" +
            "User-Agent: K7Phone/1.0\r\n" +
            "Content-Type: application/sdp\r\n" +
            $"Content-Length: {sdp.Length}\r\n" +
            "\r\n";
        return Encoding.ASCII.GetBytes(head + sdp);
    }

    [GlobalSetup]
    public void Setup()
    {
        _datagram = TypicalInvite();
        if (!SipMessage.TryParse(_datagram, out var message, out var error))
        {
            throw new InvalidOperationException(error.Message);
        }

        if (message.Vias.Count != 1 || message.CSeq?.Number != 314159 || NaiveSplit() != 10)
        {
            throw new InvalidOperationException("The benchmark message does not read back as expected.");
        }
    }

    [Benchmark(Baseline = true)]
    public int NaiveSplit()
    {
        var text = Encoding.UTF8.GetString(_datagram);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lines = text[..end].Split("\r\n");
        var headers = new List<KeyValuePair<string, string>>(lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
        }

        return headers.Count;
    }

    [Benchmark]
    public bool TryParse() => SipMessage.TryParse(_datagram, out _, out _);

    [Benchmark]
    public int TryParseAndReadTypedHeaders()
    {
        if (!SipMessage.TryParse(_datagram, out var m, out _))
        {
            return -1;
        }

        return m.Vias.Count + m.From!.Tag!.Length + m.To!.Uri.Host.Length + m.CallId!.Length +
               (int)m.CSeq!.Value.Number + m.Contacts.Count + m.MaxForwards!.Value + m.ContentType!.Length;
    }

    [Benchmark]
    public int TryParseAndToBytes()
    {
        return SipMessage.TryParse(_datagram, out var m, out _) ? m.ToBytes().Length : -1;
    }
}
