namespace K7.SampleHost.Tests;

public sealed class SettingsTests
{
    [Fact]
    public void BadSettings_AreRefusedAtStart_NamingEachKey()
    {
        var folder = Path.Combine(Path.GetTempPath(), "k7-host-settings-" + Guid.NewGuid().ToString("N")[..8]);
        var e = Assert.Throws<InvalidOperationException>(() => SampleHostApp.Build(
            ["--data", folder, "--sip-udp", "70000", "--K7:TimeZone=Mars/Olympus", "--K7:Sip:VoicemailUri=mailto:x", "--K7:Domain=bad domain"]));
        Assert.Contains("K7:Sip:UdpPort", e.Message, StringComparison.Ordinal);
        Assert.Contains("K7:TimeZone", e.Message, StringComparison.Ordinal);
        Assert.Contains("K7:Sip:VoicemailUri", e.Message, StringComparison.Ordinal);
        Assert.Contains("K7:Domain", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Defaults_AreValid_AndListenOnLoopback()
    {
        var options = new SampleHostOptions();
        Assert.Empty(options.Validate());
        Assert.Equal("127.0.0.1", options.Sip.Address);
    }
}
