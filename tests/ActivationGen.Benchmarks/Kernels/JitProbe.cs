using System;
using System.Threading;

namespace ActivationGen.Benchmarks.Kernels;

/// <summary>
/// Calls every generated span kernel (and the hand-written anchor) often enough, with pauses, for tiered
/// compilation to reach its optimised tier, so that a run under <c>DOTNET_JitDisasm</c> prints the code that the
/// benchmarks time. Not a benchmark: <c>dotnet run -c Release --project tests/ActivationGen.Benchmarks -- --jit-probe</c>.
/// </summary>
internal static class JitProbe
{
    public static void Run()
    {
        for (int round = 0; round < 4; round++)
        {
            for (int call = 0; call < 200; call++)
            {
                Exercise<float>();
                Exercise<double>();
            }

            // Tier-1 promotion happens on a background thread after a quiet period.
            Thread.Sleep(500);
        }

        Console.WriteLine("JIT probe done: every kernel ran 800 times per element type.");
    }

    private static void Exercise<T>()
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        const int n = 4099; // not a multiple of any vector width: the tail path runs too
        Span<T> z = stackalloc T[n];
        Span<T> y = stackalloc T[n];
        Span<T> d = stackalloc T[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = T.CreateTruncating((i % 97) - 48.0);
        }

        foreach (KernelKind kind in Enum.GetValues<KernelKind>())
        {
            GeneratedKernels.Forward<T>(kind, z, y);
            GeneratedKernels.Derivative<T>(kind, z, d);
            if (kind != KernelKind.HardSigmoid) // no from-output derivative (y cannot tell z = 3 − ε from 3)
            {
                GeneratedKernels.DerivativeFromOutput<T>(kind, y, d);
            }

            GeneratedKernels.Backward<T>(kind, z, y, d);
            GeneratedKernels.ForwardWithDerivative<T>(kind, z, y, d);
        }

        HandVectorKernels.Relu<T>(z, y);
        HandVectorKernels.LeakyRelu<T>(z, y);
        HandVectorKernels.Relu6<T>(z, y);
        HandVectorKernels.HardTanh<T>(z, y);
        HandVectorKernels.HardSigmoid<T>(z, y);
    }
}
