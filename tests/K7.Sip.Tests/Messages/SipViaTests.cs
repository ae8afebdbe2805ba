namespace K7.Sip.Tests.Messages;

public sealed class SipViaTests
{
    [Theory]
    [InlineData("SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds", "UDP", "pc33.atlanta.com", null, "z9hG4bK776asdhds")]
    [InlineData("SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bKx;received=192.0.2.99", "TCP", "192.0.2.1", 5060, "z9hG4bKx")]
    [InlineData("SIP / 2.0 / TLS  [2001:db8::9]:5061 ; branch = z9hG4bK1", "TLS", "[2001:db8::9]", 5061, "z9hG4bK1")]
    [InlineData("SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKa;rport", "WSS", "df7jal23ls0d.invalid", null, "z9hG4bKa")]
    public void TryParse_Valid_ReadsParts(string text, string transport, string host, int? port, string branch)
    {
        Assert.True(SipVia.TryParse(text, out var via));
        Assert.Equal("SIP/2.0", via.Protocol);
        Assert.Equal(transport, via.Transport);
        Assert.Equal(host, via.Host);
        Assert.Equal(port, via.Port);
        Assert.Equal(branch, via.Branch);
        Assert.True(via.HasRfc3261Branch);
        var again = SipVia.Parse(via.ToString());
        Assert.Equal(via.ToString(), again.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("SIP/2.0 host")]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/2.0/UDPhost")]
    [InlineData("SIP/2.0/UDP host;;")]
    [InlineData("SIP/2.0/UDP host:99999")]
    [InlineData("SIP/2.0/UDP host;rport=x")]
    [InlineData("SIP/2.0/UDP [2001:db8::1;branch=z9hG4bK1")]
    [InlineData("SIP/2.0/UDP host junk")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(SipVia.TryParse(text, out _));
        Assert.Throws<SipFormatException>(() => SipVia.Parse(text));
    }

    [Fact]
    public void RPort_Rfc3581_ReceivedAndRPortAdded()
    {
        var via = SipVia.Parse("SIP/2.0/UDP 10.0.0.5:5060;rport;branch=z9hG4bKkjshdyff");
        Assert.True(via.HasRPort);
        Assert.Null(via.RPort);
        var updated = via.WithReceived("192.0.2.1").WithRPort(9988);
        Assert.Equal("SIP/2.0/UDP 10.0.0.5:5060;rport=9988;branch=z9hG4bKkjshdyff;received=192.0.2.1", updated.ToString());
        Assert.Equal(9988, updated.RPort);
        Assert.Equal("192.0.2.1", updated.Received);
    }

    [Fact]
    public void Constructor_BuildsVia()
    {
        var via = new SipVia("UDP", "192.0.2.7", 5060, SipParameterList.Empty.With("branch", "z9hG4bK42").With("rport", null));
        Assert.Equal("SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bK42;rport", via.ToString());
        Assert.Throws<ArgumentException>(() => new SipVia("U D P", "h", null, SipParameterList.Empty));
        Assert.Throws<ArgumentException>(() => new SipVia("UDP", "bad host", null, SipParameterList.Empty));
    }

    [Theory]
    [InlineData("z9hG4bK", false)]
    [InlineData("z9hG4bK1", true)]
    [InlineData("abc", false)]
    public void HasRfc3261Branch_DependsOnCookieAndSuffix(string branch, bool expected)
    {
        Assert.Equal(expected, SipVia.Parse("SIP/2.0/UDP h;branch=" + branch).HasRfc3261Branch);
    }
}
