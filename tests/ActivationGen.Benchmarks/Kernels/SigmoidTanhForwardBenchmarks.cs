using System.Numerics;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks.Kernels;

/// <summary>
/// Span forward of Sigmoid and Tanh. Baseline: the generated kernel, so each anchor's Ratio reads
/// "the generated kernel is Ratio× faster than this" (target: ≥ 1.5 against TensorPrimitives, ≥ 4 against the
/// naive scalar loop for float).
/// </summary>
[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class SigmoidTanhForwardBenchmarks<T> : KernelBenchmark<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [Params(KernelKind.Sigmoid, KernelKind.Tanh)]
    public KernelKind Kind { get; set; }

    [Benchmark(Baseline = true)]
    public void Generated() => GeneratedKernels.Forward(Kind, Z, Y);

    [Benchmark]
    public void TensorPrimitives()
    {
        if (Kind == KernelKind.Sigmoid)
        {
            System.Numerics.Tensors.TensorPrimitives.Sigmoid(Z, Y);
        }
        else
        {
            System.Numerics.Tensors.TensorPrimitives.Tanh(Z, Y);
        }
    }

    [Benchmark]
    public void NaiveScalar() => NaiveKernels.Forward(Kind, Z, Y);

    protected override void Verify()
    {
        NaiveScalar();
        T[] expected = Y.ToArray();
        Generated();
        Check(nameof(Generated), expected, Y);
        TensorPrimitives();
        Check(nameof(TensorPrimitives), expected, Y);
    }
}
