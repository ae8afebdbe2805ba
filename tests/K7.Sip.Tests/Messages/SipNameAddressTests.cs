namespace K7.Sip.Tests.Messages;

public sealed class SipNameAddressTests
{
    [Theory]
    [InlineData("\"Alice\" <sip:alice@atlanta.com>;tag=1928301774", "Alice", "sip:alice@atlanta.com", "1928301774", true)]
    [InlineData("Alice Smith <sip:alice@atlanta.com>", "Alice Smith", "sip:alice@atlanta.com", null, true)]
    [InlineData("<sip:alice@atlanta.com;transport=tcp>", null, "sip:alice@atlanta.com;transport=tcp", null, true)]
    [InlineData("sip:alice@atlanta.com;tag=x1", null, "sip:alice@atlanta.com", "x1", false)]
    [InlineData("  sip:alice@atlanta.com  ;  tag = x1  ", null, "sip:alice@atlanta.com", "x1", false)]
    [InlineData("\"\" <sip:alice@atlanta.com>", "", "sip:alice@atlanta.com", null, true)]
    [InlineData("\"a \\\"quoted\\\" name\"<tel:+15551234>", "a \"quoted\" name", "tel:+15551234", null, true)]
    [InlineData("<urn:service:sos>", null, "urn:service:sos", null, true)]
    public void TryParse_Valid_ReadsParts(string text, string? display, string uri, string? tag, bool brackets)
    {
        Assert.True(SipNameAddress.TryParse(text, out var a));
        Assert.Equal(display, a.DisplayName);
        Assert.Equal(uri, a.Uri.ToString());
        Assert.Equal(tag, a.Tag);
        Assert.Equal(brackets, a.UsedAngleBrackets);
        var again = SipNameAddress.Parse(a.ToString());
        Assert.Equal(a.DisplayName ?? string.Empty, again.DisplayName ?? string.Empty);
        Assert.True(a.Uri.IsEquivalentTo(again.Uri));
        Assert.Equal(a.Parameters, again.Parameters);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"Unterminated <sip:a@b>")]
    [InlineData("Bell, Alexander <sip:a@b>")]
    [InlineData("< sip:a@b >")]
    [InlineData("<sip:a@b")]
    [InlineData("sip:a@b?x=y")]
    [InlineData("<sip:a@b>;;tag=1")]
    [InlineData("<sip:a@b>;tag=")]
    [InlineData("<sip:a@b> junk")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(SipNameAddress.TryParse(text, out _));
        Assert.Throws<SipFormatException>(() => SipNameAddress.Parse(text));
    }

    [Fact]
    public void WithTag_AddsTagAndKeepsTheRest()
    {
        var a = SipNameAddress.Parse("sip:bob@biloxi.com");
        var tagged = a.WithTag("a6c85cf");
        Assert.Equal("a6c85cf", tagged.Tag);
        Assert.Null(a.Tag);
        Assert.Equal("sip:bob@biloxi.com;tag=a6c85cf", tagged.ToString());
        Assert.Throws<ArgumentException>(() => a.WithTag("bad tag"));
    }

    [Fact]
    public void ToString_UriWithParameters_UsesBrackets()
    {
        var a = new SipNameAddress(SipUri.Parse("sip:bob@biloxi.com;transport=tcp"), null, SipParameterList.Empty.With("tag", "1"));
        Assert.Equal("<sip:bob@biloxi.com;transport=tcp>;tag=1", a.ToString());
        Assert.Equal("\"Bob \\\"B\\\"\" <sip:bob@biloxi.com;transport=tcp>", new SipNameAddress(a.Uri, "Bob \"B\"").ToString());
    }
}
