using System.Globalization;
using K7.Routing;

namespace K7.Sip.Tests.Peers;

/// <summary>
/// Calls through the registrar sample's proxy with SIPp phones and callers on 127.0.0.1 (scenarios in
/// <c>Peers/Scenarios</c>, see its README): two phones of one user ring and one answers while the other is cancelled;
/// all busy; no answer then forward; do not disturb to voicemail; offline forward. Every SIPp run is bounded.
/// </summary>
[Trait("Category", "Peers")]
public sealed class SippCallTests
{
    private static readonly string Scenarios = Path.Combine(AppContext.BaseDirectory, "Peers", "Scenarios");
    private static readonly string[] Users = ["202:secret-202", "204:secret-204"];
    private static int _test;

    [Fact]
    public async Task TwoPhones_BothRing_OneAnswers_OtherGetsCancel()
    {
        await using var proxy = await StartAsync("call-fork", rules: null);
        var call = new Call(proxy);
        var answering = call.Phone("uas_register_answer.xml", "202");
        var cancelled = call.Phone("uas_register_ring_then_cancelled.xml", "202");
        await call.WaitRegisteredAsync("202", 2);
        var caller = await call.CallerAsync("uac_call.xml", "202");
        AssertPassed(caller, "caller");
        AssertPassed(await answering, "answering phone");
        AssertPassed(await cancelled, "cancelled phone");
    }

    [Fact]
    public async Task AllPhonesBusy_BusyFallbackToVoicemail()
    {
        var rules = AnsweringRuleSet.CreateDefault("202").Replace(AnsweringRule.Default with
        {
            Forwarding = new CallForwarding { WhenBusy = Destination.Voicemail("202") },
        });
        await using var proxy = await StartAsync("call-busy", rules, "--voicemail", "sip:vm-{user}@127.0.0.1:5099", "--voicemail-redirect");
        var call = new Call(proxy);
        var first = call.Phone("uas_register_busy.xml", "202");
        var second = call.Phone("uas_register_busy.xml", "202");
        await call.WaitRegisteredAsync("202", 2);
        var caller = await call.CallerAsync("uac_call_expect_redirect.xml", "202");
        AssertPassed(caller, "caller");
        AssertPassed(await first, "first phone");
        AssertPassed(await second, "second phone");
    }

    [Fact]
    public async Task NoAnswer_ForwardedToAnotherUserAfterTheRingTimeout()
    {
        var rules = AnsweringRuleSet.CreateDefault("202")
            .Replace(AnsweringRule.Default with { Forwarding = new CallForwarding { WhenUnanswered = Destination.User("204") } })
            .WithRingTimeout(NodaTime.Duration.FromSeconds(5));
        await using var proxy = await StartAsync("call-noanswer", rules);
        var call = new Call(proxy);
        var ringing = call.Phone("uas_register_noanswer.xml", "202");
        var other = call.Phone("uas_register_answer.xml", "204");
        await call.WaitRegisteredAsync("202", 1);
        await call.WaitRegisteredAsync("204", 1);
        var caller = await call.CallerAsync("uac_call.xml", "202");
        AssertPassed(caller, "caller");
        AssertPassed(await ringing, "unanswered phone");
        AssertPassed(await other, "forward target");
    }

    [Fact]
    public async Task DoNotDisturb_CallGoesToVoicemail()
    {
        var rules = AnsweringRuleSet.CreateDefault("202").Replace(AnsweringRule.Default with { DoNotDisturb = true });
        await using var proxy = await StartAsync("call-dnd", rules, "--voicemail", "sip:vm-{user}@127.0.0.1:5099", "--voicemail-redirect");
        var call = new Call(proxy);
        var caller = await call.CallerAsync("uac_call_expect_redirect.xml", "202");
        AssertPassed(caller, "caller");
    }

    [Fact]
    public async Task Offline_ForwardedToOfflineDestination()
    {
        var rules = AnsweringRuleSet.CreateDefault("202").Replace(AnsweringRule.Default with
        {
            Forwarding = new CallForwarding { WhenOffline = Destination.User("204") },
        });
        await using var proxy = await StartAsync("call-offline", rules);
        var call = new Call(proxy);
        var other = call.Phone("uas_register_answer.xml", "204");
        await call.WaitRegisteredAsync("204", 1);
        var caller = await call.CallerAsync("uac_call.xml", "202");
        AssertPassed(caller, "caller");
        AssertPassed(await other, "offline forward target");
    }

    private static void AssertPassed((int ExitCode, string Output) run, string who) =>
        Assert.True(run.ExitCode == 0, $"sipp ({who}) failed with exit code {run.ExitCode}:\n{run.Output}");

    private static async Task<RegistrarUnderTest> StartAsync(string name, AnsweringRuleSet? rules, params string[] options)
    {
        var arguments = new List<string>(options) { "--qualify", "0" };
        if (rules is not null)
        {
            var folder = PeerProcess.TempFolder(name + "-rules");
            var file = Path.Combine(folder, "rules-" + rules.UserId + ".json");
            await File.WriteAllTextAsync(file, AnsweringRulesJson.Serialize(rules, indented: true));
            arguments.AddRange(["--rules", file]);
        }

        return await RegistrarUnderTest.StartAsync(name, Users, [.. arguments]);
    }

    /// <summary>The SIPp processes of one call: phones started in the background, then the caller; one Call-ID prefix for all (sipp matches the INVITE to a phone by Call-ID).</summary>
    private sealed class Call(RegistrarUnderTest proxy)
    {
        private readonly string _callIds = "t" + Interlocked.Increment(ref _test).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8] + "-%u";
        private int _phones;

        public Task<(int ExitCode, string Output)> Phone(string scenario, string user)
        {
            var index = Interlocked.Increment(ref _phones);
            var injection = Path.Combine(proxy.Folder, $"phone-{index}.csv");
            var password = Users.Single(u => u.StartsWith(user + ":", StringComparison.Ordinal)).Split(':')[1];
            File.WriteAllText(injection, $"SEQUENTIAL\n{user};[authentication username={user} password={password}]\n");
            string[] arguments =
            [
                "127.0.0.1:" + proxy.UdpPort.ToString(CultureInfo.InvariantCulture),
                "-sf", Path.Combine(Scenarios, scenario), "-inf", injection,
                "-i", "127.0.0.1", "-p", PeerProcess.FreeUdpPort().ToString(CultureInfo.InvariantCulture),
                "-m", "1", "-cid_str", _callIds,
                "-nostdin", "-timeout", "40s", "-timeout_error",
                "-trace_err", "-error_file", Path.Combine(proxy.Folder, $"phone-{index}.err"),
            ];
            return PeerProcess.RunAsync("sipp", arguments, TimeSpan.FromSeconds(60), proxy.Folder);
        }

        public Task<(int ExitCode, string Output)> CallerAsync(string scenario, string user)
        {
            string[] arguments =
            [
                "127.0.0.1:" + proxy.UdpPort.ToString(CultureInfo.InvariantCulture),
                "-sf", Path.Combine(Scenarios, scenario), "-s", user,
                "-i", "127.0.0.1", "-p", PeerProcess.FreeUdpPort().ToString(CultureInfo.InvariantCulture),
                "-m", "1", "-cid_str", _callIds,
                "-nostdin", "-timeout", "30s", "-timeout_error",
                "-trace_err", "-error_file", Path.Combine(proxy.Folder, "caller.err"),
            ];
            return PeerProcess.RunAsync("sipp", arguments, TimeSpan.FromSeconds(45), proxy.Folder);
        }

        /// <summary>Waits (bounded) until the user has <paramref name="count"/> bindings: the phones are ready for the call.</summary>
        public async Task WaitRegisteredAsync(string user, int count)
        {
            var aor = "sip:" + user + "@127.0.0.1";
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (proxy.Locations.Lookup(aor).Count < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{count} phone(s) of {user} did not register within 20 s.");
                await Task.Delay(50);
            }
        }
    }
}
