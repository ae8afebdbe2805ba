using NodaTime;

namespace K7.TimeFrames.Tests;

public sealed class TimeRangeTests
{
    [Theory]
    [InlineData("08:00-17:00", 8, 0, 0, 17, 0, 0)]
    [InlineData("08:00\u201317:00", 8, 0, 0, 17, 0, 0)]
    [InlineData(" 22:00 - 06:00 ", 22, 0, 0, 6, 0, 0)]
    [InlineData("00:00-00:00", 0, 0, 0, 0, 0, 0)]
    [InlineData("08:00:30-17:00:15", 8, 0, 30, 17, 0, 15)]
    [InlineData("23:59:59-00:00", 23, 59, 59, 0, 0, 0)]
    public void Parse_ValidText_ReturnsRange(string text, int sh, int sm, int ss, int eh, int em, int es)
    {
        var range = TimeRange.Parse(text);

        Assert.Equal(new TimeRange(new LocalTime(sh, sm, ss), new LocalTime(eh, em, es)), range);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("08:00", 5)]
    [InlineData("8:00-17:00", 0)]
    [InlineData("24:00-17:00", 0)]
    [InlineData("08:00-17:60", 6)]
    [InlineData("08:00-", 6)]
    [InlineData("08:00-17:00:5", 6)]
    [InlineData("ab:cd-17:00", 0)]
    public void Parse_MalformedText_ThrowsWithPosition(string text, long position)
    {
        var e = Assert.Throws<TimeFrameFormatException>(() => TimeRange.Parse(text));

        Assert.Equal(position, e.Position);
        Assert.Equal(text, e.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("08:00")]
    [InlineData("08:00-25:00")]
    [InlineData("--")]
    public void TryParse_MalformedText_ReturnsFalse(string text)
    {
        Assert.False(TimeRange.TryParse(text, out var range));
        Assert.Equal(default, range);
    }

    [Fact]
    public void TryParse_NullStringThroughIParsable_ReturnsFalse()
    {
        Assert.False(TryParseParsable<TimeRange>(null, out _));
    }

    [Fact]
    public void Parse_ThroughISpanParsable_ReadsTheRange()
    {
        Assert.Equal(TimeRange.BusinessHours, ParseSpanParsable<TimeRange>("08:00-17:00"));
    }

    [Theory]
    [InlineData(8, 0, 0, 17, 0, 0, "08:00-17:00")]
    [InlineData(22, 0, 0, 6, 0, 0, "22:00-06:00")]
    [InlineData(8, 0, 30, 17, 0, 15, "08:00:30-17:00:15")]
    public void ToString_Range_IsTheTextForm(int sh, int sm, int ss, int eh, int em, int es, string expected)
    {
        var sut = new TimeRange(new LocalTime(sh, sm, ss), new LocalTime(eh, em, es));

        Assert.Equal(expected, sut.ToString());
    }

    [Fact]
    public void ToString_SecondsOnOneEndOnly_WritesSecondsOnBothAsDocumented()
    {
        // The XML doc of ToString: "HH:mm-HH:mm (with seconds when either end has them)".
        var sut = new TimeRange(new LocalTime(8, 0), new LocalTime(17, 0, 30));

        Assert.Equal("08:00:00-17:00:30", sut.ToString());
    }

    [Theory]
    [InlineData(8, 17, 9, false)]
    [InlineData(22, 6, 8, true)]
    [InlineData(0, 0, 24, true)]
    [InlineData(8, 8, 24, true)]
    public void Length_Range_IsBetweenOneSecondAnd24Hours(int startHour, int endHour, int hours, bool crossesMidnight)
    {
        var sut = new TimeRange(new LocalTime(startHour, 0), new LocalTime(endHour, 0));

        Assert.Equal(Duration.FromHours(hours), sut.Length);
        Assert.Equal(crossesMidnight, sut.CrossesMidnight);
    }

    [Fact]
    public void WholeDayAndBusinessHours_AreThePortalDefaults()
    {
        Assert.Equal("00:00-00:00", TimeRange.WholeDay.ToString());
        Assert.Equal("08:00-17:00", TimeRange.BusinessHours.ToString());
    }

    private static T ParseSpanParsable<T>(string text)
        where T : ISpanParsable<T> => T.Parse(text.AsSpan(), null);

    private static bool TryParseParsable<T>(string? text, out T result)
        where T : IParsable<T> => T.TryParse(text, null, out result!);
}
