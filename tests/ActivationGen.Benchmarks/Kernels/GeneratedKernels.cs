using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActivationGen.Benchmarks.Kernels;

/// <summary>
/// Routes a generic benchmark (T = float or double, a kind) to the generated member. The <c>typeof(T)</c> tests
/// are folded by the JIT (T is a value type, so every instantiation is compiled on its own), and with a constant
/// kind the switch folds too once inlined; what is left is one call into the generated kernel.
/// </summary>
internal static class GeneratedKernels
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Forward<T>(KernelKind kind, ReadOnlySpan<T> z, Span<T> y)
    {
        if (typeof(T) == typeof(float))
        {
            ReadOnlySpan<float> zs = As<T, float>(z);
            Span<float> ys = As<T, float>(y);
            switch (kind)
            {
                case KernelKind.Sigmoid: SingleKernels.Sigmoid(zs, ys); break;
                case KernelKind.Tanh: SingleKernels.Tanh(zs, ys); break;
                case KernelKind.Relu: SingleKernels.Relu(zs, ys); break;
                case KernelKind.Relu6: SingleKernels.Relu6(zs, ys); break;
                case KernelKind.HardTanh: SingleKernels.HardTanh(zs, ys); break;
                case KernelKind.HardSigmoid: SingleKernels.HardSigmoid(zs, ys); break;
                default: SingleKernels.LeakyRelu(zs, ys); break;
            }
        }
        else
        {
            ReadOnlySpan<double> zd = As<T, double>(z);
            Span<double> yd = As<T, double>(y);
            switch (kind)
            {
                case KernelKind.Sigmoid: DoubleKernels.Sigmoid(zd, yd); break;
                case KernelKind.Tanh: DoubleKernels.Tanh(zd, yd); break;
                case KernelKind.Relu: DoubleKernels.Relu(zd, yd); break;
                case KernelKind.Relu6: DoubleKernels.Relu6(zd, yd); break;
                case KernelKind.HardTanh: DoubleKernels.HardTanh(zd, yd); break;
                case KernelKind.HardSigmoid: DoubleKernels.HardSigmoid(zd, yd); break;
                default: DoubleKernels.LeakyRelu(zd, yd); break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Derivative<T>(KernelKind kind, ReadOnlySpan<T> z, Span<T> dydz)
    {
        if (typeof(T) == typeof(float))
        {
            ReadOnlySpan<float> zs = As<T, float>(z);
            Span<float> ds = As<T, float>(dydz);
            switch (kind)
            {
                case KernelKind.Sigmoid: SingleKernels.SigmoidDerivative(zs, ds); break;
                case KernelKind.Tanh: SingleKernels.TanhDerivative(zs, ds); break;
                case KernelKind.Relu: SingleKernels.ReluDerivative(zs, ds); break;
                case KernelKind.Relu6: SingleKernels.Relu6Derivative(zs, ds); break;
                case KernelKind.HardTanh: SingleKernels.HardTanhDerivative(zs, ds); break;
                case KernelKind.HardSigmoid: SingleKernels.HardSigmoidDerivative(zs, ds); break;
                default: SingleKernels.LeakyReluDerivative(zs, ds); break;
            }
        }
        else
        {
            ReadOnlySpan<double> zd = As<T, double>(z);
            Span<double> dd = As<T, double>(dydz);
            switch (kind)
            {
                case KernelKind.Sigmoid: DoubleKernels.SigmoidDerivative(zd, dd); break;
                case KernelKind.Tanh: DoubleKernels.TanhDerivative(zd, dd); break;
                case KernelKind.Relu: DoubleKernels.ReluDerivative(zd, dd); break;
                case KernelKind.Relu6: DoubleKernels.Relu6Derivative(zd, dd); break;
                case KernelKind.HardTanh: DoubleKernels.HardTanhDerivative(zd, dd); break;
                case KernelKind.HardSigmoid: DoubleKernels.HardSigmoidDerivative(zd, dd); break;
                default: DoubleKernels.LeakyReluDerivative(zd, dd); break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void DerivativeFromOutput<T>(KernelKind kind, ReadOnlySpan<T> y, Span<T> dydz)
    {
        if (typeof(T) == typeof(float))
        {
            ReadOnlySpan<float> ys = As<T, float>(y);
            Span<float> ds = As<T, float>(dydz);
            switch (kind)
            {
                case KernelKind.Sigmoid: SingleKernels.SigmoidDerivativeFromOutput(ys, ds); break;
                case KernelKind.Tanh: SingleKernels.TanhDerivativeFromOutput(ys, ds); break;
                case KernelKind.Relu: SingleKernels.ReluDerivativeFromOutput(ys, ds); break;
                case KernelKind.Relu6: SingleKernels.Relu6DerivativeFromOutput(ys, ds); break;
                case KernelKind.HardTanh: SingleKernels.HardTanhDerivativeFromOutput(ys, ds); break;
                case KernelKind.HardSigmoid: throw new NotSupportedException("HardSigmoid has no from-output derivative.");
                default: SingleKernels.LeakyReluDerivativeFromOutput(ys, ds); break;
            }
        }
        else
        {
            ReadOnlySpan<double> yd = As<T, double>(y);
            Span<double> dd = As<T, double>(dydz);
            switch (kind)
            {
                case KernelKind.Sigmoid: DoubleKernels.SigmoidDerivativeFromOutput(yd, dd); break;
                case KernelKind.Tanh: DoubleKernels.TanhDerivativeFromOutput(yd, dd); break;
                case KernelKind.Relu: DoubleKernels.ReluDerivativeFromOutput(yd, dd); break;
                case KernelKind.Relu6: DoubleKernels.Relu6DerivativeFromOutput(yd, dd); break;
                case KernelKind.HardTanh: DoubleKernels.HardTanhDerivativeFromOutput(yd, dd); break;
                case KernelKind.HardSigmoid: throw new NotSupportedException("HardSigmoid has no from-output derivative.");
                default: DoubleKernels.LeakyReluDerivativeFromOutput(yd, dd); break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Backward<T>(KernelKind kind, ReadOnlySpan<T> z, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        if (typeof(T) == typeof(float))
        {
            ReadOnlySpan<float> zs = As<T, float>(z);
            ReadOnlySpan<float> gs = As<T, float>(gradOutput);
            Span<float> rs = As<T, float>(gradInput);
            switch (kind)
            {
                case KernelKind.Sigmoid: SingleKernels.SigmoidBackward(zs, gs, rs); break;
                case KernelKind.Tanh: SingleKernels.TanhBackward(zs, gs, rs); break;
                case KernelKind.Relu: SingleKernels.ReluBackward(zs, gs, rs); break;
                case KernelKind.Relu6: SingleKernels.Relu6Backward(zs, gs, rs); break;
                case KernelKind.HardTanh: SingleKernels.HardTanhBackward(zs, gs, rs); break;
                case KernelKind.HardSigmoid: SingleKernels.HardSigmoidBackward(zs, gs, rs); break;
                default: SingleKernels.LeakyReluBackward(zs, gs, rs); break;
            }
        }
        else
        {
            ReadOnlySpan<double> zd = As<T, double>(z);
            ReadOnlySpan<double> gd = As<T, double>(gradOutput);
            Span<double> rd = As<T, double>(gradInput);
            switch (kind)
            {
                case KernelKind.Sigmoid: DoubleKernels.SigmoidBackward(zd, gd, rd); break;
                case KernelKind.Tanh: DoubleKernels.TanhBackward(zd, gd, rd); break;
                case KernelKind.Relu: DoubleKernels.ReluBackward(zd, gd, rd); break;
                case KernelKind.Relu6: DoubleKernels.Relu6Backward(zd, gd, rd); break;
                case KernelKind.HardTanh: DoubleKernels.HardTanhBackward(zd, gd, rd); break;
                case KernelKind.HardSigmoid: DoubleKernels.HardSigmoidBackward(zd, gd, rd); break;
                default: DoubleKernels.LeakyReluBackward(zd, gd, rd); break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ForwardWithDerivative<T>(KernelKind kind, ReadOnlySpan<T> z, Span<T> y, Span<T> dydz)
    {
        if (typeof(T) == typeof(float))
        {
            ReadOnlySpan<float> zs = As<T, float>(z);
            Span<float> ys = As<T, float>(y);
            Span<float> ds = As<T, float>(dydz);
            switch (kind)
            {
                case KernelKind.Sigmoid: SingleKernels.SigmoidForward(zs, ys, ds); break;
                case KernelKind.Tanh: SingleKernels.TanhForward(zs, ys, ds); break;
                case KernelKind.Relu: SingleKernels.ReluForward(zs, ys, ds); break;
                case KernelKind.Relu6: SingleKernels.Relu6Forward(zs, ys, ds); break;
                case KernelKind.HardTanh: SingleKernels.HardTanhForward(zs, ys, ds); break;
                case KernelKind.HardSigmoid: SingleKernels.HardSigmoidForward(zs, ys, ds); break;
                default: SingleKernels.LeakyReluForward(zs, ys, ds); break;
            }
        }
        else
        {
            ReadOnlySpan<double> zd = As<T, double>(z);
            Span<double> yd = As<T, double>(y);
            Span<double> dd = As<T, double>(dydz);
            switch (kind)
            {
                case KernelKind.Sigmoid: DoubleKernels.SigmoidForward(zd, yd, dd); break;
                case KernelKind.Tanh: DoubleKernels.TanhForward(zd, yd, dd); break;
                case KernelKind.Relu: DoubleKernels.ReluForward(zd, yd, dd); break;
                case KernelKind.Relu6: DoubleKernels.Relu6Forward(zd, yd, dd); break;
                case KernelKind.HardTanh: DoubleKernels.HardTanhForward(zd, yd, dd); break;
                case KernelKind.HardSigmoid: DoubleKernels.HardSigmoidForward(zd, yd, dd); break;
                default: DoubleKernels.LeakyReluForward(zd, yd, dd); break;
            }
        }
    }

    // Reinterprets without the length arithmetic of MemoryMarshal.Cast: the caller has established TTo == TFrom.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<TTo> As<TFrom, TTo>(ReadOnlySpan<TFrom> span)
        => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TFrom, TTo>(ref MemoryMarshal.GetReference(span)), span.Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Span<TTo> As<TFrom, TTo>(Span<TFrom> span)
        => MemoryMarshal.CreateSpan(ref Unsafe.As<TFrom, TTo>(ref MemoryMarshal.GetReference(span)), span.Length);
}
