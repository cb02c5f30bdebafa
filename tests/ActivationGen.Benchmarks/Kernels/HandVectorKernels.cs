using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Benchmarks.Kernels;

/// <summary>
/// The careful hand-written ReLU-family loops an expert would write without the generator: the widest
/// accelerated vector (Vector512, else Vector256, else Vector128), four vectors per iteration, one instruction
/// per vector for ReLU (<c>max(z, 0)</c>), two for leaky ReLU (<c>max(z, slope·z)</c>, valid for 0 &lt; slope &lt; 1),
/// two for ReLU6 and hard tanh (<c>min(max(z, lo), hi)</c>) and three for hard sigmoid (<c>min(max(fma(z, 1/6, 1/2), 0), 1)</c>),
/// and the tail done as one overlapping vector loaded before the loop (so in-place calls stay correct).
/// <c>MaxNative</c>/<c>MinNative</c> are the bare <c>vmaxps</c>/<c>vminps</c> (<c>…pd</c>): for a NaN input they return the
/// second operand, which the generated kernels do not (they return NaN); the benchmark inputs hold no NaN, so
/// outputs agree. The clamps use them rather than <c>Vector*.Min</c>/<c>Max</c>/<c>Clamp</c>, whose IEEE NaN and −0
/// handling costs extra compares and blends on x86: an expert who knows the data has no NaN writes the native pair
/// (which is what <c>ClampNative</c> is), and that is the fastest anchor, so the comparison is not flattering.
/// Hard sigmoid as z·(1/6) + 1/2 with one fused multiply-add is what such an expert writes; it is not the
/// generated kernel's (z + 3)/6 (within 1.17 ulp): near z = −3 the two terms cancel, so the result is only good to
/// about one unit in the last place of 1/2 in absolute terms (relative error up to 100 % for the tiniest outputs).
/// The benchmarks check it against the reference with an absolute tolerance for that reason.
/// </summary>
internal static class HandVectorKernels
{
    public static void Relu<T>(ReadOnlySpan<T> z, Span<T> y)
        where T : unmanaged, INumber<T>
        => Apply<T, ReluOperator<T>>(z, y);

    public static void LeakyRelu<T>(ReadOnlySpan<T> z, Span<T> y)
        where T : unmanaged, INumber<T>
        => Apply<T, LeakyReluOperator<T>>(z, y);

    public static void Relu6<T>(ReadOnlySpan<T> z, Span<T> y)
        where T : unmanaged, INumber<T>
        => Apply<T, Relu6Operator<T>>(z, y);

    public static void HardTanh<T>(ReadOnlySpan<T> z, Span<T> y)
        where T : unmanaged, INumber<T>
        => Apply<T, HardTanhOperator<T>>(z, y);

    public static void HardSigmoid<T>(ReadOnlySpan<T> z, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Apply<T, HardSigmoidOperator<T>>(z, y);

    private interface IVectorOperator<T>
        where T : unmanaged
    {
        static abstract T Invoke(T z);

        static abstract Vector128<T> Invoke(Vector128<T> z);

        static abstract Vector256<T> Invoke(Vector256<T> z);

        static abstract Vector512<T> Invoke(Vector512<T> z);
    }

    private readonly struct ReluOperator<T> : IVectorOperator<T>
        where T : unmanaged, INumber<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Invoke(T z) => z > T.Zero ? z : T.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<T> Invoke(Vector128<T> z) => Vector128.MaxNative(z, Vector128<T>.Zero);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> Invoke(Vector256<T> z) => Vector256.MaxNative(z, Vector256<T>.Zero);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<T> Invoke(Vector512<T> z) => Vector512.MaxNative(z, Vector512<T>.Zero);
    }

    private readonly struct LeakyReluOperator<T> : IVectorOperator<T>
        where T : unmanaged, INumber<T>
    {
        // A static readonly of an initialised class is a constant to the optimising JIT: the broadcast is hoisted.
        private static readonly T Slope = T.CreateTruncating(KernelConstants.LeakySlope);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Invoke(T z) => z > T.Zero ? z : Slope * z;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<T> Invoke(Vector128<T> z) => Vector128.MaxNative(z, z * Vector128.Create(Slope));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> Invoke(Vector256<T> z) => Vector256.MaxNative(z, z * Vector256.Create(Slope));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<T> Invoke(Vector512<T> z) => Vector512.MaxNative(z, z * Vector512.Create(Slope));
    }

    private readonly struct Relu6Operator<T> : IVectorOperator<T>
        where T : unmanaged, INumber<T>
    {
        private static readonly T Six = T.CreateTruncating(KernelConstants.Relu6Max);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Invoke(T z) => z > T.Zero ? (z < Six ? z : Six) : T.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<T> Invoke(Vector128<T> z) => Vector128.MinNative(Vector128.MaxNative(z, Vector128<T>.Zero), Vector128.Create(Six));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> Invoke(Vector256<T> z) => Vector256.MinNative(Vector256.MaxNative(z, Vector256<T>.Zero), Vector256.Create(Six));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<T> Invoke(Vector512<T> z) => Vector512.MinNative(Vector512.MaxNative(z, Vector512<T>.Zero), Vector512.Create(Six));
    }

    private readonly struct HardTanhOperator<T> : IVectorOperator<T>
        where T : unmanaged, INumber<T>
    {
        private static readonly T Min = T.CreateTruncating(KernelConstants.HardTanhMin);
        private static readonly T Max = T.CreateTruncating(KernelConstants.HardTanhMax);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Invoke(T z) => z > Min ? (z < Max ? z : Max) : Min;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<T> Invoke(Vector128<T> z) => Vector128.MinNative(Vector128.MaxNative(z, Vector128.Create(Min)), Vector128.Create(Max));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> Invoke(Vector256<T> z) => Vector256.MinNative(Vector256.MaxNative(z, Vector256.Create(Min)), Vector256.Create(Max));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<T> Invoke(Vector512<T> z) => Vector512.MinNative(Vector512.MaxNative(z, Vector512.Create(Min)), Vector512.Create(Max));
    }

    // clamp(z·(1/6) + 1/2, 0, 1): one fused multiply-add (the float and double overloads; T is one of them, and the
    // typeof tests fold away), then the native max and min.
    private readonly struct HardSigmoidOperator<T> : IVectorOperator<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private static readonly T Sixth = T.One / T.CreateTruncating(6.0);
        private static readonly T Half = T.CreateTruncating(0.5);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Invoke(T z)
        {
            T y = T.FusedMultiplyAdd(z, Sixth, Half);
            return y > T.Zero ? (y < T.One ? y : T.One) : T.Zero;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<T> Invoke(Vector128<T> z)
        {
            Vector128<T> y = typeof(T) == typeof(float)
                ? Vector128.FusedMultiplyAdd(z.AsSingle(), Vector128.Create(1f / 6f), Vector128.Create(0.5f)).As<float, T>()
                : Vector128.FusedMultiplyAdd(z.AsDouble(), Vector128.Create(1.0 / 6.0), Vector128.Create(0.5)).As<double, T>();
            return Vector128.MinNative(Vector128.MaxNative(y, Vector128<T>.Zero), Vector128<T>.One);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> Invoke(Vector256<T> z)
        {
            Vector256<T> y = typeof(T) == typeof(float)
                ? Vector256.FusedMultiplyAdd(z.AsSingle(), Vector256.Create(1f / 6f), Vector256.Create(0.5f)).As<float, T>()
                : Vector256.FusedMultiplyAdd(z.AsDouble(), Vector256.Create(1.0 / 6.0), Vector256.Create(0.5)).As<double, T>();
            return Vector256.MinNative(Vector256.MaxNative(y, Vector256<T>.Zero), Vector256<T>.One);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<T> Invoke(Vector512<T> z)
        {
            Vector512<T> y = typeof(T) == typeof(float)
                ? Vector512.FusedMultiplyAdd(z.AsSingle(), Vector512.Create(1f / 6f), Vector512.Create(0.5f)).As<float, T>()
                : Vector512.FusedMultiplyAdd(z.AsDouble(), Vector512.Create(1.0 / 6.0), Vector512.Create(0.5)).As<double, T>();
            return Vector512.MinNative(Vector512.MaxNative(y, Vector512<T>.Zero), Vector512<T>.One);
        }
    }

    private static void Apply<T, TOperator>(ReadOnlySpan<T> z, Span<T> y)
        where T : unmanaged
        where TOperator : IVectorOperator<T>
    {
        if (y.Length < z.Length)
        {
            throw new ArgumentException("Destination is shorter than the input.", nameof(y));
        }

        ref T zRef = ref MemoryMarshal.GetReference(z);
        ref T yRef = ref MemoryMarshal.GetReference(y);
        nuint length = (nuint)z.Length;

        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<T>.Count)
        {
            nuint width = (nuint)Vector512<T>.Count;
            nuint last = length - width;
            Vector512<T> tail = TOperator.Invoke(Vector512.LoadUnsafe(ref zRef, last));
            nuint i = 0;
            for (; i + (4 * width) <= length; i += 4 * width)
            {
                Vector512<T> a = TOperator.Invoke(Vector512.LoadUnsafe(ref zRef, i));
                Vector512<T> b = TOperator.Invoke(Vector512.LoadUnsafe(ref zRef, i + width));
                Vector512<T> c = TOperator.Invoke(Vector512.LoadUnsafe(ref zRef, i + (2 * width)));
                Vector512<T> d = TOperator.Invoke(Vector512.LoadUnsafe(ref zRef, i + (3 * width)));
                a.StoreUnsafe(ref yRef, i);
                b.StoreUnsafe(ref yRef, i + width);
                c.StoreUnsafe(ref yRef, i + (2 * width));
                d.StoreUnsafe(ref yRef, i + (3 * width));
            }

            for (; i < last; i += width)
            {
                TOperator.Invoke(Vector512.LoadUnsafe(ref zRef, i)).StoreUnsafe(ref yRef, i);
            }

            tail.StoreUnsafe(ref yRef, last);
            return;
        }

        if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<T>.Count)
        {
            nuint width = (nuint)Vector256<T>.Count;
            nuint last = length - width;
            Vector256<T> tail = TOperator.Invoke(Vector256.LoadUnsafe(ref zRef, last));
            nuint i = 0;
            for (; i + (4 * width) <= length; i += 4 * width)
            {
                Vector256<T> a = TOperator.Invoke(Vector256.LoadUnsafe(ref zRef, i));
                Vector256<T> b = TOperator.Invoke(Vector256.LoadUnsafe(ref zRef, i + width));
                Vector256<T> c = TOperator.Invoke(Vector256.LoadUnsafe(ref zRef, i + (2 * width)));
                Vector256<T> d = TOperator.Invoke(Vector256.LoadUnsafe(ref zRef, i + (3 * width)));
                a.StoreUnsafe(ref yRef, i);
                b.StoreUnsafe(ref yRef, i + width);
                c.StoreUnsafe(ref yRef, i + (2 * width));
                d.StoreUnsafe(ref yRef, i + (3 * width));
            }

            for (; i < last; i += width)
            {
                TOperator.Invoke(Vector256.LoadUnsafe(ref zRef, i)).StoreUnsafe(ref yRef, i);
            }

            tail.StoreUnsafe(ref yRef, last);
            return;
        }

        if (Vector128.IsHardwareAccelerated && length >= (nuint)Vector128<T>.Count)
        {
            nuint width = (nuint)Vector128<T>.Count;
            nuint last = length - width;
            Vector128<T> tail = TOperator.Invoke(Vector128.LoadUnsafe(ref zRef, last));
            nuint i = 0;
            for (; i + (4 * width) <= length; i += 4 * width)
            {
                Vector128<T> a = TOperator.Invoke(Vector128.LoadUnsafe(ref zRef, i));
                Vector128<T> b = TOperator.Invoke(Vector128.LoadUnsafe(ref zRef, i + width));
                Vector128<T> c = TOperator.Invoke(Vector128.LoadUnsafe(ref zRef, i + (2 * width)));
                Vector128<T> d = TOperator.Invoke(Vector128.LoadUnsafe(ref zRef, i + (3 * width)));
                a.StoreUnsafe(ref yRef, i);
                b.StoreUnsafe(ref yRef, i + width);
                c.StoreUnsafe(ref yRef, i + (2 * width));
                d.StoreUnsafe(ref yRef, i + (3 * width));
            }

            for (; i < last; i += width)
            {
                TOperator.Invoke(Vector128.LoadUnsafe(ref zRef, i)).StoreUnsafe(ref yRef, i);
            }

            tail.StoreUnsafe(ref yRef, last);
            return;
        }

        for (nuint i = 0; i < length; i++)
        {
            Unsafe.Add(ref yRef, i) = TOperator.Invoke(Unsafe.Add(ref zRef, i));
        }
    }
}
