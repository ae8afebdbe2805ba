using System.Globalization;

namespace K7.Routing.Tests.NumbersAndLists;

public sealed class PhoneNumberKeyTests
{
    [Fact]
    public void Default_IsEmpty()
    {
        PhoneNumberKey key = default;

        Assert.True(key.IsEmpty);
        Assert.Equal(0UL, key.Value);
        Assert.Equal(string.Empty, key.ToString());
    }

    [Fact]
    public void ToString_WritesE164()
    {
        var key = new PhoneNumberKey(15551231111);

        Assert.False(key.IsEmpty);
        Assert.Equal("+15551231111", key.ToString());
        Assert.Equal("+15551231111", $"{key}");
        Assert.Equal("+15551231111", string.Create(CultureInfo.InvariantCulture, $"{key:E}"));
    }

    [Fact]
    public void Ctor_MoreThan15Digits_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PhoneNumberKey(1_000_000_000_000_000));
        Assert.Equal("+999999999999999", new PhoneNumberKey(999_999_999_999_999).ToString());
    }

    [Fact]
    public void Equality_SameValue_IsEqual()
    {
        var a = new PhoneNumberKey(15551231111);
        var b = new PhoneNumberKey(15551231111);
        var c = new PhoneNumberKey(15551231112);

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void TryFormat_SmallBuffer_Fails()
    {
        var key = new PhoneNumberKey(15551231111);
        Span<char> small = stackalloc char[11];
        Span<char> enough = stackalloc char[16];

        Assert.False(key.TryFormat(small, out var none));
        Assert.True(key.TryFormat(enough, out var written));

        Assert.Equal(0, none);
        Assert.Equal("+15551231111", enough[..written].ToString());
    }

    [Fact]
    public void TryFormat_AllocatesNothing()
    {
        var key = new PhoneNumberKey(442079460958);
        Span<char> buffer = stackalloc char[16];
        key.TryFormat(buffer, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            key.TryFormat(buffer, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Format_UnknownFormat_Throws()
    {
        var key = new PhoneNumberKey(15551231111);

        Assert.Throws<FormatException>(() => ((IFormattable)key).ToString("N", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("+15551231111", 15551231111UL)]
    [InlineData("+390612345678", 390612345678UL)]
    [InlineData("+1", 1UL)]
    [InlineData("+999999999999999", 999_999_999_999_999UL)]
    public void Parse_Canonical_GivesKey(string text, ulong value)
    {
        Assert.Equal(value, PhoneNumberKey.Parse(text).Value);
        Assert.True(PhoneNumberKey.TryParse(text, out var key));
        Assert.Equal(value, key.Value);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("15551231111", 0)]
    [InlineData("+", 1)]
    [InlineData("+0123", 1)]
    [InlineData("+1 555", 2)]
    [InlineData("+1555123111x", 11)]
    [InlineData("+1234567890123456", 16)]
    public void Parse_NotCanonical_ThrowsWithPosition(string text, int position)
    {
        var ex = Assert.Throws<RoutingFormatException>(() => PhoneNumberKey.Parse(text));

        Assert.Equal(position, ex.Position);
        Assert.Contains($"(position {position})", ex.Message, StringComparison.Ordinal);
        Assert.False(PhoneNumberKey.TryParse(text, out var key));
        Assert.True(key.IsEmpty);
    }

    [Fact]
    public void SpanParsable_Generic_Works()
    {
        Assert.Equal(new PhoneNumberKey(15551231111), ParseGeneric<PhoneNumberKey>("+15551231111"));
    }

    private static T ParseGeneric<T>(string text)
        where T : ISpanParsable<T> => T.Parse(text.AsSpan(), CultureInfo.InvariantCulture);
}
