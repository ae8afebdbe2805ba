using System.Globalization;
using System.Net;
using System.Text;

namespace K7.Sip.Tests.Server;

/// <summary>The text of a REGISTER request as a phone would send it (CRLF line ends), with the parts tests vary.</summary>
internal sealed record RegisterMessage
{
    private static int _counter;

    public required string User { get; init; }

    /// <summary>Gets the Via sent-by; also the host and port of the default contact.</summary>
    public required IPEndPoint SentBy { get; init; }

    public string Domain { get; init; } = ServerHarness.Domain;

    public string Transport { get; init; } = "UDP";

    public bool RPort { get; init; } = true;

    public string Branch { get; init; } = NewId("z9hG4bK");

    public string CallId { get; init; } = NewId("call-") + "@127.0.0.1";

    public string FromTag { get; init; } = NewId("tag");

    public uint CSeq { get; init; } = 1;

    /// <summary>Gets the Contact header values; <see langword="null"/> for one contact at <see cref="SentBy"/>.</summary>
    public IReadOnlyList<string>? Contacts { get; init; }

    public int? Expires { get; init; }

    public string? UserAgent { get; init; } = "K7 test phone 1.0";

    public string? Authorization { get; init; }

    public string RequestUri => "sip:" + Domain;

    public string DefaultContact => "<sip:" + User + "@" + SentBy + ";transport=" + Transport.ToLowerInvariant() + ">";

    /// <summary>The same request sent again as a new transaction: CSeq + 1, a new branch.</summary>
    public RegisterMessage Next() => this with { CSeq = CSeq + 1, Branch = NewId("z9hG4bK") };

    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"REGISTER {RequestUri} SIP/2.0\r\n")
            .Append(CultureInfo.InvariantCulture, $"Via: SIP/2.0/{Transport} {SentBy};branch={Branch}{(RPort ? ";rport" : string.Empty)}\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append(CultureInfo.InvariantCulture, $"From: <sip:{User}@{Domain}>;tag={FromTag}\r\n")
            .Append(CultureInfo.InvariantCulture, $"To: <sip:{User}@{Domain}>\r\n")
            .Append(CultureInfo.InvariantCulture, $"Call-ID: {CallId}\r\n")
            .Append(CultureInfo.InvariantCulture, $"CSeq: {CSeq} REGISTER\r\n");
        foreach (var contact in Contacts ?? [DefaultContact])
        {
            text.Append(CultureInfo.InvariantCulture, $"Contact: {contact}\r\n");
        }

        if (Expires is { } expires)
        {
            text.Append(CultureInfo.InvariantCulture, $"Expires: {expires}\r\n");
        }

        if (UserAgent is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"User-Agent: {UserAgent}\r\n");
        }

        if (Authorization is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Authorization: {Authorization}\r\n");
        }

        return text.Append("Content-Length: 0\r\n\r\n").ToString();
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    public static string NewId(string prefix) => prefix + Interlocked.Increment(ref _counter).ToString("x", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];
}
