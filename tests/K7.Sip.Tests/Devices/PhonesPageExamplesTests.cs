using System.Net;
using K7.Sip.Devices;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Devices;

/// <summary>The examples of docs/sip.md ("Add a phone", "The Phones page"), kept compiling and true.</summary>
public sealed class PhonesPageExamplesTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));

    [Fact]
    public void AddPhone_SuffixModelServerMacLine_AsTheGuideShows()
    {
        var registry = new DeviceRegistry(new InMemoryDeviceStore(), _clock);
        registry.Add(new Device("202", "wp", "WebPhone", preferredServer: "us-east.pbx.example.com"));
        registry.Add(new Device("202", "", "Polycom VVX 350", macAddress: MacAddress.Parse("0004.f2ab.cdef"), lineNumber: 1));

        var duplicate = Assert.Throws<DeviceValidationException>(() => registry.Add(new Device("202", "WP", "Yealink T54W")));
        Assert.Equal("Suffix", duplicate.Field);
        Assert.Contains("Extension 202 already has a device with the suffix 'wp'", duplicate.Message, StringComparison.Ordinal);

        registry.Update("202wp", d => d.WithModel("WebPhone 44.3.1"));
        Assert.Equal("WebPhone 44.3.1", registry.Find("202wp")!.Model);
        Assert.Equal("00:04:F2:AB:CD:EF", registry.Find("202")!.MacAddress!.Value.ToString());
    }

    [Fact]
    public void PhonesPage_RegisteredAndUnregisteredRows()
    {
        var registry = new DeviceRegistry(new InMemoryDeviceStore(), _clock);
        registry.Add(new Device("202", "wp", "WebPhone"));
        registry.Add(new Device("202", "", "Polycom VVX 350", macAddress: MacAddress.Parse("0004.f2ab.cdef"), lineNumber: 1));
        var now = _clock.GetCurrentInstant();
        registry.SetRegistration("202wp", new DeviceRegistration(
            "WebPhone 44.3.1 (Chrome 137.0.0.0)", "sip:202wp@207.45.79.249:37428", IPEndPoint.Parse("207.45.79.249:37428"), "UDP", now, now + Duration.FromHours(1)));

        var rows = new List<string>();
        foreach (var device in registry.ListForUser("202"))
        {
            var status = registry.GetStatus(device.Name);
            var reg = status?.Registration;
            rows.Add($"{(status?.IsRegistered == true ? "✔" : "✘")} {device.Name} {reg?.UserAgent ?? "-"} {reg?.RemoteAddress?.ToString() ?? "-"} {device.MacAddress?.ToString() ?? "-"} {device.LineNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        }

        Assert.Equal(
            [
                "✘ 202 - - 00:04:F2:AB:CD:EF 1",
                "✔ 202wp WebPhone 44.3.1 (Chrome 137.0.0.0) 207.45.79.249:37428 - -",
            ],
            rows);
    }
}
