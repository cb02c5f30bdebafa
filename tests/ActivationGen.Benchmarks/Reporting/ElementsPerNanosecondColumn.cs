using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ActivationGen.Benchmarks.Reporting;

/// <summary>Throughput of a kernel benchmark: its <c>N</c> parameter divided by the mean time in nanoseconds.</summary>
internal sealed class ElementsPerNanosecondColumn : IColumn
{
    public string Id => nameof(ElementsPerNanosecondColumn);

    public string ColumnName => "Elements/ns";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Elements processed per nanosecond (N / Mean); higher is better";

    public static double? Of(Summary summary, BenchmarkCase benchmarkCase)
        => KernelCase.ElementCount(benchmarkCase) is int n && summary[benchmarkCase]?.ResultStatistics?.Mean is double mean && mean > 0
            ? n / mean
            : null;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        => Of(summary, benchmarkCase) is double value ? value.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
