using System.Globalization;
using K7.Sip.Proxy;

namespace K7.Sip.Tests.Peers;

/// <summary>
/// baresip, a real softphone, registers as device 202wp of user 202 and answers automatically; a SIPp caller calls 202
/// through the proxy: baresip rings, answers with SDP, receives the ACK and the BYE through the proxy's Record-Route.
/// </summary>
[Trait("Category", "Peers")]
public sealed class BaresipCallTests
{
    [Fact]
    public async Task Baresip_AnswersACallToItsUser_ThroughTheProxy()
    {
        await using var proxy = await RegistrarUnderTest.StartAsync("baresip-call", ["202:Ellen-202", "202wp:Ellen-202wp"], "--qualify", "0");
        var events = new System.Collections.Concurrent.ConcurrentQueue<CallEventArgs>();
        proxy.Server.CallEvent += (_, e) => events.Enqueue(e);
        var folder = Path.Combine(proxy.Folder, "baresip");
        await BaresipSetup.WriteAsync(folder, string.Create(CultureInfo.InvariantCulture, $"<sip:202wp@127.0.0.1:{proxy.UdpPort};transport=udp>;auth_pass=Ellen-202wp;regint=600;answermode=auto"));

        var baresip = PeerProcess.RunAsync("baresip", ["-f", folder, "-t", "8"], TimeSpan.FromSeconds(30), folder);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (proxy.Locations.Lookup("sip:202wp@127.0.0.1").Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline && !baresip.IsCompleted, "baresip did not register within 15 s.");
            await Task.Delay(50);
        }

        string[] caller =
        [
            "127.0.0.1:" + proxy.UdpPort.ToString(CultureInfo.InvariantCulture),
            "-sf", Path.Combine(AppContext.BaseDirectory, "Peers", "Scenarios", "uac_call.xml"), "-s", "202",
            "-i", "127.0.0.1", "-p", PeerProcess.FreeUdpPort().ToString(CultureInfo.InvariantCulture),
            "-m", "1", "-d", "500", "-nostdin", "-timeout", "15s", "-timeout_error",
            "-trace_err", "-error_file", Path.Combine(proxy.Folder, "caller.err"),
        ];
        var call = await PeerProcess.RunAsync("sipp", caller, TimeSpan.FromSeconds(25), proxy.Folder);
        var phone = await baresip;
        Assert.True(call.ExitCode == 0, $"the call failed (sipp exit {call.ExitCode}):\n{call.Output}\nbaresip:\n{phone.Output}");
        var answered = Assert.Single(events, e => e.Kind == CallEventKind.Answered);
        Assert.Equal("202wp", answered.Device);
        Assert.Single(events, e => e.Kind == CallEventKind.Ended);
    }
}
