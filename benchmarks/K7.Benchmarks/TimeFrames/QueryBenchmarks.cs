using BenchmarkDotNet.Attributes;
using K7.TimeFrames;
using NodaTime;

namespace K7.Benchmarks.TimeFrames;

/// <summary>
/// The other queries of a compiled frame, per query over the <see cref="IsActiveBenchmarks"/> instants:
/// <see cref="CompiledTimeFrame.GetActiveIntervals"/> over the week that starts at each instant, and
/// <see cref="CompiledTimeFrame.GetNextStart"/> (the portal's "Next on") from each instant.
/// </summary>
public class QueryBenchmarks
{
    private const int Queries = 64;

    private static readonly Duration OneWeek = Duration.FromDays(7);

    private Instant[] _instants = [];
    private CompiledTimeFrame _compiled = null!;

    [Params(BenchmarkFrames.DaysOfWeek, BenchmarkFrames.CustomHolidays)]
    public string Frame { get; set; } = BenchmarkFrames.DaysOfWeek;

    [GlobalSetup]
    public void Setup()
    {
        _compiled = new TimeFrameCompiler(new PublicHolidayCalendar()).Compile(BenchmarkFrames.Create(Frame));
        _instants = BenchmarkFrames.QueryInstants();
        if (_instants.Length != Queries)
        {
            throw new InvalidOperationException($"Expected {Queries} instants, got {_instants.Length}.");
        }

        foreach (var instant in _instants)
        {
            if (_compiled.GetNextStart(instant) is null)
            {
                throw new InvalidOperationException($"{Frame}: no next start after {instant}.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries)]
    public int GetActiveIntervals_OneWeek()
    {
        var count = 0;
        foreach (var instant in _instants)
        {
            count += _compiled.GetActiveIntervals(instant, instant.Plus(OneWeek)).Count;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public long GetNextStart()
    {
        var sum = 0L;
        foreach (var instant in _instants)
        {
            sum += _compiled.GetNextStart(instant)!.Value.ToUnixTimeSeconds();
        }

        return sum;
    }
}
