using ActivationGen.Benchmarks.Kernels;

namespace ActivationGen.Benchmarks.Reporting;

/// <summary>
/// Issue 7's targets, as data the <see cref="TargetsExporter"/> checks against each run. A kernel target is a
/// minimum speedup = anchor mean / generated mean (same T, N, kind, run); a generator target is a maximum time or
/// a maximum ratio to the baseline.
/// </summary>
internal static class PerformanceTargets
{
    /// <summary>A required speedup of the generated kernel over <paramref name="Anchor"/>; <paramref name="Strict"/>: strictly greater.</summary>
    public sealed record SpeedupTarget(double Minimum, bool Strict, string Text)
    {
        public bool IsMet(double speedup) => Strict ? speedup > Minimum : speedup >= Minimum;
    }

    public static SpeedupTarget? For(string benchmarkClass, string anchor, string elementType, int n, KernelKind? kind)
        => (benchmarkClass, anchor) switch
        {
            ("SigmoidTanhForwardBenchmarks", "TensorPrimitives") => new(1.5, false, "≥ 1.5× faster"),
            ("SigmoidTanhForwardBenchmarks" or "ReluForwardBenchmarks", "NaiveScalar") when elementType == "float" => new(4.0, false, "≥ 4× faster (float)"),
            ("ReluForwardBenchmarks", "SpanCopyTo") when n >= 1 << 20 => new(1 / 1.1, false, "within 1.1× of the copy (≥ 0.909)"),
            ("ReluForwardBenchmarks", "HandVector") when n <= 1024 => new(1.0, false, "at least as fast (≥ 1.0)"),
            ("BackwardBenchmarks", "TwoPassNaive") => new(2.0, false, "≥ 2× faster"),
            ("ForwardWithDerivativeBenchmarks", "ForwardThenDerivative") => new(1.0, true, "faster (> 1.0)"),
            _ => null,
        };

    /// <summary>Generator targets: (maximum mean in ms, or null) and (maximum ratio to the class baseline, or null).</summary>
    public static (double? MaxMilliseconds, double? MaxRatio, string Text)? ForGenerator(string benchmarkClass, string method)
        => (benchmarkClass, method) switch
        {
            ("GeneratorRunBenchmarks", "FirstRun") => (1000.0, null, "< 1 s"),
            ("GeneratorRunBenchmarks", "EditUnrelatedFile") => (20.0, null, "< 20 ms, outputs Cached/Unchanged"),
            ("BuildOverheadBenchmarks", "CompileWithGenerator") => (null, 1.10, "ratio < 1.10"),
            ("BuildOverheadBenchmarks", "CompileWithGeneratorAndAnalyzers") => (null, 1.10, "ratio < 1.10"),
            _ => null,
        };
}
