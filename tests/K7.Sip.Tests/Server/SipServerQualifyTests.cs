using K7.Sip.Devices;
using NodaTime;

namespace K7.Sip.Tests.Server;

/// <summary>The OPTIONS checks of registered contacts, driven by the fake clock.</summary>
public sealed class SipServerQualifyTests
{
    private static readonly Duration Interval = Duration.FromSeconds(10);

    [Fact]
    public async Task ProcessTimers_ContactAnswersOptions_DeviceReachable()
    {
        await using var harness = await ServerHarness.StartAsync(o => o.QualifyInterval = Interval);
        using var qualify = harness.Collect("k7.sip.qualify");
        using var phone = harness.CreatePhone();
        var (ok, _) = await phone.RegisterAsync(phone.Register("202wp"));
        Assert.Equal(200, ok.StatusCode);

        harness.Clock.Advance(Interval + Duration.FromSeconds(1));
        harness.ProcessTimers();
        var received = await phone.ReceiveAsync();
        var options = Assert.IsType<SipRequest>(received.Message);
        await phone.SendAsync(options.CreateResponse(200).ToBytes());
        await qualify.WaitForMeasurementsAsync(1, UdpPhone.Timeout);

        Assert.Equal(SipMethod.Options, options.Method);
        Assert.Equal("sip:202wp@" + phone.LocalEndPoint + ";transport=udp", options.RequestUri.ToString());
        Assert.Equal(harness.UdpEndPoint, received.From);
        Assert.Equal("reachable", Assert.Single(qualify.GetMeasurementSnapshot()).Tags["result"]);
        Assert.True(harness.Devices.GetStatus("202wp")!.IsReachable);
    }

    [Fact]
    public async Task ProcessTimers_ContactSilent_DeviceUnreachableAfterTimerF()
    {
        await using var harness = await ServerHarness.StartAsync(o => o.QualifyInterval = Interval);
        using var qualify = harness.Collect("k7.sip.qualify");
        using (var gone = harness.CreatePhone())
        {
            var (ok, _) = await gone.RegisterAsync(gone.Register("203hd"));
            Assert.Equal(200, ok.StatusCode);
        }

        // The phone's socket is closed: nobody answers at the address the binding came from.
        var unreachable = harness.NextStatusChangeAsync(e => e.DeviceName == "203hd" && e.Kind == DeviceStatusChangeKind.Unreachable, UdpPhone.Timeout);
        harness.Clock.Advance(Interval + Duration.FromSeconds(1));
        harness.ProcessTimers();
        harness.AdvanceInSteps(Duration.FromSeconds(33), Duration.FromMilliseconds(500)); // Timer E retransmits, Timer F ends it at 64 × T1
        var change = await unreachable;

        Assert.False(change.Status.IsReachable);
        Assert.True(change.Status.IsRegistered);
        Assert.False(harness.Devices.GetStatus("203hd")!.IsReachable);
        Assert.Contains(qualify.GetMeasurementSnapshot(), m => (string?)m.Tags["result"] == "unreachable");
    }
}
