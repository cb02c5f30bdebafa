using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;

namespace ActivationGen.Benchmarks.Reporting;

/// <summary>
/// The configuration every run uses: BenchmarkDotNet's defaults (or the job given on the command line), plus
/// allocation counts, throughput, the ratio column as "×" speedups, and the targets report.
/// </summary>
internal static class BenchmarkConfig
{
    public static IConfig Create()
        => ManualConfig.Create(DefaultConfig.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new ElementsPerNanosecondColumn())
            .AddExporter(new TargetsExporter())
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value));
}
