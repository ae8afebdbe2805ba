using System.Globalization;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using K7.Sip.Authentication;
using K7.Sip.Devices;
using K7.Sip.Registrar;
using K7.Sip.Transport;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Benchmarks;

/// <summary>
/// The registrar's work for one authenticated REGISTER, in process (no sockets): parse, transaction, validation,
/// digest verification (MD5 and SHA-256), the binding, the 200 response. The baseline is the parse alone, so the
/// ratio says how much the registrar adds to reading the message. Every invocation handles a fresh message (its own
/// branch, nonce and user), rebuilt before each iteration, so no request is ever a retransmission or a replay.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Messages)]
public class SipRegistrarBenchmarks : IDisposable
{
    private const int Messages = 4096;
    private readonly IPEndPoint _phone = IPEndPoint.Parse("127.0.0.1:5080");
    private readonly IPEndPoint _local = IPEndPoint.Parse("127.0.0.1:5060");
    private byte[][] _md5 = [];
    private byte[][] _sha256 = [];
    private SipServer _server = null!;
    private DigestAuthenticator _authenticator = null!;
    private int _next;
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0));
        var users = new InMemoryCredentialStore();
        for (var i = 0; i < Messages; i++)
        {
            users.Add("user" + i.ToString(CultureInfo.InvariantCulture), SipCredential.FromPassword("secret"));
        }

        var options = new SipOptions { QualifyInterval = Duration.Zero };
        options.Authentication.Realm = "127.0.0.1";
        options.Transport.ListenAddresses.Add(SipListenAddress.Parse("udp:127.0.0.1:0"));
        options.Registrar.MaxBindingsTotal = 10_000_000;
        _authenticator = new DigestAuthenticator(options.Authentication, users, clock);
        _server = new SipServer(
            Options.Create(options),
            new LocationService(options.Registrar, clock),
            _authenticator,
            new DeviceRegistry(new InMemoryDeviceStore(), clock),
            clock);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    [IterationSetup]
    public void NewMessages()
    {
        _round++;
        _next = 0;
        _md5 = Build(_authenticator, DigestAlgorithm.Md5, _round);
        _sha256 = Build(_authenticator, DigestAlgorithm.Sha256, _round);
    }

    private static byte[][] Build(DigestAuthenticator authenticator, DigestAlgorithm algorithm, int round)
    {
        var messages = new byte[Messages][];
        for (var i = 0; i < Messages; i++)
        {
            var challenge = authenticator.CreateChallenges()[0];
            var start = challenge.IndexOf("nonce=\"", StringComparison.Ordinal) + 7;
            var nonce = challenge[start..challenge.IndexOf('"', start)];
            var user = "user" + i.ToString(CultureInfo.InvariantCulture);
            const string Uri = "sip:127.0.0.1:5060";
            var ha1 = DigestCalculator.ComputeHa1(algorithm, user, "127.0.0.1", "secret");
            var response = DigestCalculator.ComputeResponse(algorithm, ha1, "REGISTER", Uri, nonce, "00000001", "0a4f113b", "auth");
            var name = algorithm == DigestAlgorithm.Md5 ? "MD5" : "SHA-256";
            messages[i] = Encoding.ASCII.GetBytes(
                $"REGISTER {Uri} SIP/2.0\r\n" +
                $"Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-{name}-{round}-{i};rport\r\n" +
                "Max-Forwards: 70\r\n" +
                $"From: <sip:{user}@127.0.0.1>;tag=f{i}\r\n" +
                $"To: <sip:{user}@127.0.0.1>\r\n" +
                $"Call-ID: c{i}-{name}-{round}@127.0.0.1\r\n" +
                "CSeq: 2 REGISTER\r\n" +
                $"Contact: <sip:{user}@127.0.0.1:5080;transport=udp>\r\n" +
                $"Authorization: Digest username=\"{user}\", realm=\"127.0.0.1\", nonce=\"{nonce}\", uri=\"{Uri}\", response=\"{response}\", algorithm={name}, cnonce=\"0a4f113b\", qop=auth, nc=00000001\r\n" +
                "Expires: 3600\r\n" +
                "User-Agent: bench\r\n" +
                "Content-Length: 0\r\n\r\n");
        }

        return messages;
    }

    [Benchmark(Baseline = true)]
    public bool ParseOnly() => SipMessage.TryParse(_md5[_next++], out _, out _);

    [Benchmark]
    public ValueTask RegisterMd5() => _server.OnPacketAsync(Packet(_md5), CancellationToken.None);

    [Benchmark]
    public ValueTask RegisterSha256() => _server.OnPacketAsync(Packet(_sha256), CancellationToken.None);

    private SipPacket Packet(byte[][] messages) =>
        new(messages[_next++], SipTransportProtocol.Udp, _phone, _local, 0);
}
