using K7.Sip.Devices;

namespace K7.Sip.Tests.Devices;

public class DeviceTests
{
    [Theory]
    [InlineData("", "202")]
    [InlineData("wp", "202wp")]
    [InlineData("m", "202m")]
    [InlineData("Desk2", "202Desk2")]
    public void Constructor_Suffix_NameIsExtensionPlusSuffix(string suffix, string name)
    {
        var device = new Device("202", suffix, "Polycom VVX 411");

        Assert.Equal(name, device.Name);
        Assert.Equal("202", device.Extension);
        Assert.Equal(suffix, device.Suffix);
    }

    [Theory]
    [InlineData("202", "w p", "Polycom", null, null, "Suffix")]
    [InlineData("202", "1", "Polycom", null, null, "Suffix")]
    [InlineData("202", "abcdefghijk", "Polycom", null, null, "Suffix")]
    [InlineData("202", "wp-", "Polycom", null, null, "Suffix")]
    [InlineData("", "wp", "Polycom", null, null, "Extension")]
    [InlineData("20a", "wp", "Polycom", null, null, "Extension")]
    [InlineData("202", "wp", " ", null, null, "Model")]
    [InlineData("202", "wp", "Polycom", "not a host", null, "PreferredServer")]
    [InlineData("202", "wp", "Polycom", null, 0, "LineNumber")]
    [InlineData("202", "wp", "Polycom", null, 65, "LineNumber")]
    public void Constructor_BadField_ThrowsNamingIt(string extension, string suffix, string model, string? server, int? line, string field)
    {
        var exception = Assert.Throws<DeviceValidationException>(() => new Device(extension, suffix, model, server, null, line));

        Assert.Equal(field, exception.Field);
        Assert.StartsWith(field + ": ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LongDescription_Throws()
    {
        var exception = Assert.Throws<DeviceValidationException>(() => new Device("202", "", "M", description: new string('x', 201)));

        Assert.Equal("Description", exception.Field);
    }

    [Fact]
    public void With_ChangesOnlyThatField()
    {
        var device = new Device("202", "wp", "WebPhone", "sip1.example.com", MacAddress.Parse("001a2b3c4d5e"), 1, "desk");

        var changed = device.WithModel("Yealink T54W").WithPreferredServer("10.0.0.1").WithLineNumber(2).WithMacAddress(null).WithDescription(null);

        Assert.Equal("202wp", changed.Name);
        Assert.Equal("Yealink T54W", changed.Model);
        Assert.Equal("10.0.0.1", changed.PreferredServer);
        Assert.Equal(2, changed.LineNumber);
        Assert.Null(changed.MacAddress);
        Assert.Null(changed.Description);
        Assert.True(device.HasSameValues(new Device("202", "wp", "WebPhone", "sip1.example.com", MacAddress.Parse("00:1A:2B:3C:4D:5E"), 1, "desk")));
        Assert.False(device.HasSameValues(changed));
    }
}
