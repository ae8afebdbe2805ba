using K7.Sip.Devices;

namespace K7.Sip.Tests.Devices;

public class MacAddressTests
{
    [Theory]
    [InlineData("00:1A:2B:3C:4D:5E")]
    [InlineData("00-1a-2b-3c-4d-5e")]
    [InlineData("001A.2B3C.4D5E")]
    [InlineData("001a2b3c4d5e")]
    [InlineData("00:1a:2B:3c:4D:5e")]
    public void Parse_AcceptedForms_AreEqual(string text)
    {
        var mac = MacAddress.Parse(text);

        Assert.Equal(MacAddress.Parse("00:1A:2B:3C:4D:5E"), mac);
        Assert.Equal("00:1A:2B:3C:4D:5E", mac.ToString());
        Assert.Equal([0x00, 0x1A, 0x2B, 0x3C, 0x4D, 0x5E], mac.ToArray());
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("00:1A:2B:3C:4D", 14)]
    [InlineData("00:1A:2B:3C:4D:5E:", 17)]
    [InlineData("00:1A-2B:3C:4D:5E", 5)]
    [InlineData("00:1G:2B:3C:4D:5E", 4)]
    [InlineData("001A.2B3C-4D5E", 9)]
    [InlineData("001a2b3c4d5", 11)]
    [InlineData("001a2b3c4d5e0", 12)]
    [InlineData(" 001a2b3c4d5e", 0)]
    [InlineData("0:1A:2B:3C:4D:5E", 1)]
    [InlineData("00::1A:2B:3C:4D", 3)]
    public void Parse_Invalid_ThrowsWithPosition(string text, int position)
    {
        var exception = Assert.Throws<SipFormatException>(() => MacAddress.Parse(text));

        Assert.Equal(position, exception.Position);
        Assert.Equal("MacAddress", exception.Field);
        Assert.False(MacAddress.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(MacAddress.TryParse((string?)null, out var mac));
        Assert.Equal(default, mac);
    }

    [Theory]
    [InlineData(MacAddressFormat.Colon, "00:1A:2B:3C:4D:5E")]
    [InlineData(MacAddressFormat.Hyphen, "00-1A-2B-3C-4D-5E")]
    [InlineData(MacAddressFormat.Dotted, "001a.2b3c.4d5e")]
    [InlineData(MacAddressFormat.Bare, "001a2b3c4d5e")]
    public void ToString_Format_Writes(MacAddressFormat format, string expected)
    {
        Assert.Equal(expected, MacAddress.Parse("00:1A:2B:3C:4D:5E").ToString(format));
    }

    [Fact]
    public void Equality_DifferentAddresses_NotEqual()
    {
        var a = MacAddress.Parse("001a2b3c4d5e");
        var b = MacAddress.Parse("001a2b3c4d5f");

        Assert.True(a != b);
        Assert.False(a.Equals((object)b));
        Assert.NotEqual(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Constructor_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MacAddress(new byte[5]));
    }
}
