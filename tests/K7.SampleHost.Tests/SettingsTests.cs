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

public sealed class ApiExceptionHandlerTests
{
    [Theory]
    [InlineData("EmailAddresses[0]", "emailAddresses[0]")]
    [InlineData("[2].Name", "[2].name")]
    [InlineData("Definition.Days[1].Ranges", "definition.days[1].ranges")]
    [InlineData("timeFrame", "timeFrame")]
    [InlineData("", "body")]
    public void PackageFieldNames_AreWrittenAsTheApiNamesThem(string field, string expected) =>
        Assert.Equal(expected, K7.SampleHost.Api.ApiNames.Field(field));

    [Fact]
    public void APackageValidationError_IsA400NamingTheField()
    {
        var problem = K7.SampleHost.Api.ApiExceptionHandler.Describe(new K7.Sip.Devices.DeviceValidationException("MacAddress", "not a MAC address", null));
        var validation = Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(problem);
        Assert.Equal(400, validation.Status);
        Assert.Equal(["not a MAC address"], validation.Errors["macAddress"]);
    }

    [Fact]
    public void AnUnexpectedException_IsNotDescribed() => Assert.Null(K7.SampleHost.Api.ApiExceptionHandler.Describe(new InvalidOperationException("internal")));
}
