using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace K7.Contacts.Tests;

public class ContactIdTests
{
    [Theory]
    [InlineData("202")]
    [InlineData("202@example.com")]
    [InlineData("c-0123456789abcdef0123")]
    [InlineData("a.b_c-d")]
    public void Parse_ValidIdentifiers_RoundTrip(string text)
    {
        var id = ContactId.Parse(text);
        Assert.Equal(text, id.ToString());
        Assert.Equal(id, ContactId.Parse(id.Value));
        Assert.False(id.IsEmpty);
    }

    [Theory]
    [InlineData("", "it is empty", 1)]
    [InlineData("-202", "must start with a letter or a digit", 1)]
    [InlineData("20 2", "' ' at position 3", 3)]
    [InlineData("a/b", "'/' at position 2", 2)]
    public void Parse_Invalid_ThrowsWithPosition(string text, string reason, int column)
    {
        var error = Assert.Throws<ContactFormatException>(() => ContactId.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(column, error.Column);
        Assert.Equal("Id", error.Field);
    }

    [Fact]
    public void Parse_TooLong_Throws()
    {
        Assert.Throws<ContactFormatException>(() => ContactId.Parse(new string('a', ContactId.MaxLength + 1)));
        Assert.True(ContactId.TryParse(new string('a', ContactId.MaxLength), out _));
    }

    [Fact]
    public void NewId_IsValidAndUnique()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ContactId.NewId()).ToHashSet();
        Assert.Equal(1000, ids.Count);
        Assert.All(ids, id => Assert.True(ContactId.TryParse(id.Value, out _)));
    }

    [Fact]
    public void Default_IsEmpty()
    {
        Assert.True(default(ContactId).IsEmpty);
        Assert.Equal(string.Empty, default(ContactId).Value);
    }

    [Property(MaxTest = 500)]
    public Property TryParse_NeverThrows_AndAgreesWithParse(string? text)
    {
        var ok = ContactId.TryParse(text, out var id);
        var spanOk = ContactId.TryParse((text ?? string.Empty).AsSpan(), out var spanId);
        return (ok == (text is not null && spanOk) && (!ok || (id == spanId && id.Value == text))).ToProperty();
    }
}
