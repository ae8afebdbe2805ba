using System.Text;
using K7.Sip.Devices;

namespace K7.Sip.Tests.Devices;

public sealed class JsonFileDeviceStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "k7-devices-" + Guid.NewGuid().ToString("N"));

    public JsonFileDeviceStoreTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SaveLoad_RoundTrips()
    {
        var devices = new[]
        {
            new Device("202", "", "Polycom VVX 411", "sip1.example.com", MacAddress.Parse("00:1A:2B:3C:4D:5E"), 1, "Front desk \"A\""),
            new Device("202", "wp", "WebPhone"),
        };
        var sut = CreateSut();

        sut.Save(devices);
        var loaded = CreateSut().Load();

        Assert.Equal(2, loaded.Count);
        Assert.True(devices[0].HasSameValues(loaded[0]));
        Assert.True(devices[1].HasSameValues(loaded[1]));
        Assert.False(File.Exists(sut.FilePath + ".tmp"));
    }

    [Fact]
    public void Load_MissingFile_IsEmpty()
    {
        Assert.Empty(CreateSut().Load());
    }

    [Fact]
    public void Load_LeftoverTempFile_IsIgnoredAndOverwritten()
    {
        var sut = CreateSut();
        sut.Save([new Device("202", "", "Polycom")]);
        File.WriteAllText(sut.FilePath + ".tmp", "{ half-written");

        Assert.Single(sut.Load());
        sut.Save([new Device("202", "", "Polycom"), new Device("202", "m", "K7 One")]);

        Assert.Equal(2, CreateSut().Load().Count);
        Assert.False(File.Exists(sut.FilePath + ".tmp"));
    }

    [Fact]
    public void Load_BrokenJson_ReportsLineAndPosition()
    {
        var sut = CreateSut();
        File.WriteAllText(sut.FilePath, "{\n  \"devices\": [\n    { \"extension\": \"202\" \"model\": \"x\" }\n  ]\n}");

        var exception = Assert.Throws<SipFormatException>(sut.Load);

        Assert.Equal(3, exception.Line);
        Assert.Equal(42, exception.Position);
    }

    [Theory]
    [InlineData("{\"devices\":[{\"extension\":\"202\",\"model\":\"a\"},{\"extension\":\"202\",\"suffix\":\"w p\",\"model\":\"b\"}]}", "devices[1].suffix")]
    [InlineData("{\"devices\":[{\"extension\":\"202\"}]}", "devices[0].model")]
    [InlineData("{\"devices\":[{\"extension\":\"202\",\"model\":\"a\",\"macAddress\":\"00:1A\"}]}", "devices[0].macAddress")]
    [InlineData("{\"devices\":[{\"extension\":\"202\",\"model\":\"a\",\"lineNumber\":\"1\"}]}", "devices[0].lineNumber")]
    [InlineData("{\"devices\":[{\"extension\":202,\"model\":\"a\"}]}", "devices[0].extension")]
    [InlineData("{\"devices\":[{\"extension\":\"202\",\"model\":\"a\"},{\"extension\":\"202\",\"suffix\":\"\",\"model\":\"b\"}]}", "devices[1].suffix")]
    [InlineData("{\"version\":2,\"devices\":[]}", "version")]
    [InlineData("[]", "$")]
    public void Load_BadRecord_ReportsFirstBadField(string json, string field)
    {
        var sut = CreateSut();
        File.WriteAllText(sut.FilePath, json, new UTF8Encoding(false));

        var exception = Assert.Throws<SipFormatException>(sut.Load);

        Assert.Equal(field, exception.Field);
        Assert.Contains(field, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_WithJsonStore_PersistsAcrossInstances()
    {
        var clock = new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2025, 1, 1, 0, 0));
        var first = new DeviceRegistry(CreateSut(), clock);
        first.Add(new Device("202", "wp", "WebPhone"));

        var second = new DeviceRegistry(CreateSut(), clock);

        Assert.Equal("WebPhone", second.Find("202wp")?.Model);
    }

    private JsonFileDeviceStore CreateSut() => new(Path.Combine(_folder, "devices.json"));
}
