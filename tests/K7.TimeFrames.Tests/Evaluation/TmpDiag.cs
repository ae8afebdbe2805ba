using FsCheck.Fluent;
using Xunit.Abstractions;

namespace K7.TimeFrames.Tests.Evaluation;

public sealed class TmpDiag(ITestOutputHelper output)
{
    [Fact]
    public void Stats()
    {
        var rc = Generators.RecurrenceCase().Generator.Sample(1000, 50);
        var nonEmpty = 0; var kinds = new Dictionary<string, (int, int)>();
        foreach (var s in rc)
        {
            var n = TestCompiler.Compile(s.Frame).GetActiveIntervals(s.Start, s.End).Count;
            if (n > 0) nonEmpty++;
            var key = s.Frame.Definition is DaysOfWeekDefinition d ? "days-" + (d.Recurrence.IsMonthly ? "monthly" : "weekly") + "-" + (d.End.Count is null ? d.End.Date is null ? "never" : "on" : "count")
                : "dates-" + ((SpecificDatesDefinition)s.Frame.Definition).Intervals[0].Recurrence!.Frequency + "-" + (((SpecificDatesDefinition)s.Frame.Definition).Intervals[0].Recurrence!.End.Count is null ? "" : "count");
            var (a, b) = kinds.GetValueOrDefault(key);
            kinds[key] = (a + 1, b + (n > 0 ? 1 : 0));
        }
        output.WriteLine($"non-empty {nonEmpty}/{rc.Length}");
        foreach (var kv in kinds.OrderBy(k => k.Key)) output.WriteLine($"{kv.Key}: {kv.Value}");
    }
}
