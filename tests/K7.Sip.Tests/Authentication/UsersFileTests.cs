using K7.Sip.Authentication;

namespace K7.Sip.Tests.Authentication;

public class UsersFileTests
{
    [Fact]
    public async Task Parse_CommentsBlankLinesCrLfAndColonsInPasswords_Reads()
    {
        const string Text = "# users\r\n\r\n  202:s3cret\r\n   # indented comment\n202wp:a:b c\n\t\n203 :x";

        var store = UsersFile.Parse(new StringReader(Text));

        Assert.Equal(3, store.Count);
        Assert.Equal("s3cret", (await store.FindAsync("202", "any"))?.Password);
        Assert.Equal("a:b c", (await store.FindAsync("202wp", "any"))?.Password);
        Assert.Equal("x", (await store.FindAsync("203", "any"))?.Password);
    }

    [Fact]
    public void Parse_Empty_HasNoUsers()
    {
        Assert.Equal(0, UsersFile.Parse(new StringReader(string.Empty)).Count);
    }

    [Theory]
    [InlineData("202:a\n203\n", 2, 9, "username")]
    [InlineData("202:a\n:b\n", 2, 6, "username")]
    [InlineData("202:a\n203:\n", 2, 10, "password")]
    [InlineData("202:a\n2 3:b\n", 2, 7, "username")]
    [InlineData("202:a\r\n# c\r\n202:b\r\n", 3, 12, "username")]
    public void Parse_BadLine_ThrowsWithLineAndPosition(string text, int line, int position, string field)
    {
        var exception = Assert.Throws<SipFormatException>(() => UsersFile.Parse(new StringReader(text)));

        Assert.Equal(line, exception.Line);
        Assert.Equal(position, exception.Position);
        Assert.Equal(field, exception.Field);
        Assert.Contains($"line {line}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Duplicate_NamesTheFirstLine()
    {
        var exception = Assert.Throws<SipFormatException>(() => UsersFile.Parse(new StringReader("202:a\n# c\n202:b")));

        Assert.Contains("already defined on line 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_File_Reads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"k7-users-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "\uFEFF202:pässword\n");
        try
        {
            var store = UsersFile.Load(path);

            Assert.True(store.Contains("202"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
