using System;
using System.Numerics;

namespace ActivationGen.Benchmarks.Kernels;

/// <summary>
/// The loops a developer writes first: indexed spans, one element at a time, the textbook formula with the
/// runtime's math (for float, <c>float.Exp</c> and <c>float.Tanh</c> are <c>MathF.Exp</c> and <c>MathF.Tanh</c>;
/// for double, <c>Math.Exp</c> and <c>Math.Tanh</c>). The clamps are written with <c>T.Min</c>/<c>T.Max</c>, which are
/// <c>MathF.Min</c>/<c>MathF.Max</c> for float and <c>Math.Min</c>/<c>Math.Max</c> for double (they order −0 below +0 and
/// propagate NaN, so they cost more than a bare compare); HardSigmoid is PyTorch's formula relu6(z + 3)/6, whose
/// z + 3 is exact near −3 (no cancellation), so it also serves as the reference the other implementations are checked
/// against. These are the "naive scalar" anchors.
/// </summary>
internal static class NaiveKernels
{
    public static void Forward<T>(KernelKind kind, ReadOnlySpan<T> z, Span<T> y)
        where T : IFloatingPointIeee754<T>
    {
        T slope = T.CreateTruncating(KernelConstants.LeakySlope);
        T six = T.CreateTruncating(KernelConstants.Relu6Max);
        T min = T.CreateTruncating(KernelConstants.HardTanhMin);
        T max = T.CreateTruncating(KernelConstants.HardTanhMax);
        T three = T.CreateTruncating(3.0);
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
            case KernelKind.Relu6:
                for (int i = 0; i < z.Length; i++)
                {
                    y[i] = T.Min(T.Max(z[i], T.Zero), six);
                }

                break;
            case KernelKind.HardTanh:
                for (int i = 0; i < z.Length; i++)
                {
                    y[i] = T.Min(T.Max(z[i], min), max);
                }

                break;
            case KernelKind.HardSigmoid:
                for (int i = 0; i < z.Length; i++)
                {
                    y[i] = T.Min(T.Max(z[i] + three, T.Zero), six) / six;
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

    /// <summary>
    /// g'(z) from the input with the textbook formulas: σ(1−σ), 1−tanh², step functions (for the clamps, PyTorch's
    /// convention: the slope inside the open interval, 0 at and beyond both edges).
    /// </summary>
    public static void Derivative<T>(KernelKind kind, ReadOnlySpan<T> z, Span<T> dydz)
        where T : IFloatingPointIeee754<T>
    {
        T slope = T.CreateTruncating(KernelConstants.LeakySlope);
        T six = T.CreateTruncating(KernelConstants.Relu6Max);
        T min = T.CreateTruncating(KernelConstants.HardTanhMin);
        T max = T.CreateTruncating(KernelConstants.HardTanhMax);
        T three = T.CreateTruncating(3.0);
        T sixth = T.One / six;
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
            case KernelKind.Relu6:
                for (int i = 0; i < z.Length; i++)
                {
                    dydz[i] = z[i] > T.Zero && z[i] < six ? T.One : T.Zero;
                }

                break;
            case KernelKind.HardTanh:
                for (int i = 0; i < z.Length; i++)
                {
                    dydz[i] = z[i] > min && z[i] < max ? T.One : T.Zero;
                }

                break;
            case KernelKind.HardSigmoid:
                for (int i = 0; i < z.Length; i++)
                {
                    dydz[i] = z[i] > -three && z[i] < three ? sixth : T.Zero;
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
