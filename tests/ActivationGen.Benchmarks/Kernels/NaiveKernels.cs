using System;
using System.Numerics;

namespace ActivationGen.Benchmarks.Kernels;

/// <summary>
/// The loops a developer writes first: indexed spans, one element at a time, the textbook formula with the
/// runtime's math (for float, <c>float.Exp</c> and <c>float.Tanh</c> are <c>MathF.Exp</c> and <c>MathF.Tanh</c>;
/// for double, <c>Math.Exp</c> and <c>Math.Tanh</c>). These are the "naive scalar" anchors.
/// </summary>
internal static class NaiveKernels
{
    public static void Forward<T>(KernelKind kind, ReadOnlySpan<T> z, Span<T> y)
        where T : IFloatingPointIeee754<T>
    {
        T slope = T.CreateTruncating(KernelConstants.LeakySlope);
        switch (kind)
        {
            case KernelKind.Sigmoid:
                for (int i = 0; i < z.Length; i++)
                {
                    y[i] = T.One / (T.One + T.Exp(-z[i]));
                }

                break;
            case KernelKind.Tanh:
                for (int i = 0; i < z.Length; i++)
                {
                    y[i] = T.Tanh(z[i]);
                }

                break;
            case KernelKind.Relu:
                for (int i = 0; i < z.Length; i++)
                {
                    y[i] = z[i] > T.Zero ? z[i] : T.Zero;
                }

                break;
            default:
                for (int i = 0; i < z.Length; i++)
                {
                    y[i] = z[i] > T.Zero ? z[i] : slope * z[i];
                }

                break;
        }
    }

    /// <summary>g'(z) from the input with the textbook formulas: σ(1−σ), 1−tanh², step functions.</summary>
    public static void Derivative<T>(KernelKind kind, ReadOnlySpan<T> z, Span<T> dydz)
        where T : IFloatingPointIeee754<T>
    {
        T slope = T.CreateTruncating(KernelConstants.LeakySlope);
        switch (kind)
        {
            case KernelKind.Sigmoid:
                for (int i = 0; i < z.Length; i++)
                {
                    T s = T.One / (T.One + T.Exp(-z[i]));
                    dydz[i] = s * (T.One - s);
                }

                break;
            case KernelKind.Tanh:
                for (int i = 0; i < z.Length; i++)
                {
                    T t = T.Tanh(z[i]);
                    dydz[i] = T.One - t * t;
                }

                break;
            case KernelKind.Relu:
                for (int i = 0; i < z.Length; i++)
                {
                    dydz[i] = z[i] > T.Zero ? T.One : T.Zero;
                }

                break;
            default:
                for (int i = 0; i < z.Length; i++)
                {
                    dydz[i] = z[i] > T.Zero ? T.One : slope;
                }

                break;
        }
    }

    /// <summary>The naive two-pass backward: a derivative array, then an element-wise multiply.</summary>
    public static void TwoPassBackward<T>(KernelKind kind, ReadOnlySpan<T> z, ReadOnlySpan<T> gradOutput, Span<T> scratch, Span<T> gradInput)
        where T : IFloatingPointIeee754<T>
    {
        Derivative(kind, z, scratch);
        for (int i = 0; i < z.Length; i++)
        {
            gradInput[i] = gradOutput[i] * scratch[i];
        }
    }
}
