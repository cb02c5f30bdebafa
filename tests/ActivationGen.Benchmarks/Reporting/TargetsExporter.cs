using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace ActivationGen.Benchmarks.Reporting;

/// <summary>
/// Writes <c>*-targets.md</c> next to BenchmarkDotNet's own reports: for every kernel group (class, T, N, kind)
/// the generated kernel's time, throughput and allocation, and one row per anchor with the speedup
/// (anchor / generated) and, where issue 7 sets one, the target and whether this run met it; then the generator
/// benchmarks against their targets. This is the table docs/performance.md quotes.
/// </summary>
internal sealed class TargetsExporter : ExporterBase
{
    protected override string FileExtension => "md";

    protected override string FileCaption => "targets";

    public override void ExportToLog(Summary summary, ILogger logger)
    {
        List<BenchmarkReport> reports = summary.Reports.Where(r => r.ResultStatistics is not null).ToList();
        List<BenchmarkReport> kernels = reports.Where(r => KernelCase.ElementCount(r.BenchmarkCase) is not null).ToList();
        List<BenchmarkReport> generator = reports.Except(kernels).ToList();

        if (kernels.Count > 0)
        {
            WriteKernelTable(summary, kernels, logger);
        }

        if (generator.Count > 0)
        {
            WriteGeneratorTable(generator, logger);
        }
    }

    private static void WriteKernelTable(Summary summary, List<BenchmarkReport> reports, ILogger logger)
    {
        logger.WriteLine("| Benchmark | T | Kind | N | Generated ns/op | Generated elements/ns | Alloc B/op | Anchor | Anchor ns/op | Speedup (anchor/generated) | Target | Met |");
        logger.WriteLine("|---|---|---|---:|---:|---:|---:|---|---:|---:|---|---|");
        foreach (IGrouping<string, BenchmarkReport> group in reports.GroupBy(GroupKey))
        {
            BenchmarkReport? generated = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
            if (generated is null)
            {
                continue;
            }

            var c = generated.BenchmarkCase;
            string benchmarkClass = KernelCase.ClassName(c);
            string type = KernelCase.ElementType(c) ?? "?";
            int n = KernelCase.ElementCount(c)!.Value;
            string kind = KernelCase.Kind(c)?.ToString() ?? "-";
            double generatedMean = generated.ResultStatistics!.Mean;
            string throughput = Format(ElementsPerNanosecondColumn.Of(summary, c) ?? 0, "0.000");
            string allocated = generated.GcStats.GetBytesAllocatedPerOperation(c) is long bytes ? bytes.ToString(CultureInfo.InvariantCulture) : "?";
            foreach (BenchmarkReport anchor in group.Where(r => r != generated))
            {
                string anchorName = anchor.BenchmarkCase.Descriptor.WorkloadMethod.Name;
                double speedup = anchor.ResultStatistics!.Mean / generatedMean;
                PerformanceTargets.SpeedupTarget? target = PerformanceTargets.For(benchmarkClass, anchorName, type, n, KernelCase.Kind(c));
                string met = target is null ? "" : target.IsMet(speedup) ? "yes" : "**NO**";
                logger.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {benchmarkClass} | {type} | {kind} | {n} | {Format(generatedMean, "#,##0.0")} | {throughput} | {allocated} | {anchorName} | {Format(anchor.ResultStatistics.Mean, "#,##0.0")} | {Format(speedup, "0.00")} | {target?.Text ?? ""} | {met} |"));
            }
        }

        logger.WriteLine();
    }

    private static void WriteGeneratorTable(List<BenchmarkReport> reports, ILogger logger)
    {
        logger.WriteLine("| Benchmark | Params | Method | Mean ms | Ratio to baseline | Allocated MB | Target | Met |");
        logger.WriteLine("|---|---|---|---:|---:|---:|---|---|");
        foreach (IGrouping<string, BenchmarkReport> group in reports.GroupBy(GroupKey))
        {
            BenchmarkReport? baseline = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
            foreach (BenchmarkReport report in group)
            {
                var c = report.BenchmarkCase;
                string benchmarkClass = KernelCase.ClassName(c);
                string method = c.Descriptor.WorkloadMethod.Name;
                double milliseconds = report.ResultStatistics!.Mean / 1e6;
                double? ratio = baseline is null ? null : report.ResultStatistics.Mean / baseline.ResultStatistics!.Mean;
                string allocated = report.GcStats.GetBytesAllocatedPerOperation(c) is long bytes ? Format(bytes / 1048576.0, "#,##0.0") : "?";
                var target = PerformanceTargets.ForGenerator(benchmarkClass, method);
                string met = target switch
                {
                    null => "",
                    { MaxMilliseconds: double max } => milliseconds < max ? "yes" : "**NO**",
                    { MaxRatio: double max } when ratio is double r => r < max ? "yes" : "**NO**",
                    _ => "?",
                };
                logger.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {benchmarkClass} | {(c.HasParameters ? c.Parameters.DisplayInfo : "-")} | {method} | {Format(milliseconds, "#,##0.00")} | {(ratio is double value ? Format(value, "0.00") : "-")} | {allocated} | {target?.Text ?? ""} | {met} |"));
            }
        }

        logger.WriteLine();
    }

    // One group = the benchmarks whose ratios are meaningful together: same class (with T), job and parameters.
    private static string GroupKey(BenchmarkReport report)
        => report.BenchmarkCase.Descriptor.Type.FullName + "|" + report.BenchmarkCase.Job.DisplayInfo + "|" + report.BenchmarkCase.Parameters.DisplayInfo;

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
