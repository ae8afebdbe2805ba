using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using K7.SampleHost.Domain;
using K7.Sip.Authentication;
using K7.Sip.Devices;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

public sealed class PhonesTests
{
    [Fact]
    public async Task List_ShowsTheUsersPhones_Unregistered()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");

        var phones = (await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/phones")).EnumerateArray().ToList();

        Assert.Equal(["202", "202wp"], phones.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("Polycom VVX 450", phones[0].GetProperty("model").GetString());
        Assert.Equal(1, phones[0].GetProperty("lineNumber").GetInt32());
        Assert.False(phones[0].GetProperty("registered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, phones[0].GetProperty("registration").ValueKind);
    }

    [Fact]
    public async Task AddPhone_GetsLoginInfo_ThatTheCredentialStoreKnows_AndDeleteRemovesBoth()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");
        var credentials = host.Services.GetRequiredService<ICredentialStore>();
        var devices = host.Services.GetRequiredService<DeviceRegistry>();

        using (var added = await ellen.PostAsJsonAsync("/api/users/me/phones", new { suffix = "m", model = "Yealink T31P", preferredServer = "sip1.k7.example", macAddress = "00-15-65-12-34-56", lineNumber = 2 }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            var phone = await added.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("202m", phone.GetProperty("name").GetString());
            Assert.Equal("00:15:65:12:34:56", phone.GetProperty("macAddress").GetString());
        }

        var login = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/phones/202m/login");
        Assert.Equal(["username", "password", "domain", "server"], login.EnumerateObject().Select(p => p.Name));
        Assert.Equal("202m", login.GetProperty("username").GetString());
        Assert.Equal("k7.example", login.GetProperty("domain").GetString());
        Assert.Equal("127.0.0.1:" + HostUnderTest.Port(host.SipUdpPort), login.GetProperty("server").GetString());
        var password = login.GetProperty("password").GetString();
        Assert.False(string.IsNullOrEmpty(password));
        var credential = await credentials.FindAsync("202m", "k7.example");
        Assert.Equal(password, credential?.Password);
        Assert.Equal("Yealink T31P", devices.Find("202m")!.Model);

        using (var changed = await ellen.PutAsJsonAsync("/api/users/me/phones/202m", new { model = "Yealink T33G", lineNumber = 3 }))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        Assert.Equal(3, devices.Find("202m")!.LineNumber);
        Assert.Null(devices.Find("202m")!.MacAddress);

        using (var refused = await ellen.PutAsJsonAsync("/api/users/me/phones/202m", new { model = "Yealink T34W", lineNumber = 99 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lineNumber", out _));
        }

        Assert.Equal(("Yealink T33G", 3), (devices.Find("202m")!.Model, devices.Find("202m")!.LineNumber));

        using (var deleted = await ellen.DeleteAsync("/api/users/me/phones/202m"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Null(devices.Find("202m"));
        Assert.Null(await credentials.FindAsync("202m", "k7.example"));
        Assert.DoesNotContain("202m", host.Services.GetRequiredService<UserDirectory>().Find("202")!.SipPasswords.Keys);
    }

    [Fact]
    public async Task AddPhone_WithATakenSuffixOrABadField_ChangesNothing()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");
        var users = host.Services.GetRequiredService<UserDirectory>();
        var before = users.Find("202")!.SipPasswords;

        using (var taken = await ellen.PostAsJsonAsync("/api/users/me/phones", new { suffix = "WP", model = "WebPhone" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        }

        using (var badMac = await ellen.PostAsJsonAsync("/api/users/me/phones", new { suffix = "m", model = "Yealink T31P", macAddress = "00:15:65" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badMac.StatusCode);
            Assert.True((await badMac.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("macAddress", out _));
        }

        using (var badLine = await ellen.PostAsJsonAsync("/api/users/me/phones", new { suffix = "m", model = "Yealink T31P", lineNumber = 99 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badLine.StatusCode);
            Assert.True((await badLine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lineNumber", out _));
        }

        Assert.Equal(before, users.Find("202")!.SipPasswords);
        Assert.Null(host.Services.GetRequiredService<DeviceRegistry>().Find("202m"));
    }

    [Fact]
    public async Task LoginInfo_IsOnlyForThePhonesOwnUser()
    {
        await using var host = await StartAsync();
        using var suzanne = await host.SignInAsync("201");

        using var others = await suzanne.GetAsync("/api/users/202/phones/202wp/login");
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
        using var list = await suzanne.GetAsync("/api/users/202/phones");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var notHers = await suzanne.GetAsync("/api/users/me/phones/202wp/login");
        Assert.Equal(HttpStatusCode.NotFound, notHers.StatusCode);
        using var own = await suzanne.GetAsync("/api/users/me/phones/201wp/login");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task AddedPhone_RegistersOverSip_WithItsLoginInfo_AndShowsItsRegistration()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");
        using (var added = await ellen.PostAsJsonAsync("/api/users/me/phones", new { suffix = "m", model = "Yealink T31P" }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var login = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/phones/202m/login");
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var server = IPEndPoint.Parse(login.GetProperty("server").GetString()!);

        var status = await RegisterAsync(phone, server, "202m", login.GetProperty("password").GetString()!, "k7.example");
        Assert.Equal(200, status);

        var listed = (await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/phones")).EnumerateArray().Single(p => p.GetProperty("name").GetString() == "202m");
        Assert.True(listed.GetProperty("registered").GetBoolean());
        var registration = listed.GetProperty("registration");
        Assert.Equal("K7 test phone", registration.GetProperty("userAgent").GetString());
        Assert.Equal("127.0.0.1", registration.GetProperty("ipAddress").GetString());
        Assert.Equal(((IPEndPoint)phone.Client.LocalEndPoint!).Port, registration.GetProperty("port").GetInt32());

        // A wrong password is refused.
        using var impostor = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Assert.Equal(401, await RegisterAsync(impostor, server, "202m", "not-the-password", "k7.example"));
    }

    /// <summary>Sends REGISTER, answers the digest challenge with the password, and returns the final status code.</summary>
    private static async Task<int> RegisterAsync(UdpClient phone, IPEndPoint server, string user, string password, string domain)
    {
        var local = (IPEndPoint)phone.Client.LocalEndPoint!;
        var callId = Guid.NewGuid().ToString("N") + "@127.0.0.1";
        string Request(int cseq, string? authorization) =>
            string.Create(CultureInfo.InvariantCulture, $"REGISTER sip:{domain} SIP/2.0\r\n") +
            string.Create(CultureInfo.InvariantCulture, $"Via: SIP/2.0/UDP {local};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n") +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:{user}@{domain}>;tag=t{cseq}\r\n" +
            $"To: <sip:{user}@{domain}>\r\n" +
            $"Call-ID: {callId}\r\n" +
            string.Create(CultureInfo.InvariantCulture, $"CSeq: {cseq} REGISTER\r\n") +
            $"Contact: <sip:{user}@{local}>\r\n" +
            "Expires: 600\r\n" +
            "User-Agent: K7 test phone\r\n" +
            (authorization is null ? string.Empty : $"Authorization: {authorization}\r\n") +
            "Content-Length: 0\r\n\r\n";

        var challenge = await ExchangeAsync(phone, server, Request(1, null));
        Assert.StartsWith("SIP/2.0 401", challenge, StringComparison.Ordinal);
        var header = challenge.Split("\r\n").First(l => l.StartsWith("WWW-Authenticate:", StringComparison.OrdinalIgnoreCase));
        string Param(string name) => Regex.Match(header, name + "=\"?([^\",]+)\"?").Groups[1].Value;
        var algorithm = Param("algorithm") == "SHA-256" ? DigestAlgorithm.Sha256 : DigestAlgorithm.Md5;
        var realm = Param("realm");
        var nonce = Param("nonce");
        var uri = "sip:" + domain;
        var ha1 = DigestCalculator.ComputeHa1(algorithm, user, realm, password);
        var response = DigestCalculator.ComputeResponse(algorithm, ha1, "REGISTER", uri, nonce, "00000001", "c0ffee", "auth");
        var authorization = $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", " +
            $"algorithm={(algorithm == DigestAlgorithm.Sha256 ? "SHA-256" : "MD5")}, cnonce=\"c0ffee\", qop=auth, nc=00000001";

        var final = await ExchangeAsync(phone, server, Request(2, authorization));
        return int.Parse(final.AsSpan(8, 3), CultureInfo.InvariantCulture);
    }

    private static async Task<string> ExchangeAsync(UdpClient phone, IPEndPoint server, string request)
    {
        await phone.SendAsync(Encoding.UTF8.GetBytes(request), server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var received = await phone.ReceiveAsync(timeout.Token);
            var text = Encoding.UTF8.GetString(received.Buffer);
            if (!text.StartsWith("SIP/2.0 1", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }

    private static Task<HostUnderTest> StartAsync() => HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
}
