namespace K7.Sip.Tests.Messages;

public sealed class SipUriTests
{
    [Fact]
    public void Parse_FullSipUri_ReadsEveryPart()
    {
        var uri = SipUri.Parse("sips:alice:secret@atlanta.example.com:5061;transport=tcp;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent");
        Assert.Equal(SipUriScheme.Sips, uri.Scheme);
        Assert.Equal("sips", uri.SchemeName);
        Assert.Equal("alice", uri.User);
        Assert.Equal("secret", uri.Password);
        Assert.Equal("atlanta.example.com", uri.Host);
        Assert.Equal(5061, uri.Port);
        Assert.Equal("tcp", uri.Transport);
        Assert.True(uri.IsLooseRouter);
        Assert.Null(uri.Parameters["lr"]);
        Assert.Equal("239.255.255.1", uri.Parameters["MADDR"]);
        Assert.Equal("project x", uri.Headers["subject"]);
        Assert.Equal("urgent", uri.Headers["priority"]);
    }

    [Theory]
    [InlineData("sip:[2001:db8::1]:5060", "[2001:db8::1]", 5060)]
    [InlineData("sip:alice@[2001:db8::1]", "[2001:db8::1]", null)]
    [InlineData("sip:192.0.2.4", "192.0.2.4", null)]
    [InlineData("sip:pbx.example.com:65535", "pbx.example.com", 65535)]
    public void Parse_Hosts_KeepBracketsAndPort(string text, string host, int? port)
    {
        var uri = SipUri.Parse(text);
        Assert.Equal(host, uri.Host);
        Assert.Equal(port, uri.Port);
        Assert.Equal(text, uri.ToString());
    }

    [Theory]
    [InlineData("tel:+1-201-555-0123", "+1-201-555-0123")]
    [InlineData("tel:7042;phone-context=example.com", "7042")]
    public void Parse_Tel_NumberInUser(string text, string number)
    {
        var uri = SipUri.Parse(text);
        Assert.Equal(SipUriScheme.Tel, uri.Scheme);
        Assert.Equal(number, uri.User);
        Assert.Equal(string.Empty, uri.Host);
    }

    [Fact]
    public void Parse_OtherScheme_KeptOpaque()
    {
        var uri = SipUri.Parse("mailto:alice@example.com");
        Assert.Equal(SipUriScheme.Other, uri.Scheme);
        Assert.Equal("mailto", uri.SchemeName);
        Assert.Equal("alice@example.com", uri.OpaquePart);
        Assert.Equal("mailto:alice@example.com", uri.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("sip:")]
    [InlineData("sip:alice@")]
    [InlineData("sip:alice@host:99999")]
    [InlineData("sip:alice@host:port")]
    [InlineData("sip:al ice@host")]
    [InlineData("sip:alice@host;;lr")]
    [InlineData("sip:alice@host;=x")]
    [InlineData("sip:%4@host")]
    [InlineData("sip:alice@host?subject")]
    [InlineData("sip:alice@[2001:db8::1")]
    [InlineData("sip:alice@[not-v6]")]
    [InlineData("<sip:alice@host>")]
    [InlineData("1sip:alice@host")]
    [InlineData("tel:")]
    [InlineData("tel:12 34")]
    [InlineData("x:")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(SipUri.TryParse(text, out var uri));
        Assert.Null(uri);
        var ex = Assert.Throws<SipFormatException>(() => SipUri.Parse(text));
        Assert.True(ex.Position >= 0);
    }

    [Fact]
    public void Parse_EscapedUser_UnescapedOnceAndReescaped()
    {
        var uri = SipUri.Parse("sip:sips%3Auser%40example.com@example.net");
        Assert.Equal("sips:user@example.com", uri.User);
        var rebuilt = SipUri.Create(SipUriScheme.Sip, uri.User, uri.Host);
        Assert.Equal("sip:sips%3Auser%40example.com@example.net", rebuilt.ToString());
        Assert.True(rebuilt.IsEquivalentTo(uri));
    }

    [Fact]
    public void Create_BuildsCanonicalText()
    {
        var uri = SipUri.Create(SipUriScheme.Sip, "alice smith", "example.com", 5070,
            SipParameterList.Empty.With("transport", "tcp").With("lr", null),
            SipParameterList.Empty.With("Subject", "a b"));
        Assert.Equal("sip:alice%20smith@example.com:5070;transport=tcp;lr?Subject=a%20b", uri.ToString());
        Assert.True(SipUri.Parse(uri.ToString()).IsEquivalentTo(uri));
    }

    [Fact]
    public void Create_InvalidHost_Throws()
    {
        Assert.Throws<ArgumentException>(() => SipUri.Create(SipUriScheme.Sip, null, "bad host"));
        Assert.Throws<ArgumentOutOfRangeException>(() => SipUri.Create(SipUriScheme.Sip, null, "host", 70000));
        Assert.Throws<ArgumentException>(() => SipUri.Create(SipUriScheme.Other, null, "host"));
    }

    [Fact]
    public void WithMethods_ReturnNewUris()
    {
        var uri = SipUri.Parse("sip:bob@example.com;transport=udp?Route=%3Csip:p.example.com%3E");
        Assert.Equal("sip:bob@example.com;transport=udp", uri.WithoutHeaders().ToString());
        Assert.Equal("sip:bob@example.com?Route=%3Csip:p.example.com%3E", uri.WithoutParameter("transport").ToString());
        Assert.Equal("sip:bob@192.0.2.1:5062;transport=udp?Route=%3Csip:p.example.com%3E", uri.WithHost("192.0.2.1", 5062).ToString());
        Assert.Equal("tcp", uri.WithParameter("transport", "tcp").Transport);
        Assert.Equal("udp", uri.Transport);
    }

    // RFC 3261 §19.1.4: the equivalent pairs given in the RFC.
    [Theory]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    [InlineData("tel:+1-201-555-0123", "tel:+12015550123")]
    public void IsEquivalentTo_Rfc3261Equivalent_True(string a, string b)
    {
        Assert.True(SipUri.Parse(a).IsEquivalentTo(SipUri.Parse(b)));
        Assert.True(SipUri.Parse(b).IsEquivalentTo(SipUri.Parse(a)));
    }

    // RFC 3261 §19.1.4: the non-equivalent pairs given in the RFC.
    [Theory]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")]
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off")]
    [InlineData("sip:alice@atlanta.com", "sips:alice@atlanta.com")]
    [InlineData("sip:alice:a@atlanta.com", "sip:alice:b@atlanta.com")]
    public void IsEquivalentTo_Rfc3261NotEquivalent_False(string a, string b)
    {
        Assert.False(SipUri.Parse(a).IsEquivalentTo(SipUri.Parse(b)));
        Assert.False(SipUri.Parse(b).IsEquivalentTo(SipUri.Parse(a)));
    }
}
