using System.Net;
using K7.Sip.Transport;

namespace K7.Sip.Tests.Transport;

public sealed class SipListenAddressTests
{
    [Theory]
    [InlineData("udp:127.0.0.1:5060", SipTransportProtocol.Udp, "127.0.0.1", 5060)]
    [InlineData("tcp:[::1]:5070", SipTransportProtocol.Tcp, "::1", 5070)]
    [InlineData("udp:0.0.0.0:0", SipTransportProtocol.Udp, "0.0.0.0", 0)]
    [InlineData("UDP:[::]:65535", SipTransportProtocol.Udp, "::", 65535)]
    [InlineData("Tcp:10.1.2.3:5061", SipTransportProtocol.Tcp, "10.1.2.3", 5061)]
    public void Parse_ValidAddress_ReturnsProtocolAndEndPoint(string text, SipTransportProtocol protocol, string address, int port)
    {
        var parsed = SipListenAddress.Parse(text);

        Assert.Equal(protocol, parsed.Protocol);
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), parsed.EndPoint);
    }

    [Theory]
    [InlineData("udp:127.0.0.1:5060")]
    [InlineData("tcp:[::1]:5070")]
    [InlineData("udp:0.0.0.0:0")]
    [InlineData("tcp:[2001:db8::5]:5060")]
    public void ToString_ParsedAddress_RoundTrips(string text)
    {
        var parsed = SipListenAddress.Parse(text);

        Assert.Equal(text, parsed.ToString());
        Assert.Equal(parsed, SipListenAddress.Parse(parsed.ToString()));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("sctp:127.0.0.1:5060", 0)]
    [InlineData("udp127.0.0.1:5060", 0)]
    [InlineData("udp:127.0.0.1", 13)]
    [InlineData("udp:127.0.0.1:", 14)]
    [InlineData("udp:127.0.0.1:65536", 14)]
    [InlineData("udp:127.0.0.1:-1", 14)]
    [InlineData("udp:127.0.0.1:50 60", 14)]
    [InlineData("udp:127.1:5060", 4)]
    [InlineData("udp:localhost:5060", 4)]
    [InlineData("udp:::1:5060", 4)]
    [InlineData("tcp:[::1:5060", 4)]
    [InlineData("tcp:[127.0.0.1]:5060", 5)]
    [InlineData("tcp:[::1]5060", 9)]
    [InlineData("tcp:[::1]:", 10)]
    public void Parse_InvalidAddress_ThrowsWithPosition(string text, int position)
    {
        var ex = Assert.Throws<SipFormatException>(() => SipListenAddress.Parse(text));

        Assert.Equal(position, ex.Position);
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
        Assert.False(SipListenAddress.TryParse(text, out var result));
        Assert.Null(result);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(SipListenAddress.TryParse((string?)null, out _));
    }

    [Fact]
    public void Equals_SameProtocolAndEndPoint_AreEqual()
    {
        var a = SipListenAddress.Parse("udp:127.0.0.1:5060");
        var b = new SipListenAddress(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 5060));

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, SipListenAddress.Parse("tcp:127.0.0.1:5060"));
    }

    [Fact]
    public void Constructor_CopiesTheEndPoint()
    {
        var endPoint = new IPEndPoint(IPAddress.Loopback, 5060);
        var address = new SipListenAddress(SipTransportProtocol.Tcp, endPoint);

        endPoint.Port = 1;

        Assert.Equal(5060, address.EndPoint.Port);
    }
}
