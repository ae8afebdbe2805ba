namespace K7.Sip.Tests.Messages;

public sealed class SipHeaderCollectionTests
{
    private static SipHeaderCollection CreateSut() => SipHeaderCollection.CreateBuilder()
        .Add("v", "SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/TCP b.example.com;branch=z9hG4bK2")
        .Add("Via", "SIP/2.0/UDP c.example.com;branch=z9hG4bK3")
        .Add("f", "\"Doe, J\" <sip:j@example.com>;tag=1")
        .Add("Call-ID", "abc@host")
        .Add("Supported", "path, outbound")
        .Add("X-Custom", "a, b")
        .Build();

    [Fact]
    public void Indexer_CompactAndLongNames_AreTheSameHeader()
    {
        var headers = CreateSut();
        Assert.Equal("\"Doe, J\" <sip:j@example.com>;tag=1", headers["From"]);
        Assert.Equal(headers["from"], headers["F"]);
        Assert.Equal("abc@host", headers["i"]);
        Assert.Null(headers["To"]);
        Assert.True(headers.TryGetValue("CALL-ID", out var callId));
        Assert.Equal("abc@host", callId);
    }

    [Fact]
    public void GetValues_ListHeaders_SplitAtTopLevelCommas()
    {
        var headers = CreateSut();
        Assert.Equal(3, headers.GetValues("Via").Count());
        Assert.Equal(["path", "outbound"], headers.GetValues("k"));
        Assert.Equal(["\"Doe, J\" <sip:j@example.com>;tag=1"], headers.GetValues("From"));
        Assert.Equal(["a, b"], headers.GetValues("X-Custom"));
        Assert.Equal(2, headers.CountOf("via"));
        Assert.True(headers.Contains("V"));
    }

    [Fact]
    public void Builder_SetRemoveInsert_EditInPlace()
    {
        var headers = CreateSut().ToBuilder()
            .Set("Via", "SIP/2.0/UDP z.example.com;branch=z9hG4bK9")
            .Insert(0, "Route", "<sip:p.example.com;lr>")
            .Remove("X-Custom")
            .Build();
        Assert.Equal("Route", headers[0].Name);
        Assert.Equal("Via", headers[1].Name);
        Assert.Single(headers.GetValues("Via"));
        Assert.False(headers.Contains("X-Custom"));
        Assert.Equal(5, headers.Count);
    }

    [Fact]
    public void Builder_InvalidNameOrValue_Throws()
    {
        var builder = SipHeaderCollection.CreateBuilder();
        Assert.Throws<ArgumentException>(() => builder.Add("Bad Name", "x"));
        Assert.Throws<ArgumentException>(() => builder.Add("X", "a\r\nInjected: 1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Insert(2, "X", "y"));
    }

    [Theory]
    [InlineData('i', "Call-ID")]
    [InlineData('m', "Contact")]
    [InlineData('e', "Content-Encoding")]
    [InlineData('l', "Content-Length")]
    [InlineData('f', "From")]
    [InlineData('t', "To")]
    [InlineData('v', "Via")]
    [InlineData('s', "Subject")]
    [InlineData('k', "Supported")]
    [InlineData('c', "Content-Type")]
    [InlineData('o', "Event")]
    [InlineData('u', "Allow-Events")]
    [InlineData('r', "Refer-To")]
    [InlineData('b', "Referred-By")]
    [InlineData('x', "Session-Expires")]
    [InlineData('y', "Identity")]
    [InlineData('a', "Accept-Contact")]
    [InlineData('j', "Reject-Contact")]
    [InlineData('d', "Request-Disposition")]
    public void FromCompact_KnownLetters_LongNames(char letter, string name)
    {
        Assert.Equal(name, SipHeaderNames.FromCompact(letter));
        Assert.Equal(name, SipHeaderNames.FromCompact(char.ToUpperInvariant(letter)));
        Assert.True(SipHeaderNames.AreSame(letter.ToString(), name.ToUpperInvariant()));
    }
}
