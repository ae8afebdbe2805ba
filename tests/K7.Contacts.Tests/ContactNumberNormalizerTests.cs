using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace K7.Contacts.Tests;

public class ContactNumberNormalizerTests
{
    private static readonly ContactNumberNormalizer Us = new("US");

    [Theory]
    [InlineData("5551231111", "+15551231111")]
    [InlineData("(555) 123-1111", "+15551231111")]
    [InlineData("555.123.1111", "+15551231111")]
    [InlineData("1 555 123 1111", "+15551231111")]
    [InlineData("+1 555 123 1111", "+15551231111")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("011 44 20 7946 0958", "+442079460958")]
    [InlineData("201", "201")]
    [InlineData("*97", "*97")]
    [InlineData(" 202 ", "202")]
    public void TryNormalize_CommonForms(string text, string expected)
    {
        Assert.True(Us.TryNormalize(text, out var normalized, out var error), error);
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void TryNormalize_OtherDefaultRegion_ReadsItsNationalNumbers()
    {
        var gb = new ContactNumberNormalizer("gb");
        Assert.Equal("GB", gb.DefaultRegion);
        Assert.Equal("+442079460958", gb.Normalize("020 7946 0958"));
    }

    [Theory]
    [InlineData("1-800-FLOWERS", "letters are not accepted")]
    [InlineData("", "it is empty")]
    [InlineData("---", "it holds no digit")]
    [InlineData("+1 555", "too short")]
    [InlineData("555123111122223333", "too long")]
    [InlineData("+999 1234 5678", "country code")]
    [InlineData("5551231111#", "'*' and '#'")]
    [InlineData("555_123", "'_' at position 4")]
    public void TryNormalize_NotANumber_SaysWhy(string text, string reason)
    {
        Assert.False(Us.TryNormalize(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        var thrown = Assert.Throws<ContactFormatException>(() => Us.Normalize(text));
        Assert.Contains(reason, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownRegion_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ContactNumberNormalizer("XX"));
        Assert.Contains("'XX'", error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public Property TryNormalize_NeverThrows_AndIsIdempotent(string? text)
    {
        if (!Us.TryNormalize(text, out var normalized, out _))
        {
            return true.ToProperty();
        }

        return (Us.TryNormalize(normalized, out var again, out _) && again == normalized).ToProperty();
    }
}
