using K7.Sip.Registrar;

namespace K7.Sip.Tests.Registrar;

public sealed class ContactUriTests
{
    [Theory]
    [InlineData("sip:alice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=TCP")]
    [InlineData("SIP:alice@[2001:DB8::1]:5070", "sip:alice@[2001:db8::1]:5070")]
    [InlineData("tel:+15555550123", "TEL:+15555550123")]
    public void Equals_Rfc3261EquivalentUris_True(string a, string b)
    {
        Assert.True(ContactUri.TryParse(a, out var x));
        Assert.True(ContactUri.TryParse(b, out var y));

        Assert.True(x.Equals(y));
        Assert.True(y.Equals(x));
        Assert.Equal(x.GetHashCode(), y.GetHashCode());
    }

    [Theory]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [InlineData("sip:bob@biloxi.com", "sips:bob@biloxi.com")]
    [InlineData("sip:bob@biloxi.com:6000;transport=tcp", "sip:bob@biloxi.com:6000;transport=udp")]
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")]
    [InlineData("sip:alice:secret@atlanta.com", "sip:alice@atlanta.com")]
    [InlineData("sip:+1555@host;user=phone", "sip:+1555@host")]
    [InlineData("tel:+15555550123", "tel:+15555550124")]
    public void Equals_Rfc3261DifferentUris_False(string a, string b)
    {
        Assert.True(ContactUri.TryParse(a, out var x));
        Assert.True(ContactUri.TryParse(b, out var y));

        Assert.False(x.Equals(y));
        Assert.False(y.Equals(x));
    }

    [Theory]
    [InlineData("")]
    [InlineData("alice@atlanta.com")]
    [InlineData(":alice@atlanta.com")]
    [InlineData("1sip:alice@atlanta.com")]
    [InlineData("sip:")]
    [InlineData("sip:alice@")]
    [InlineData("sip:alice@host:port")]
    [InlineData("sip:alice@host:70000")]
    [InlineData("mailto:")]
    public void TryParse_NotAUri_False(string uri)
    {
        Assert.False(ContactUri.TryParse(uri, out _));
    }

    [Fact]
    public void TryParse_UserPartWithSemicolons_SplitsAtTheAt()
    {
        Assert.True(ContactUri.TryParse("sip:+1-555-0123;phone-context=example.com@gw.example.com;user=phone", out var x));
        Assert.True(ContactUri.TryParse("sip:+1-555-0123;phone-context=example.com@GW.example.com;user=phone", out var y));

        Assert.Equal(x, y);
    }
}
