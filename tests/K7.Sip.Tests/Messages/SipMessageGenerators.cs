using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace K7.Sip.Tests.Messages;

/// <summary>A message built through the public API, with the typed values it was built from.</summary>
public sealed record GeneratedMessage(SipMessage Message, string CallId, SipCSeq CSeq, SipNameAddress From, SipNameAddress To, string[] Vias, int Contacts);

/// <summary>A valid datagram and a list of edits (flip, insert, delete) to apply to it.</summary>
public sealed record MutatedDatagram(byte[] Original, (int Position, int Kind, byte Value)[] Edits)
{
    public byte[] Apply()
    {
        var bytes = new List<byte>(Original);
        foreach (var (position, kind, value) in Edits)
        {
            if (bytes.Count == 0)
            {
                bytes.Add(value);
                continue;
            }

            var p = position % bytes.Count;
            switch (kind)
            {
                case 0:
                    bytes[p] = (byte)(bytes[p] ^ (value == 0 ? 1 : value));
                    break;
                case 1:
                    bytes.Insert(p, value);
                    break;
                default:
                    bytes.RemoveAt(p);
                    break;
            }
        }

        return [.. bytes];
    }

    public override string ToString() => $"{Original.Length} bytes, edits [{string.Join(", ", Edits)}]";
}

public static class SipMessageGenerators
{
    private static readonly string[] Methods = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "MESSAGE", "NOTIFY", "SUBSCRIBE", "REFER", "X-CUSTOM", "foo.bar!", "NEWMETHOD"];

    private static readonly string[] Hosts = ["example.com", "pbx.example.net", "a-b.c.example.org", "192.0.2.1", "10.0.0.254", "[2001:db8::1]", "[::1]", "localhost"];

    private const string UserAlphabet = "abcXYZ019-_.!~*'()&=+$,;?/ %@:<>\"é";

    private const string TextAlphabet = "abc XYZ 019-_.!~*'()&=+$,;?/%@:<>\"\\[]{}é€ü\t";

    private static readonly string[] Tokens = ["a", "x1", "tag-9", "z9hG4bK.abc", "1928301774", "A!%*_+`'~"];

    public static Arbitrary<GeneratedMessage> Messages() => Arb.From(MessageGen());

    public static Arbitrary<SipUri> Uris() => Arb.From(UriGen());

    public static Arbitrary<MutatedDatagram> Mutations() => Arb.From(
        from original in Gen.Elements(Corpus())
        from count in Gen.Choose(1, 6)
        from edits in Gen.ArrayOf(
            from p in Gen.Choose(0, 100_000)
            from k in Gen.Choose(0, 2)
            from v in Gen.Elements<byte>(0, (byte)'\r', (byte)'\n', (byte)' ', (byte)':', (byte)';', (byte)',', (byte)'"', (byte)'<', (byte)'>', (byte)'%', (byte)'\\', 0x80, 0xFF, (byte)'0', (byte)'9', (byte)'-')
            select (p, k, v), count)
        select new MutatedDatagram(original, edits));

    internal static byte[][] Corpus()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Conformance", "Rfc4475");
        return [.. Directory.GetFiles(folder, "*.dat").Order(StringComparer.Ordinal).Select(File.ReadAllBytes), Encoding.ASCII.GetBytes(SipMessageTests.Invite)];
    }

    private static Gen<string> StringGen(string alphabet, int min, int max) =>
        from n in Gen.Choose(min, max)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n)
        select new string(chars);

    private static Gen<string> TokenGen() => Gen.OneOf(Gen.Elements(Tokens), StringGen("abcdefXYZ0189-.!%*_+`'~", 1, 12));

    private static Gen<SipParameterList> UriParamsGen() =>
        from n in Gen.Choose(0, 3)
        from names in Gen.ArrayOf(Gen.Elements("transport", "lr", "user", "maddr", "x-y", "p%"), n)
        from values in Gen.ArrayOf(Gen.OneOf(Gen.Constant<string?>(null), StringGen("abcudp09.-[]:é ", 1, 8).Select(s => (string?)s)), n)
        select SipParameterList.Create(names.Distinct(StringComparer.OrdinalIgnoreCase).Select((name, i) => new KeyValuePair<string, string?>(name, values[i])));

    private static Gen<SipUri> UriGen() => Gen.OneOf(
        from scheme in Gen.Elements(SipUriScheme.Sip, SipUriScheme.Sips)
        from hasUser in Gen.Elements(true, false)
        from user in StringGen(UserAlphabet, 1, 12)
        from host in Gen.Elements(Hosts)
        from port in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 65535).Select(p => (int?)p))
        from parameters in UriParamsGen()
        select SipUri.Create(scheme, hasUser ? user : null, host, port, parameters),
        from number in StringGen("0123456789-.", 1, 12)
        from plus in Gen.Elements("", "+")
        select SipUri.Create(SipUriScheme.Tel, plus + number, string.Empty));

    private static Gen<SipNameAddress> AddressGen(bool tagged) =>
        from uri in UriGen().Where(u => u.Scheme != SipUriScheme.Tel || true)
        from display in Gen.OneOf(Gen.Constant<string?>(null), StringGen(TextAlphabet, 0, 16).Select(s => (string?)s.Trim()))
        from tag in TokenGen()
        select new SipNameAddress(uri, display, tagged ? SipParameterList.Empty.With("tag", tag) : SipParameterList.Empty);

    private static Gen<string> ViaGen() =>
        from transport in Gen.Elements("UDP", "TCP", "TLS", "SCTP", "WS")
        from host in Gen.Elements(Hosts)
        from port in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 65535).Select(p => (int?)p))
        from branch in TokenGen()
        from rport in Gen.Elements(true, false)
        select new SipVia(transport, host, port, rport
            ? SipParameterList.Empty.With("branch", "z9hG4bK" + branch).With("rport", null)
            : SipParameterList.Empty.With("branch", "z9hG4bK" + branch)).ToString();

    private static Gen<GeneratedMessage> MessageGen() =>
        from isRequest in Gen.Elements(true, false)
        from method in Gen.Elements(Methods)
        from requestUri in UriGen()
        from status in Gen.Choose(100, 699)
        from reason in StringGen(TextAlphabet, 0, 20)
        from vias in Gen.ArrayOf(ViaGen(), 1).SelectMany(first => Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(ViaGen(), n)).Select(more => first.Concat(more).ToArray()))
        from viasPerLine in Gen.Choose(1, 3)
        from fromAddress in AddressGen(tagged: true)
        from to in AddressGen(tagged: false)
        from callId in StringGen("abcXYZ0189-.!%*_+`'~()<>:\\\"/[]?{}@", 1, 30)
        from number in Gen.Choose(0, int.MaxValue).Select(n => (uint)n * 2)
        from contacts in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(AddressGen(tagged: false), n))
        from unknown in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(
            from name in Gen.Elements("X-Custom", "Subject", "Supported", "P-Asserted-Identity", "x", "Allow")
            from value in StringGen(TextAlphabet, 0, 24)
            select (name, value), n))
        from body in Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n))
        select Build(isRequest, method, requestUri, status, reason.Trim(), vias, viasPerLine, fromAddress, to, callId, number, contacts, unknown, body);

    private static GeneratedMessage Build(bool isRequest, string methodName, SipUri requestUri, int status, string reason, string[] vias,
        int viasPerLine, SipNameAddress from, SipNameAddress to, string callId, uint number, SipNameAddress[] contacts,
        (string Name, string Value)[] unknown, byte[] body)
    {
        var method = SipMethod.Parse(methodName);
        var cseq = new SipCSeq(number, method);
        var builder = SipHeaderCollection.CreateBuilder();
        for (var i = 0; i < vias.Length; i += viasPerLine)
        {
            builder.Add(i % 2 == 0 ? "Via" : "v", string.Join(", ", vias.Skip(i).Take(viasPerLine)));
        }

        builder.Add("From", from.ToString()).Add("t", to.ToString()).Add("Call-ID", callId).Add("CSeq", cseq.ToString())
            .Add("Max-Forwards", "70");
        foreach (var c in contacts)
        {
            builder.Add("Contact", c.ToString());
        }

        foreach (var (name, value) in unknown)
        {
            builder.Add(name, value);
        }

        builder.Add("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture));
        SipMessage message = isRequest
            ? new SipRequest(method, requestUri, builder.Build(), body)
            : new SipResponse(status, reason, builder.Build(), body);
        return new GeneratedMessage(message, callId, cseq, from, to, vias, contacts.Length);
    }
}
