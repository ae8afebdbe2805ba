using NodaTime;

namespace K7.TimeFrames.Tests.Evaluation;

/// <summary>One holiday calendar and compiler for the evaluation tests (the calendar caches each country and year).</summary>
internal static class TestCompiler
{
    public static readonly PublicHolidayCalendar Calendar = new();

    public static readonly TimeFrameCompiler Compiler = new(Calendar);

    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static CompiledTimeFrame Compile(TimeFrame frame) => Compiler.Compile(frame);

    public static CompiledTimeFrame Compile(TimeFrameDefinition definition, DateTimeZone zone) =>
        Compiler.Compile(new TimeFrame("Test", TimeFrameOwner.User("202"), zone, definition));

    /// <summary>Merges overlapping or touching intervals into sorted, disjoint, non-touching ones.</summary>
    public static List<Interval> Merge(IEnumerable<Interval> intervals)
    {
        var result = new List<Interval>();
        foreach (var interval in intervals.Where(i => i.Start < i.End).OrderBy(i => i.Start))
        {
            if (result.Count > 0 && result[^1].End >= interval.Start)
            {
                if (interval.End > result[^1].End)
                {
                    result[^1] = new Interval(result[^1].Start, interval.End);
                }

                continue;
            }

            result.Add(interval);
        }

        return result;
    }
}
