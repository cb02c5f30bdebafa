using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks.Kernels;

/// <summary>
/// Backward pass gradInput = gradOutput · g'(z). Baseline: the generated one-pass <c>NBackward</c>. Target: ≥ 2
/// against the naive two-pass loop (a derivative array, then a multiply). The vectorised two-pass (generated
/// <c>NDerivative</c>, then <c>TensorPrimitives.Multiply</c>) shows what fusing the passes alone is worth.
/// </summary>
[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class BackwardBenchmarks<T> : KernelBenchmark<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [ParamsAllValues]
    public KernelKind Kind { get; set; }

    [Benchmark(Baseline = true)]
    public void Generated() => GeneratedKernels.Backward(Kind, Z, GradOutput, GradInput);

    [Benchmark]
    public void TwoPassNaive() => NaiveKernels.TwoPassBackward(Kind, Z, GradOutput, Scratch, GradInput);

    [Benchmark]
    public void TwoPassVectorised()
    {
        GeneratedKernels.Derivative(Kind, Z, Scratch);
        System.Numerics.Tensors.TensorPrimitives.Multiply(GradOutput, Scratch, GradInput);
    }

    protected override void Verify()
    {
        TwoPassNaive();
        T[] expected = GradInput.ToArray();
        Generated();
        Check(nameof(Generated), expected, GradInput);
        TwoPassVectorised();
        Check(nameof(TwoPassVectorised), expected, GradInput);
    }
}
