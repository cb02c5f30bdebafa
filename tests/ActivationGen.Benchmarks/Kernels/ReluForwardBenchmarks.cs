using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks.Kernels;

/// <summary>
/// Span forward of Relu and LeakyRelu, whose cost is moving memory. Baseline: the generated kernel; Ratio of
/// an anchor = anchor time / generated time. Targets: ≥ 1/1.1 ≈ 0.91 against <c>Span.CopyTo</c> at 1 M elements
/// (within 1.1× of a plain copy), ≥ 1.0 against the hand-written vector loop at 1,024, ≥ 4 against naive scalar (float).
/// </summary>
[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class ReluForwardBenchmarks<T> : KernelBenchmark<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [Params(KernelKind.Relu, KernelKind.LeakyRelu)]
    public KernelKind Kind { get; set; }

    [Benchmark(Baseline = true)]
    public void Generated() => GeneratedKernels.Forward(Kind, Z, Y);

    /// <summary>The floor: the same bytes read and written with no arithmetic (a memmove).</summary>
    [Benchmark]
    public void SpanCopyTo() => Z.CopyTo(Y);

    [Benchmark]
    public void HandVector()
    {
        if (Kind == KernelKind.Relu)
        {
            HandVectorKernels.Relu(Z, Y);
        }
        else
        {
            HandVectorKernels.LeakyRelu(Z, Y);
        }
    }

    /// <summary>The library way: <c>Max(z, 0)</c>; leaky as <c>Max(z, slope·z)</c> in two library calls.</summary>
    [Benchmark]
    public void TensorPrimitives()
    {
        if (Kind == KernelKind.Relu)
        {
            System.Numerics.Tensors.TensorPrimitives.Max(Z, T.Zero, Y);
        }
        else
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(Z, T.CreateTruncating(KernelConstants.LeakySlope), Y);
            System.Numerics.Tensors.TensorPrimitives.Max(Z, Y, Y);
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
        HandVector();
        Check(nameof(HandVector), expected, Y);
        TensorPrimitives();
        Check(nameof(TensorPrimitives), expected, Y);
    }
}
