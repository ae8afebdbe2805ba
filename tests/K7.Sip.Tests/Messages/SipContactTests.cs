namespace K7.Sip.Tests.Messages;

public sealed class SipContactTests
{
    [Fact]
    public void TryParse_List_SplitsAtTopLevelCommas()
    {
        Assert.True(SipContact.TryParse("\"Doe, John\" <sip:jd@a.example.com;x=1>;q=0.7;expires=3600, <sip:jd@b.example.com>;q=1.0", out var contacts));
        Assert.Equal(2, contacts.Count);
        Assert.Equal("Doe, John", contacts[0].Address!.DisplayName);
        Assert.Equal(0.7m, contacts[0].Q);
        Assert.Equal(3600, contacts[0].Expires);
        Assert.Equal(1.0m, contacts[1].Q);
        Assert.Null(contacts[1].Expires);
    }

    [Fact]
    public void TryParse_Wildcard_IsWildcard()
    {
        Assert.True(SipContact.TryParse(" * ", out var contacts));
        Assert.True(Assert.Single(contacts).IsWildcard);
        Assert.Equal("*", contacts[0].ToString());
        Assert.Empty(contacts[0].Parameters);
    }

    [Theory]
    [InlineData("<sip:a@b>;q=1.5")]
    [InlineData("<sip:a@b>;q=0.1234")]
    [InlineData("<sip:a@b>;expires=soon")]
    [InlineData("<sip:a@b>;;;")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(SipContact.TryParse(text, out _));
    }

    [Fact]
    public void Expires_Huge_ClampedToIntMax()
    {
        Assert.True(SipContact.TryParse("<sip:u@h>;expires=280297596632815", out var contacts));
        Assert.Equal(int.MaxValue, contacts[0].Expires);
    }

    [Fact]
    public void WithExpires_SetsParameter()
    {
        var c = SipContact.Create(SipNameAddress.Parse("<sip:u@192.0.2.1:5060>")).WithExpires(60);
        Assert.Equal("<sip:u@192.0.2.1:5060>;expires=60", c.ToString());
        Assert.Throws<InvalidOperationException>(() => SipContact.Wildcard.WithExpires(1));
    }
}
