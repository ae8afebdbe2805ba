namespace K7.Voicemail.Tests.Storage;

public sealed class MailboxIdTests
{
    [Theory]
    [InlineData("202", "202")]
    [InlineData("Sales", "sales")]
    [InlineData("front_desk-2", "front_desk-2")]
    [InlineData("a", "a")]
    [InlineData("12345678901234567890123456789012", "12345678901234567890123456789012")]
    public void Parse_Valid_NormalizesToLowerCase(string text, string expected)
    {
        Assert.Equal(expected, MailboxId.Parse(text).Value);
        Assert.True(MailboxId.TryParse(text, out var id));
        Assert.Equal(expected, id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("con")]
    [InlineData("CON")]
    [InlineData("nul")]
    [InlineData("com1")]
    [InlineData("lpt9")]
    [InlineData("a b")]
    [InlineData("a\0b")]
    [InlineData("-x")]
    [InlineData("_x")]
    [InlineData("x.y")]
    [InlineData("é")]
    [InlineData("123456789012345678901234567890123")]
    public void Parse_PathCharactersOrReservedNames_Rejected(string text)
    {
        Assert.False(MailboxId.TryParse(text, out _));
        var ex = Assert.Throws<VoicemailFormatException>(() => MailboxId.Parse(text));
        Assert.Equal("MailboxId", ex.Field);
        Assert.Contains("not a mailbox identifier", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadCharacter_PositionPointsAtIt()
    {
        var ex = Assert.Throws<VoicemailFormatException>(() => MailboxId.Parse("ab/c"));
        Assert.Equal(2, ex.Position);
    }

    [Fact]
    public void Equals_DifferentCase_SameMailbox()
    {
        Assert.Equal(MailboxId.Parse("Sales"), MailboxId.Parse("SALES"));
        Assert.True(MailboxId.Parse("a") == MailboxId.Parse("A"));
        Assert.True(MailboxId.Parse("a") != MailboxId.Parse("b"));
    }

    [Fact]
    public void TryParse_Null_False()
    {
        Assert.False(MailboxId.TryParse((string?)null, out _));
        Assert.Throws<ArgumentNullException>(() => MailboxId.Parse(null!));
    }
}
