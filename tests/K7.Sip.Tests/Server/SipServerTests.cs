using System.Globalization;
using K7.Sip.Authentication;
using K7.Sip.Devices;
using K7.Sip.Registrar;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NodaTime;

namespace K7.Sip.Tests.Server;

/// <summary>The registrar end to end: a phone on a UDP socket talks to a <see cref="SipServer"/> over loopback.</summary>
public sealed class SipServerTests
{
    private static readonly string Aor202wp = AddressOfRecord.Canonical("sip", "202wp", ServerHarness.Domain);

    [Fact]
    public async Task Register_NoCredentials_ChallengesSha256ThenMd5()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();
        var request = phone.Register("202wp");

        var response = await phone.RequestAsync(request);

        Assert.Equal(401, response.StatusCode);
        var challenges = response.Headers.GetValues("WWW-Authenticate").Select(DigestClient.ParseChallenge).ToList();
        Assert.Equal(2, challenges.Count);
        Assert.Equal("SHA-256", challenges[0]["algorithm"]);
        Assert.Equal("MD5", challenges[1]["algorithm"]);
        Assert.All(challenges, c => Assert.Equal("auth", c["qop"]));
        Assert.All(challenges, c => Assert.Equal(ServerHarness.Realm, c["realm"]));
        Assert.All(challenges, c => Assert.False(string.IsNullOrEmpty(c["nonce"])));
        Assert.False(string.IsNullOrEmpty(response.To!.Tag));
        Assert.Equal(request.FromTag, response.From!.Tag);
        Assert.Equal(request.CallId, response.CallId);
        Assert.Equal(new SipCSeq(1, SipMethod.Register), response.CSeq);
        Assert.Empty(harness.Locations.Lookup(Aor202wp));
    }

    [Fact]
    public async Task Register_ViaWithRPort_ResponseCarriesReceivedAndRPort()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();
        var request = phone.Register("202wp");

        var response = await phone.RequestAsync(request);

        // RFC 3581 §4: with rport asked for, received is added even when it equals the sent-by host.
        var via = Assert.Single(response.Vias);
        Assert.Equal(request.Branch, via.Branch);
        Assert.Equal("127.0.0.1", via.Received);
        Assert.Equal(phone.LocalEndPoint.Port, via.RPort);
    }

    [Fact]
    public async Task Register_ViaWithoutRPort_ResponseHasNeitherReceivedNorRPort()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();
        var request = phone.Register("202wp") with { RPort = false };

        var response = await phone.RequestAsync(request);

        // RFC 3261 §18.2.1: received only when the sent-by host differs from the source address.
        var via = Assert.Single(response.Vias);
        Assert.Null(via.Received);
        Assert.False(via.HasRPort);
    }

    [Theory]
    [InlineData("baresip v1.0.0 (x86_64/linux)")]
    [InlineData("sipp")]
    public async Task Register_Md5OnlyUserAgent_ChallengesMd5Only(string userAgent)
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(phone.Register("202wp") with { UserAgent = userAgent });

        Assert.Equal(401, response.StatusCode);
        var challenge = DigestClient.ParseChallenge(Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
        Assert.Equal("MD5", challenge["algorithm"]);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Md5)]
    public async Task Register_ValidCredentials_BindsContactAndRegistersDevice(DigestAlgorithm algorithm)
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();
        var request = phone.Register("202wp") with { UserAgent = "Polycom/6.4.3.5018 PolycomVVX-VVX_411-UA/6.4.3.5018" };

        var (response, _) = await phone.RegisterAsync(request, algorithm);

        Assert.Equal(200, response.StatusCode);
        var contactUri = "sip:202wp@" + phone.LocalEndPoint + ";transport=udp";
        Assert.Equal("<" + contactUri + ">;expires=3600", Assert.Single(response.Headers.GetValues("Contact")));
        var date = DateTimeOffset.ParseExact(response.Headers["Date"]!, "r", CultureInfo.InvariantCulture);
        Assert.Equal(harness.Clock.GetCurrentInstant(), Instant.FromDateTimeOffset(date));

        var binding = Assert.Single(harness.Locations.Lookup(Aor202wp));
        Assert.Equal(contactUri, binding.ContactUri);
        Assert.Equal(harness.Clock.GetCurrentInstant() + Duration.FromSeconds(3600), binding.ExpiresAt);

        var status = harness.Devices.GetStatus("202wp");
        Assert.NotNull(status);
        Assert.True(status.IsRegistered);
        Assert.True(status.IsReachable);
        Assert.Equal(request.UserAgent, status.Registration!.UserAgent);
        Assert.Equal(phone.LocalEndPoint, status.Registration.RemoteAddress);
        Assert.Equal("UDP", status.Registration.Transport);
        var change = Assert.Single(harness.StatusChanges);
        Assert.Equal(DeviceStatusChangeKind.Registered, change.Kind);
        Assert.Equal("202wp", change.DeviceName);
    }

    [Fact]
    public async Task Register_Refresh_RaisesRefreshed()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();
        var (first, sent) = await phone.RegisterAsync(phone.Register("202wp"));
        Assert.Equal(200, first.StatusCode);
        harness.Clock.Advance(Duration.FromMinutes(30));

        var (refresh, _) = await phone.RegisterAsync(sent.Next());

        Assert.Equal(200, refresh.StatusCode);
        Assert.EndsWith(";expires=3600", Assert.Single(refresh.Headers.GetValues("Contact")), StringComparison.Ordinal);
        Assert.Equal(
            [DeviceStatusChangeKind.Registered, DeviceStatusChangeKind.Refreshed],
            harness.StatusChanges.Select(c => c.Kind));
        var binding = Assert.Single(harness.Locations.Lookup(Aor202wp));
        Assert.Equal(harness.Clock.GetCurrentInstant() + Duration.FromSeconds(3600), binding.ExpiresAt);
    }

    [Fact]
    public async Task Register_WrongPassword_ChallengesAgainAndCountsFailure()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var failures = harness.Collect("k7.sip.auth_failures");
        using var phone = harness.CreatePhone();

        var (response, _) = await phone.RegisterAsync(phone.Register("202wp"), password: "not-the-password");

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(2, response.Headers.CountOf("WWW-Authenticate"));
        Assert.Empty(harness.Locations.Lookup(Aor202wp));
        Assert.False(harness.Devices.GetStatus("202wp")?.IsRegistered ?? false);
        var measurement = Assert.Single(failures.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("InvalidResponse", measurement.Tags["reason"]);
    }

    [Fact]
    public async Task Register_UnknownUser_ChallengesAgainAndCountsFailure()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var failures = harness.Collect("k7.sip.auth_failures");
        using var phone = harness.CreatePhone();

        var (response, _) = await phone.RegisterAsync(phone.Register("299"), password: "guess");

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(0, harness.Locations.Count);
        Assert.Equal("UnknownUser", Assert.Single(failures.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Fact]
    public async Task Register_DomainNotServed_NotFound()
    {
        await using var harness = await ServerHarness.StartAsync(o => o.Domains.Add("other.example.com"));
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(phone.Register("202wp"));

        Assert.Equal(404, response.StatusCode);
        Assert.Contains(ServerHarness.Domain, response.Headers["Warning"], StringComparison.Ordinal);
        Assert.Equal(0, harness.Locations.Count);
    }

    [Fact]
    public async Task Register_AtADomainAlias_IsStoredAtTheFirstDomain()
    {
        await using var harness = await ServerHarness.StartAsync(o =>
        {
            o.Domains.Add(ServerHarness.Domain);
            o.DomainAliases.Add("10.0.0.5");
        });
        using var phone = harness.CreatePhone();
        using var desk = harness.CreatePhone();

        var (byAlias, _) = await phone.RegisterAsync(phone.Register("202wp") with { Domain = "10.0.0.5" });
        var (byName, _) = await desk.RegisterAsync(desk.Register("202wp"));
        var unknown = await phone.RequestAsync(phone.Register("202wp") with { Domain = "10.0.0.6" });

        Assert.Equal(200, byAlias.StatusCode);
        Assert.Equal(200, byName.StatusCode);
        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal(2, harness.Locations.Lookup(Aor202wp).Count);
        Assert.Empty(harness.Locations.Lookup(AddressOfRecord.Canonical("sip", "202wp", "10.0.0.5")));
    }

    [Fact]
    public void DomainAliases_WithoutADomain_AreRefused()
    {
        var options = new SipOptions();
        options.DomainAliases.Add("10.0.0.5");
        var result = new SipOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(nameof(SipOptions.DomainAliases), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_UserRegistersAnotherAor_Forbidden()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var failures = harness.Collect("k7.sip.auth_failures");
        using var phone = harness.CreatePhone();

        var (response, _) = await phone.RegisterAsync(phone.Register("202wp"), username: "202");

        Assert.Equal(403, response.StatusCode);
        Assert.Contains("'202'", response.Headers["Warning"], StringComparison.Ordinal);
        Assert.Empty(harness.Locations.Lookup(Aor202wp));
        Assert.Equal("forbidden", Assert.Single(failures.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Fact]
    public async Task Register_NonceExpired_ChallengesWithStale()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();
        var request = phone.Register("202wp");
        var challenge = await phone.RequestAsync(request);
        harness.Clock.Advance(Duration.FromMinutes(5) + Duration.FromSeconds(1));

        var response = await phone.RequestAsync(DigestClient.Answer(challenge, request, "202wp", ServerHarness.Users["202wp"], DigestAlgorithm.Sha256));

        Assert.Equal(401, response.StatusCode);
        var challenges = response.Headers.GetValues("WWW-Authenticate").Select(DigestClient.ParseChallenge).ToList();
        Assert.Equal(2, challenges.Count);
        Assert.All(challenges, c => Assert.Equal("true", c["stale"]));
        Assert.NotEqual(DigestClient.ChallengeFor(challenge, DigestAlgorithm.Sha256)["nonce"], challenges[0]["nonce"]);
        Assert.Empty(harness.Locations.Lookup(Aor202wp));
    }

    [Fact]
    public async Task Register_ReplayedNonceCount_RefusedWithoutBindingChange()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var failures = harness.Collect("k7.sip.auth_failures");
        using var phone = harness.CreatePhone();
        var (ok, sent) = await phone.RegisterAsync(phone.Register("202wp"));
        Assert.Equal(200, ok.StatusCode);
        var before = Assert.Single(harness.Locations.Lookup(Aor202wp));
        harness.Clock.Advance(Duration.FromSeconds(10));

        // Same nonce and nc=00000001 again, in a new transaction asking for a different expiry.
        var replay = sent.Next() with { Expires = 600 };
        var challenge = DigestClient.ParseChallenge(sent.Authorization!);
        replay = replay with { Authorization = DigestClient.Authorization(WithQop(challenge), replay, "202wp", ServerHarness.Users["202wp"], DigestAlgorithm.Sha256) };
        var response = await phone.RequestAsync(replay);

        Assert.Equal(401, response.StatusCode);
        Assert.All(response.Headers.GetValues("WWW-Authenticate"), c => Assert.DoesNotContain("stale", DigestClient.ParseChallenge(c).Keys));
        var after = Assert.Single(harness.Locations.Lookup(Aor202wp));
        Assert.Equal(before.ExpiresAt, after.ExpiresAt);
        Assert.Equal(before.CSeq, after.CSeq);
        Assert.Equal("Replay", Assert.Single(failures.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Fact]
    public async Task Register_ExpiresBelowMinimum_IntervalTooBrief()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();

        var (response, _) = await phone.RegisterAsync(phone.Register("202wp") with { Expires = 30 });

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers["Min-Expires"]);
        Assert.Empty(harness.Locations.Lookup(Aor202wp));
        Assert.Empty(harness.StatusChanges);
    }

    [Fact]
    public async Task Register_SeveralContactsWithQ_ListsAllWithQ()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();
        var request = phone.Register("202wp") with
        {
            Contacts = ["<sip:202wp@127.0.0.1:5071>;q=0.8", "<sip:202wp@127.0.0.1:5072>;q=0.5, <sip:202wp@127.0.0.1:5073>;q=1"],
        };

        var (response, _) = await phone.RegisterAsync(request);

        Assert.Equal(200, response.StatusCode);
        var contacts = response.Contacts.ToDictionary(c => c.Address!.Uri.ToString(), c => c.Q);
        Assert.Equal(3, contacts.Count);
        Assert.Equal(0.8m, contacts["sip:202wp@127.0.0.1:5071"]);
        Assert.Equal(0.5m, contacts["sip:202wp@127.0.0.1:5072"]);
        Assert.Equal(1m, contacts["sip:202wp@127.0.0.1:5073"]);
        Assert.All(response.Contacts, c => Assert.Equal(3600, c.Expires));
        Assert.Equal(3, harness.Locations.Lookup(Aor202wp).Count);
    }

    [Fact]
    public async Task Register_WildcardWithExpiresZero_RemovesAllBindings()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();
        var (ok, sent) = await phone.RegisterAsync(phone.Register("202wp") with
        {
            Contacts = ["<sip:202wp@127.0.0.1:5071>;q=0.8", "<sip:202wp@127.0.0.1:5072>;q=0.5"],
        });
        Assert.Equal(200, ok.StatusCode);

        var (response, _) = await phone.RegisterAsync(sent.Next() with { Contacts = ["*"], Expires = 0 });

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(response.Contacts);
        Assert.Empty(harness.Locations.Lookup(Aor202wp));
        Assert.False(harness.Devices.GetStatus("202wp")!.IsRegistered);
        Assert.Equal(DeviceStatusChangeKind.Unregistered, harness.StatusChanges[^1].Kind);
    }

    [Fact]
    public async Task Register_WildcardWithoutExpiresZero_BadRequest()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();
        var (ok, sent) = await phone.RegisterAsync(phone.Register("202wp"));
        Assert.Equal(200, ok.StatusCode);

        var (response, _) = await phone.RegisterAsync(sent.Next() with { Contacts = ["*"] });

        Assert.Equal(400, response.StatusCode);
        Assert.Single(harness.Locations.Lookup(Aor202wp));
    }

    [Fact]
    public async Task ProcessTimers_BindingExpired_RemovesBindingAndDeviceStatus()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();
        var (ok, _) = await phone.RegisterAsync(phone.Register("202wp") with { Expires = 60 });
        Assert.Equal(200, ok.StatusCode);
        Assert.EndsWith(";expires=60", Assert.Single(ok.Headers.GetValues("Contact")), StringComparison.Ordinal);

        harness.Clock.Advance(Duration.FromSeconds(61));
        harness.ProcessTimers();

        Assert.Empty(harness.Locations.Lookup(Aor202wp));
        Assert.False(harness.Devices.GetStatus("202wp")!.IsRegistered);
        Assert.Equal(
            [DeviceStatusChangeKind.Registered, DeviceStatusChangeKind.Expired],
            harness.StatusChanges.Select(c => c.Kind));
    }

    [Fact]
    public async Task Register_RetransmittedRequest_ResendsIdenticalResponseAndRegistersOnce()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var registrations = harness.Collect("k7.sip.registrations");
        using var retransmissions = harness.Collect("k7.sip.retransmissions.absorbed");
        using var phone = harness.CreatePhone();
        var request = phone.Register("202wp");
        var challenge = await phone.RequestAsync(request);
        var datagram = DigestClient.Answer(challenge, request, "202wp", ServerHarness.Users["202wp"], DigestAlgorithm.Sha256).ToBytes();

        await phone.SendAsync(datagram);
        var first = await phone.ReceiveResponseAsync();
        await phone.SendAsync(datagram);
        var second = await phone.ReceiveResponseAsync();

        Assert.Equal(200, ((SipResponse)first.Message).StatusCode);
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal(1, registrations.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, retransmissions.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal([DeviceStatusChangeKind.Registered], harness.StatusChanges.Select(c => c.Kind));
    }

    [Fact]
    public async Task Options_ToServer_OkWithAllow()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(Request("OPTIONS", phone));

        Assert.Equal(200, response.StatusCode);
        var allow = AllowOf(response);
        Assert.Contains("REGISTER", allow);
        Assert.Contains("OPTIONS", allow);
    }

    [Fact]
    public async Task Subscribe_ToServer_MethodNotAllowedWithAllow()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(Request("SUBSCRIBE", phone));

        Assert.Equal(405, response.StatusCode);
        Assert.Contains("REGISTER", AllowOf(response));
        Assert.Contains("INVITE", AllowOf(response));
    }

    [Fact]
    public async Task UnknownMethod_ToRegistrar_NotImplemented()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();

        var response = await phone.RequestAsync(Request("FOO", phone));

        Assert.Equal(501, response.StatusCode);
        Assert.Equal(new SipCSeq(1, SipMethod.Parse("FOO")), response.CSeq);
    }

    [Fact]
    public async Task Ack_ToRegistrar_NoResponse()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var phone = harness.CreatePhone();

        await phone.SendAsync(Request("ACK", phone));

        Assert.True(await phone.ReceivesNothingAsync(TimeSpan.FromMilliseconds(300)));
        var options = await phone.RequestAsync(Request("OPTIONS", phone));
        Assert.Equal(200, options.StatusCode); // the server is alive, the ACK was absorbed
    }

    /// <summary>A minimal out-of-dialog request from <paramref name="phone"/> to the server.</summary>
    internal static string Request(string method, UdpPhone phone) =>
        $"{method} sip:{ServerHarness.Domain} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {phone.LocalEndPoint};branch={RegisterMessage.NewId("z9hG4bK")};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:202wp@{ServerHarness.Domain}>;tag={RegisterMessage.NewId("tag")}\r\n" +
        $"To: <sip:{ServerHarness.Domain}>\r\n" +
        $"Call-ID: {RegisterMessage.NewId("call-")}\r\n" +
        $"CSeq: 1 {method}\r\n" +
        "Content-Length: 0\r\n\r\n";

    private static string[] AllowOf(SipResponse response) =>
        [.. response.Headers.GetValues("Allow").SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>Credentials parsed back as a challenge carry <c>qop=auth</c> as a token; the answer helper wants it.</summary>
    private static Dictionary<string, string> WithQop(IReadOnlyDictionary<string, string> parameters) =>
        new(parameters, StringComparer.OrdinalIgnoreCase) { ["qop"] = "auth" };
}
