using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using K7.Sip.Tests.Peers;

namespace K7.SampleHost.Tests;

/// <summary>
/// The host as users run it, with real SIP peers on 127.0.0.1: two SIPp phones of Ellen Green (202 and 202wp) register
/// with the SIP passwords the Phones page gives, a SIPp caller calls 202, both phones ring, one answers, and the call
/// shows up in 202's call history through the HTTP API. Then Ellen turns on Do Not Disturb over HTTP: the next call goes
/// to the host's voicemail, and the caller's RTP becomes a message on the Messages page. Every peer run and wait is bounded.
/// </summary>
[Trait("Category", "Peers")]
public sealed class EndToEndTests
{
    private static readonly string Scenarios = Path.Combine(AppContext.BaseDirectory, "Peers", "Scenarios");
    private static int _test;

    [Fact]
    public async Task CallToEllen_RingsBothPhones_OneAnswers_HistoryShowsIt_ThenDoNotDisturbSendsTheNextCallToVoicemail()
    {
        await using var host = await HostUnderTest.StartAsync();
        var folder = PeerProcess.TempFolder("host-e2e");
        using var ellen = await host.SignInAsync("202@k7.example");

        // The Phones page: both phones of 202, and the login info each one registers with.
        var desk = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/phones/202/login");
        var web = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/phones/202wp/login");
        Assert.Equal("offline", await PresenceAsync(ellen));
        var call = new SippCall(host, folder);
        var answering = call.Phone("uas_register_answer.xml", desk);
        var cancelled = call.Phone("uas_register_ring_then_cancelled.xml", web);
        await WaitAsync(async () => await RegisteredPhonesAsync(ellen) == 2, "both phones of 202 registered (Phones page)");
        Assert.Equal("available", await PresenceAsync(ellen));

        // The call lasts 3 s: meanwhile the Contacts page shows Ellen busy.
        var calling = call.CallerAsync("uac_call.xml", "202", "-d", "3000");
        await WaitAsync(async () => await PresenceAsync(ellen) == "busy", "202 shown busy during the call (Contacts page)");
        var caller = await calling;
        AssertPassed(caller, "caller");
        AssertPassed(await answering, "answering phone 202");
        AssertPassed(await cancelled, "cancelled phone 202wp");

        var answered = await WaitForCallAsync(ellen, "answered");
        Assert.Equal("inbound", answered.GetProperty("direction").GetString());
        Assert.Equal("202", answered.GetProperty("dialedNumber").GetString());
        Assert.Equal("202", answered.GetProperty("answeredBy").GetString());
        await WaitAsync(async () => await PresenceAsync(ellen) == "available", "202 available again after the call");

        // Ellen turns on Do Not Disturb on her Default rule, as on the Answering Rules page.
        var rule = JsonNode.Parse(await ellen.GetStringAsync("/api/users/me/answering-rules/Default"))!.AsObject();
        rule["doNotDisturb"] = true;
        using (var put = await ellen.PutAsync("/api/users/me/answering-rules/Default", new StringContent(rule.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        }

        // The host's voicemail answers; the caller streams a 2.6 s message and hangs up: it lands in Ellen's new messages.
        await File.WriteAllBytesAsync(Path.Combine(folder, "message.wav"), MuLawTone(TimeSpan.FromMilliseconds(2600)));
        var toVoicemail = await new SippCall(host, folder).CallerAsync("uac_call_leave_message.xml", "202");
        AssertPassed(toVoicemail, "caller leaving a message");
        await WaitForCallAsync(ellen, "voicemail");
        JsonElement message = default;
        await WaitAsync(
            async () =>
            {
                var messages = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/messages/voicemail?folder=new");
                message = messages.EnumerateArray().FirstOrDefault(m => m.GetProperty("callerNumber").GetString() == "caller");
                return message.ValueKind == JsonValueKind.Object;
            },
            "the message in 202's new voicemails (Messages page)");
        Assert.InRange(message.GetProperty("durationSeconds").GetDouble(), 2.0, 3.5);
        using var audio = await ellen.GetAsync(message.GetProperty("audioUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString((await audio.Content.ReadAsByteArrayAsync()).AsSpan(0, 4)));

        // A caller who hangs up at once leaves no message (shorter than a second), though the call is in the history.
        var before = (await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/messages/voicemail/counts")).GetProperty("new").GetInt32();
        var hungUp = await new SippCall(host, folder).CallerAsync("uac_call.xml", "202");
        AssertPassed(hungUp, "caller hanging up at once");
        await WaitAsync(
            async () => (await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/call-history?type=voicemail&callerNumber=caller")).GetProperty("total").GetInt32() == 2,
            "the second voicemail call in 202's history");
        Assert.Equal(before, (await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/messages/voicemail/counts")).GetProperty("new").GetInt32());
    }

    /// <summary>A WAV file of a 440 Hz tone in G.711 u-law, 8 kHz mono: what a phone sends as PCMU.</summary>
    private static byte[] MuLawTone(TimeSpan length)
    {
        var samples = (int)(length.TotalSeconds * 8000);
        var file = new byte[K7.Voicemail.Audio.WavWriter.HeaderLength + samples];
        K7.Voicemail.Audio.WavWriter.WriteHeader(file, K7.Voicemail.Audio.WavEncoding.MuLaw, channels: 1, sampleRate: 8000, bitsPerSample: 8, dataLength: samples);
        for (var i = 0; i < samples; i++)
        {
            file[K7.Voicemail.Audio.WavWriter.HeaderLength + i] = MuLaw((short)(Math.Sin(2 * Math.PI * 440 * i / 8000) * 8000));
        }

        return file;
    }

    /// <summary>G.711 u-law encoding of one 16-bit sample.</summary>
    private static byte MuLaw(short sample)
    {
        const int Bias = 0x84;
        var sign = sample < 0 ? 0x80 : 0;
        var magnitude = Math.Min(Math.Abs((int)sample), 32635) + Bias;
        var exponent = 7;
        for (var mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }

        var mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    [Fact]
    public async Task Baresip_SetUpWithTheLoginInfo_Registers_AndAnswersACallToItsUser()
    {
        await using var host = await HostUnderTest.StartAsync();
        var folder = PeerProcess.TempFolder("host-baresip");
        using var ellen = await host.SignInAsync("202@k7.example");
        var login = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/phones/202wp/login");

        // The softphone is set up as the guide's Login Info says: user and password, the domain, the server as outbound proxy.
        var account = string.Create(
            CultureInfo.InvariantCulture,
            $"<sip:{login.GetProperty("username").GetString()}@{login.GetProperty("domain").GetString()}>;auth_pass={login.GetProperty("password").GetString()};outbound=\"sip:{login.GetProperty("server").GetString()};transport=udp\";regint=600;answermode=auto");
        await BaresipSetup.WriteAsync(folder, account);

        var baresip = PeerProcess.RunAsync("baresip", ["-f", folder, "-t", "10"], TimeSpan.FromSeconds(30), folder);
        await WaitAsync(async () => baresip.IsCompleted || await RegisteredPhonesAsync(ellen) == 1, "baresip registered as 202wp (Phones page)");
        Assert.False(baresip.IsCompleted, "baresip ended before registering:\n" + (baresip.IsCompleted ? (await baresip).Output : string.Empty));
        var phone = (await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/phones/202wp")).GetProperty("registration");
        Assert.StartsWith("baresip", phone.GetProperty("userAgent").GetString(), StringComparison.Ordinal);

        var caller = await new SippCall(host, folder).CallerAsync("uac_call.xml", "202");
        var softphone = await baresip;
        Assert.True(caller.ExitCode == 0, $"the call failed (sipp exit {caller.ExitCode}):\n{caller.Output}\nbaresip:\n{softphone.Output}");
        var answered = await WaitForCallAsync(ellen, "answered");
        Assert.Equal("202wp", answered.GetProperty("answeredBy").GetString());
    }

    private static async Task<string?> PresenceAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/users/me/presence")).GetProperty("state").GetString();

    private static async Task<int> RegisteredPhonesAsync(HttpClient client)
    {
        var phones = await client.GetFromJsonAsync<JsonElement>("/api/users/me/phones");
        return phones.EnumerateArray().Count(p => p.GetProperty("registered").GetBoolean());
    }

    private static async Task<JsonElement> WaitForCallAsync(HttpClient client, string outcome)
    {
        JsonElement found = default;
        await WaitAsync(
            async () =>
            {
                var history = await client.GetFromJsonAsync<JsonElement>("/api/users/me/call-history");
                foreach (var item in history.GetProperty("items").EnumerateArray())
                {
                    if (item.GetProperty("outcome").GetString() == outcome && item.GetProperty("callerNumber").GetString() == "caller")
                    {
                        found = item;
                        return true;
                    }
                }

                return false;
            },
            $"a call with outcome '{outcome}' in 202's call history");
        return found;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"Waited 20 s for {what}.");
            await Task.Delay(50);
        }
    }

    private static void AssertPassed((int ExitCode, string Output) run, string who) =>
        Assert.True(run.ExitCode == 0, $"sipp ({who}) failed with exit code {run.ExitCode}:\n{run.Output}");

    /// <summary>The SIPp processes of one call; phones and caller share a Call-ID prefix (sipp matches the INVITE to a phone by Call-ID).</summary>
    private sealed class SippCall(HostUnderTest host, string folder)
    {
        private readonly string _callIds = "e" + Interlocked.Increment(ref _test).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8] + "-%u";
        private int _phones;

        private string Proxy => "127.0.0.1:" + HostUnderTest.Port(host.SipUdpPort);

        public Task<(int ExitCode, string Output)> Phone(string scenario, JsonElement login)
        {
            var index = Interlocked.Increment(ref _phones);
            var injection = Path.Combine(folder, $"phone-{_callIds[..^3]}-{index}.csv");
            var user = login.GetProperty("username").GetString();
            var password = login.GetProperty("password").GetString();
            File.WriteAllText(injection, $"SEQUENTIAL\n{user};[authentication username={user} password={password}]\n");
            string[] arguments =
            [
                Proxy, "-sf", Path.Combine(Scenarios, scenario), "-inf", injection,
                "-i", "127.0.0.1", "-p", HostUnderTest.Port(PeerProcess.FreeUdpPort()),
                "-m", "1", "-cid_str", _callIds, "-nostdin", "-timeout", "40s", "-timeout_error",
            ];
            return PeerProcess.RunAsync("sipp", arguments, TimeSpan.FromSeconds(60), folder);
        }

        public Task<(int ExitCode, string Output)> CallerAsync(string scenario, string user, params string[] options)
        {
            string[] arguments =
            [
                .. options,
                Proxy, "-sf", Path.Combine(Scenarios, scenario), "-s", user,
                "-i", "127.0.0.1", "-p", HostUnderTest.Port(PeerProcess.FreeUdpPort()),
                "-m", "1", "-cid_str", _callIds, "-nostdin", "-timeout", "30s", "-timeout_error",
            ];
            return PeerProcess.RunAsync("sipp", arguments, TimeSpan.FromSeconds(45), folder);
        }
    }
}
