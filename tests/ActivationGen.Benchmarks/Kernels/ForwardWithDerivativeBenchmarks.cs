using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks.Kernels;

/// <summary>
/// Value and derivative together. Baseline: the generated one-pass <c>NForward(z, y, dydz)</c>. Target: &gt; 1
/// against calling the generated forward and derivative separately; the from-output variant (forward, then
/// <c>NDerivativeFromOutput(y)</c>) is the other way a user gets both.
/// </summary>
[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class ForwardWithDerivativeBenchmarks<T> : KernelBenchmark<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [ParamsAllValues]
    public KernelKind Kind { get; set; }

    [Benchmark(Baseline = true)]
    public void Generated() => GeneratedKernels.ForwardWithDerivative(Kind, Z, Y, Dydz);

    [Benchmark]
    public void ForwardThenDerivative()
    {
        GeneratedKernels.Forward(Kind, Z, Y);
        GeneratedKernels.Derivative(Kind, Z, Dydz);
    }

    /// <summary>HardSigmoid has no from-output derivative (z + 3 rounds, so y = 1 just below z = 3, where g' = 1/6):
    /// its row repeats <see cref="ForwardThenDerivative"/>.</summary>
    [Benchmark]
    public void ForwardThenDerivativeFromOutput()
    {
        GeneratedKernels.Forward(Kind, Z, Y);
        if (Kind == KernelKind.HardSigmoid)
        {
            GeneratedKernels.Derivative(Kind, Z, Dydz);
        }
        else
        {
            GeneratedKernels.DerivativeFromOutput(Kind, Y, Dydz);
        }
    }

    protected override void Verify()
    {
        NaiveKernels.Forward(Kind, Z, Y);
        T[] expectedY = Y.ToArray();
        NaiveKernels.Derivative(Kind, Z, Dydz);
        T[] expectedDydz = Dydz.ToArray();
        Generated();
        Check(nameof(Generated) + ".y", expectedY, Y);
        Check(nameof(Generated) + ".dydz", expectedDydz, Dydz);
        ForwardThenDerivative();
        Check(nameof(ForwardThenDerivative) + ".dydz", expectedDydz, Dydz);
        ForwardThenDerivativeFromOutput();
        Check(nameof(ForwardThenDerivativeFromOutput) + ".dydz", expectedDydz, Dydz);
    }
}
