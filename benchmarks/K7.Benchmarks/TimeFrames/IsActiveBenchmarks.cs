using BenchmarkDotNet.Attributes;
using K7.TimeFrames;
using NodaTime;

namespace K7.Benchmarks.TimeFrames;

/// <summary>
/// "Is the frame active at instant t", per query: K7's compiled frame against the same frame in Ical.Net 5.
/// </summary>
/// <remarks>
/// Each invocation answers the query for the same <see cref="Queries"/> instants (2025–2026, holidays and DST days
/// included) and BenchmarkDotNet divides by <c>OperationsPerInvoke</c>, so Mean and Allocated are per query.
/// <see cref="Tzdb_GetUtcOffset"/> is the UTC-offset lookup alone, the part of <see cref="K7_IsActive"/> spent in NodaTime.
/// </remarks>
public class IsActiveBenchmarks
{
    private const int Queries = 64;

    private Instant[] _instants = [];
    private CompiledTimeFrame _compiled = null!;
    private IcalFrame _ical = null!;
    private DateTimeZone _zone = null!;

    [Params(BenchmarkFrames.DaysOfWeek, BenchmarkFrames.CustomHolidays)]
    public string Frame { get; set; } = BenchmarkFrames.DaysOfWeek;

    [GlobalSetup]
    public void Setup()
    {
        var compiler = new TimeFrameCompiler(new PublicHolidayCalendar());
        _compiled = compiler.Compile(BenchmarkFrames.Create(Frame));
        _ical = BenchmarkFrames.CreateIcal(Frame);
        _zone = _compiled.Frame.Zone;
        _instants = BenchmarkFrames.QueryInstants();
        if (_instants.Length != Queries)
        {
            throw new InvalidOperationException($"Expected {Queries} instants, got {_instants.Length}.");
        }

        var checkedInstants = BenchmarkFrames.CheckInstants();
        var active = 0;
        foreach (var instant in checkedInstants)
        {
            var k7 = _compiled.IsActive(instant);
            var ical = _ical.IsActive(instant);
            if (k7 != ical)
            {
                throw new InvalidOperationException(
                    $"{Frame}: K7 says {k7} and Ical.Net says {ical} at {instant} ({instant.InZone(_zone)}).");
            }

            active += k7 ? 1 : 0;
        }

        var queriedActive = _instants.Count(_compiled.IsActive);
        Console.WriteLine(
            $"// {Frame}: K7 and Ical.Net agree on {checkedInstants.Length} instants ({active} active); {queriedActive} of the {Queries} queried instants are active.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries)]
    public int IcalNet_GetOccurrences()
    {
        var active = 0;
        foreach (var instant in _instants)
        {
            active += _ical.IsActive(instant) ? 1 : 0;
        }

        return active;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int K7_IsActive()
    {
        var active = 0;
        foreach (var instant in _instants)
        {
            active += _compiled.IsActive(instant) ? 1 : 0;
        }

        return active;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int Tzdb_GetUtcOffset()
    {
        var seconds = 0;
        foreach (var instant in _instants)
        {
            seconds += _zone.GetUtcOffset(instant).Seconds;
        }

        return seconds;
    }
}
