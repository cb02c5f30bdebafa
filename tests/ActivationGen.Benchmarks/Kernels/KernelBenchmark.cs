using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks.Kernels;

/// <summary>
/// Buffers and set-up shared by the kernel benchmarks. Every buffer is 64-byte aligned native memory, so
/// alignment is the same for every implementation and every run (a GC array's alignment varies run to run and
/// moves the figures by several percent). Inputs are pre-activations uniform in [−6, 6] and upstream gradients
/// uniform in [−1, 1], drawn with a fixed seed. After the buffers are filled, <see cref="Verify"/> runs every
/// implementation once and checks that they compute the same function, so a table never compares unlike work.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public abstract unsafe class KernelBenchmark<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T* z;
    private T* y;
    private T* dydz;
    private T* gradOutput;
    private T* gradInput;
    private T* scratch;

    /// <summary>Elements per call: one that stays in L1 and one (4 MiB of float, 8 MiB of double per buffer) that streams from L2/L3.</summary>
    [Params(1024, 1048576)]
    public int N { get; set; }

    protected ReadOnlySpan<T> Z => new(z, N);

    protected Span<T> Y => new(y, N);

    protected Span<T> Dydz => new(dydz, N);

    protected ReadOnlySpan<T> GradOutput => new(gradOutput, N);

    protected Span<T> GradInput => new(gradInput, N);

    /// <summary>A caller-owned work buffer (the derivative array of a two-pass backward), allocated once like a training loop would.</summary>
    protected Span<T> Scratch => new(scratch, N);

    [GlobalSetup]
    public void Setup()
    {
        z = Allocate();
        y = Allocate();
        dydz = Allocate();
        gradOutput = Allocate();
        gradInput = Allocate();
        scratch = Allocate();

        var random = new Random(20240607);
        Span<T> zs = new(z, N);
        Span<T> gs = new(gradOutput, N);
        for (int i = 0; i < N; i++)
        {
            zs[i] = T.CreateTruncating((random.NextDouble() * 12.0) - 6.0);
            gs[i] = T.CreateTruncating((random.NextDouble() * 2.0) - 1.0);
        }

        Verify();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeMemory.AlignedFree(z);
        NativeMemory.AlignedFree(y);
        NativeMemory.AlignedFree(dydz);
        NativeMemory.AlignedFree(gradOutput);
        NativeMemory.AlignedFree(gradInput);
        NativeMemory.AlignedFree(scratch);
    }

    /// <summary>Runs each benchmark of the class once and throws if any result differs from the reference.</summary>
    protected abstract void Verify();

    /// <summary>
    /// Throws unless <paramref name="actual"/> matches <paramref name="expected"/> within a few units of the type's
    /// precision: relative for |expected| ≥ 1, absolute (the same number) below.
    /// </summary>
    protected static void Check(string implementation, ReadOnlySpan<T> expected, ReadOnlySpan<T> actual)
    {
        // Loose enough for different exp/tanh approximations (a few ulp), far too tight for a wrong kernel or slope.
        double tolerance = typeof(T) == typeof(float) ? 1e-5 : 1e-12;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = double.CreateTruncating(expected[i]);
            double a = double.CreateTruncating(actual[i]);
            if (!(Math.Abs(a - e) <= tolerance * Math.Max(1.0, Math.Abs(e))))
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{implementation}<{typeof(T).Name}> disagrees with the reference at [{i}] of {expected.Length}: {a:R} vs {e:R}; the benchmark would compare unlike work."));
            }
        }
    }

    /// <summary>
    /// Throws unless every element of <paramref name="actual"/> is within <paramref name="absoluteTolerance"/> of
    /// <paramref name="expected"/>: for an implementation whose formula is accurate only in absolute terms (an
    /// anchor, never a generated kernel), held to the bound that formula has.
    /// </summary>
    protected static void CheckAbsolute(string implementation, ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, double absoluteTolerance)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double e = double.CreateTruncating(expected[i]);
            double a = double.CreateTruncating(actual[i]);
            if (!(Math.Abs(a - e) <= absoluteTolerance))
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{implementation}<{typeof(T).Name}> differs from the reference at [{i}] of {expected.Length} by more than {absoluteTolerance:R}: {a:R} vs {e:R}; the benchmark would compare unlike work."));
            }
        }
    }

    private T* Allocate()
    {
        var buffer = (T*)NativeMemory.AlignedAlloc((nuint)N * (nuint)sizeof(T), 64);
        new Span<T>(buffer, N).Clear();
        return buffer;
    }
}
