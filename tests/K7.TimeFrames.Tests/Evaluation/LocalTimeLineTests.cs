namespace K7.TimeFrames.Tests.Evaluation;

public sealed class LocalTimeLineTests
{
    [Fact]
    public void Year_EveryDayFrom1850To2250_MatchesTheCalendar()
    {
        var first = new DateOnly(1850, 1, 1).DayNumber - new DateOnly(1970, 1, 1).DayNumber;
        var last = new DateOnly(2250, 12, 31).DayNumber - new DateOnly(1970, 1, 1).DayNumber;
        for (long day = first; day <= last; day++)
        {
            var expected = DateOnly.FromDayNumber((int)(day + new DateOnly(1970, 1, 1).DayNumber)).Year;
            var actual = LocalTimeLine.Year(day);
            if (actual != expected)
            {
                Assert.Fail($"Day {day}: expected {expected}, got {actual}.");
            }
        }
    }
}
