using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Benchmarks.Kernels;

/// <summary>
/// The careful hand-written ReLU and leaky ReLU an expert would write without the generator: the widest
/// accelerated vector (Vector512, else Vector256, else Vector128), four vectors per iteration, one instruction
/// per vector for ReLU (<c>max(z, 0)</c>) and two for leaky ReLU (<c>max(z, slope·z)</c>, valid for 0 &lt; slope &lt; 1),
/// and the tail done as one overlapping vector loaded before the loop (so in-place calls stay correct).
/// <c>MaxNative</c> is the bare <c>vmaxps</c>/<c>vmaxpd</c>: for a NaN input it returns the second operand, which
/// the generated kernels do not (they return NaN); the benchmark inputs hold no NaN, so outputs agree.
/// </summary>
internal static class HandVectorKernels
{
    public static void Relu<T>(ReadOnlySpan<T> z, Span<T> y)
        where T : unmanaged, INumber<T>
        => Apply<T, ReluOperator<T>>(z, y);

    public static void LeakyRelu<T>(ReadOnlySpan<T> z, Span<T> y)
        where T : unmanaged, INumber<T>
        => Apply<T, LeakyReluOperator<T>>(z, y);

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
