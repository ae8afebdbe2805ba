using System.Net;
using K7.Sip.Registrar;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Registrar;

/// <summary>Builders of requests and services for the registrar tests.</summary>
internal static class RegistrarFixtures
{
    public const string Aor = "sip:202wp@example.com";

    public static readonly Instant Start = Instant.FromUtc(2025, 3, 1, 12, 0);

    public static readonly RegisterSource Udp = new("UDP", new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060), new IPEndPoint(IPAddress.Loopback, 5060));

    public static (LocationService Service, FakeClock Clock) CreateSut(Action<RegistrarOptions>? configure = null)
    {
        var options = new RegistrarOptions();
        configure?.Invoke(options);
        var clock = new FakeClock(Start);
        return (new LocationService(options, clock), clock);
    }

    public static RegisterContact Contact(string uri, int? expires = null, decimal? q = null, string? instance = null, int? regId = null) =>
        new() { Uri = uri, Expires = expires, Q = q, InstanceId = instance, RegId = regId };

    public static RegisterRequest Request(string callId, uint cseq, int? expires, params RegisterContact[] contacts) =>
        new() { Aor = Aor, CallId = callId, CSeq = cseq, Expires = expires, Contacts = contacts, Source = Udp, UserAgent = "Yealink T54W" };

    public static RegisterRequest Request(string callId, uint cseq, params string[] uris) =>
        Request(callId, cseq, null, [.. uris.Select(u => Contact(u))]);

    public static RegisterRequest Wildcard(string callId, uint cseq, int? expires = 0) =>
        new() { Aor = Aor, CallId = callId, CSeq = cseq, Expires = expires, IsWildcard = true, Source = Udp };
}
