using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks.Kernels;

/// <summary>
/// Span forward of the ReLU family (Relu, LeakyRelu, Relu6, HardTanh, HardSigmoid), whose cost is moving memory.
/// Baseline: the generated kernel; Ratio of an anchor = anchor time / generated time. Targets: ≥ 1/1.1 ≈ 0.91 against
/// <c>Span.CopyTo</c> at 1 M elements (within 1.1× of a plain copy), ≥ 1.0 against the hand-written vector loop at
/// 1,024, ≥ 4 against naive scalar (float).
/// </summary>
[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class ReluForwardBenchmarks<T> : KernelBenchmark<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [Params(KernelKind.Relu, KernelKind.LeakyRelu, KernelKind.Relu6, KernelKind.HardTanh, KernelKind.HardSigmoid)]
    public KernelKind Kind { get; set; }

    [Benchmark(Baseline = true)]
    public void Generated() => GeneratedKernels.Forward(Kind, Z, Y);

    /// <summary>The floor: the same bytes read and written with no arithmetic (a memmove).</summary>
    [Benchmark]
    public void SpanCopyTo() => Z.CopyTo(Y);

    [Benchmark]
    public void HandVector()
    {
        switch (Kind)
        {
            case KernelKind.Relu: HandVectorKernels.Relu(Z, Y); break;
            case KernelKind.LeakyRelu: HandVectorKernels.LeakyRelu(Z, Y); break;
            case KernelKind.Relu6: HandVectorKernels.Relu6(Z, Y); break;
            case KernelKind.HardTanh: HandVectorKernels.HardTanh(Z, Y); break;
            default: HandVectorKernels.HardSigmoid(Z, Y); break;
        }
    }

    /// <summary>
    /// The library way: <c>Max(z, 0)</c>; leaky as <c>Max(z, slope·z)</c> in two library calls; Relu6 and HardTanh as
    /// one <c>Clamp(z, lo, hi)</c>; HardSigmoid as <c>Clamp((z + 3)·(1/6), 0, 1)</c> in three calls (Add, Multiply,
    /// Clamp: TensorPrimitives has no multiply-add with two scalar operands, and a multiply by 1/6 is the fast form of
    /// the division).
    /// </summary>
    [Benchmark]
    public void TensorPrimitives()
    {
        switch (Kind)
        {
            case KernelKind.Relu:
                System.Numerics.Tensors.TensorPrimitives.Max(Z, T.Zero, Y);
                break;
            case KernelKind.LeakyRelu:
                System.Numerics.Tensors.TensorPrimitives.Multiply(Z, T.CreateTruncating(KernelConstants.LeakySlope), Y);
                System.Numerics.Tensors.TensorPrimitives.Max(Z, Y, Y);
                break;
            case KernelKind.Relu6:
                System.Numerics.Tensors.TensorPrimitives.Clamp(Z, T.Zero, T.CreateTruncating(KernelConstants.Relu6Max), Y);
                break;
            case KernelKind.HardTanh:
                System.Numerics.Tensors.TensorPrimitives.Clamp(Z, T.CreateTruncating(KernelConstants.HardTanhMin), T.CreateTruncating(KernelConstants.HardTanhMax), Y);
                break;
            default:
                System.Numerics.Tensors.TensorPrimitives.Add(Z, T.CreateTruncating(3.0), Y);
                System.Numerics.Tensors.TensorPrimitives.Multiply(Y, T.One / T.CreateTruncating(6.0), Y);
                System.Numerics.Tensors.TensorPrimitives.Clamp(Y, T.Zero, T.One, Y);
                break;
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
        if (Kind == KernelKind.HardSigmoid)
        {
            // The hand loop's z·(1/6) + 1/2 cancels near z = −3 (see HandVectorKernels): its error is absolute, up to
            // about one unit in the last place of 1/2, and relative to a tiny output it is large. Check would pass it
            // (its tolerance, 1e-5·max(1, |y|) for float, is absolute below |y| = 1) without saying how close it is, so
            // it is held to the bound it has instead: 4 units in the last place of 1/2 (2^-22 float, 2^-51 double)
            // absolute, which also covers the reference's own two roundings and is far too tight for a wrong slope or
            // offset. The generated kernel and TensorPrimitives' (z + 3)·(1/6) do not cancel and pass Check.
            CheckAbsolute(nameof(HandVector), expected, Y, typeof(T) == typeof(float) ? Math.ScaleB(1.0, -22) : Math.ScaleB(1.0, -51));
        }
        else
        {
            Check(nameof(HandVector), expected, Y);
        }

        TensorPrimitives();
        Check(nameof(TensorPrimitives), expected, Y);
    }
}
