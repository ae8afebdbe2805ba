namespace K7.Sip.Tests.Messages;

public sealed class SipParameterListTests
{
    [Fact]
    public void Indexer_CaseInsensitiveNames()
    {
        var list = SipParameterList.Empty.With("Transport", "tcp").With("lr", null);
        Assert.Equal("tcp", list["transport"]);
        Assert.True(list.Contains("LR"));
        Assert.Null(list["lr"]);
        Assert.True(list.TryGetValue("lr", out var value));
        Assert.Null(value);
        Assert.False(list.TryGetValue("maddr", out _));
        Assert.Equal(";Transport=tcp;lr", list.ToString());
    }

    [Fact]
    public void WithAndWithout_ReturnNewLists()
    {
        var list = SipParameterList.Empty.With("a", "1");
        var changed = list.With("A", "2").With("b", null);
        Assert.Equal("1", list["a"]);
        Assert.Equal("2", changed["a"]);
        Assert.Equal(2, changed.Count);
        Assert.Same(changed, changed.Without("c"));
        Assert.Single(changed.Without("B"));
        Assert.Equal(SipParameterList.Create([new("a", "2"), new("b", null)]), changed);
    }

    [Theory]
    [InlineData("4711 INVITE", 4711u, "INVITE")]
    [InlineData("  0009\t INVITE ", 9u, "INVITE")]
    [InlineData("4294967295 BYE", 4294967295u, "BYE")]
    [InlineData("1 foo.bar", 1u, "foo.bar")]
    public void CSeq_TryParse_Valid(string text, uint number, string method)
    {
        Assert.True(SipCSeq.TryParse(text, out var cseq));
        Assert.Equal(number, cseq.Value.Number);
        Assert.Equal(method, cseq.Value.Method.Name);
    }

    [Theory]
    [InlineData("4294967296 BYE")]
    [InlineData("INVITE")]
    [InlineData("1INVITE")]
    [InlineData("1 INVITE extra")]
    [InlineData("-1 INVITE")]
    public void CSeq_TryParse_Invalid(string text)
    {
        Assert.False(SipCSeq.TryParse(text, out _));
    }
}
