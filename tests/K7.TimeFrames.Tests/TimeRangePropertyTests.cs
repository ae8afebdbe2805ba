using FsCheck.Xunit;

namespace K7.TimeFrames.Tests;

public sealed class TimeRangePropertyTests
{
    [Property(MaxTest = 500, Arbitrary = new[] { typeof(Generators) })]
    public void Parse_ToStringOfAnyRange_RoundTrips(TimeRange range)
    {
        Assert.Equal(range, TimeRange.Parse(range.ToString()));
        Assert.True(TimeRange.TryParse(range.ToString(), out var parsed));
        Assert.Equal(range, parsed);
    }

    [Property(MaxTest = 1000, Arbitrary = new[] { typeof(Generators) })]
    public void TryParse_AnyText_NeverThrowsAndAgreesWithParse(RangeText text)
    {
        var ok = TimeRange.TryParse(text.Text, out var range);

        if (ok)
        {
            Assert.Equal(range, TimeRange.Parse(text.Text));
            Assert.Equal(range, TimeRange.Parse(range.ToString()));
        }
        else
        {
            var e = Assert.Throws<TimeFrameFormatException>(() => TimeRange.Parse(text.Text));
            Assert.InRange(e.Position, 0, text.Text.Length);
        }
    }
}
