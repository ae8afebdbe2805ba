using BenchmarkDotNet.Attributes;
using K7.TimeFrames;

namespace K7.Benchmarks.TimeFrames;

/// <summary>
/// <see cref="TimeFrameCompiler.Compile"/> of the frames <see cref="IsActiveBenchmarks"/> queries (the TimeFrame objects
/// are built once). The holidays frame checks its holiday ids against the calendar, which is warm after the first
/// call; its per-year tables are built on first use by a query, not here.
/// </summary>
public class CompileBenchmarks
{
    private TimeFrameCompiler _compiler = null!;
    private TimeFrame _daysOfWeek = null!;
    private TimeFrame _holidays = null!;
    private TimeFrame _custom = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compiler = new TimeFrameCompiler(new PublicHolidayCalendar());
        _daysOfWeek = BenchmarkFrames.Create(BenchmarkFrames.DaysOfWeek);
        _holidays = BenchmarkFrames.HolidaysOnly();
        _custom = BenchmarkFrames.Create(BenchmarkFrames.CustomHolidays);
        _compiler.Compile(_holidays);
    }

    [Benchmark(Baseline = true)]
    public CompiledTimeFrame Compile_DaysOfWeek() => _compiler.Compile(_daysOfWeek);

    [Benchmark]
    public CompiledTimeFrame Compile_Holidays() => _compiler.Compile(_holidays);

    [Benchmark]
    public CompiledTimeFrame Compile_CustomHolidays() => _compiler.Compile(_custom);
}
