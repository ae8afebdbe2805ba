using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace K7.Benchmarks;

/// <summary>Runs the benchmarks picked on the command line (<c>--filter</c>, <c>--job</c>, … as BenchmarkDotNet parses them).</summary>
/// <remarks>
/// Every run reports allocations (MemoryDiagnoser). Ratios are printed as trends ("1,234.56x faster") because the
/// TimeFrames hot path is thousands of times faster than its baseline, which a plain ratio shows as 0.000.
/// </remarks>
public static class Program
{
    public static void Main(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
