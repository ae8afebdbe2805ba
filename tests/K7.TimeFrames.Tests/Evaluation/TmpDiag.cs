using FsCheck.Fluent;
using K7.TimeFrames.Tests.Reference;
using Xunit.Abstractions;

namespace K7.TimeFrames.Tests.Evaluation;

public sealed class TmpDiag(ITestOutputHelper output)
{
    [Fact]
    public void Stats()
    {
        var samples = Generators.FrameAt().Generator.Sample(2000, 50);
        var active = 0; var byKind = new Dictionary<TimeFrameKind, (int, int)>();
        var nextNull = 0;
        foreach (var s in samples)
        {
            var c = TestCompiler.Compile(s.Frame);
            var a = c.IsActive(s.Instant);
            if (a) active++;
            var (n, k) = byKind.GetValueOrDefault(s.Frame.Kind);
            byKind[s.Frame.Kind] = (n + 1, k + (a ? 1 : 0));
            if (c.GetNextStart(s.Instant) is null) nextNull++;
        }
        output.WriteLine($"active {active}/{samples.Length}, next null {nextNull}");
        foreach (var kv in byKind) output.WriteLine($"{kv.Key}: {kv.Value}");
        foreach (var s in samples.Take(15)) output.WriteLine(s.ToString());
        var rc = Generators.RecurrenceCase().Generator.Sample(10, 50);
        foreach (var s in rc) output.WriteLine(s.ToString());
    }
}
