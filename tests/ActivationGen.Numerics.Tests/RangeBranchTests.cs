using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Xunit;

namespace ActivationGen.Numerics.Tests;

/// <summary>
/// The vector kernels of sigmoid and tanh pick, per vector, between a short form (every |z| up to a limit: for the
/// forward 16 for sigmoid float, 36 for double, half that for tanh, where 1 + 2^n is exact; for the derivatives
/// exp's normal range, 64 and 600, half that for tanh) and the general form. The grids of
/// <see cref="SpanConsistencyTests"/> put a special value into nearly every vector, so they mostly reach the
/// general form; here whole spans are drawn from [−R, R] for ranges R below, at and beyond each limit, so that
/// both forms, and vectors that straddle the limit, are compared with the scalar members bit for bit.
/// </summary>
public class RangeBranchTests
{
    private static readonly double[] Ranges = [0.5, 4, 7.5, 8, 8.5, 15.5, 16, 16.5, 17.5, 18, 18.5, 20, 31.5, 32, 33, 35.5, 36, 36.5, 63.5, 64, 65, 100, 299, 300, 301, 599, 600, 601, 800];

    public static IEnumerable<object[]> SingleCases => Families.SingleNames;

    public static IEnumerable<object[]> DoubleCases => Families.DoubleNames;

    [Theory]
    [MemberData(nameof(SingleCases))]
    public void Single_span_members_match_scalar_members_inside_and_across_the_normal_range(string name)
        => Check(Families.SingleNamed(name));

    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void Double_span_members_match_scalar_members_inside_and_across_the_normal_range(string name)
        => Check(Families.DoubleNamed(name));

    /// <summary>Uniform in [−range, range], with ±range, the values either side of it and ±0 sprinkled in (one in 64):
    /// the value just above a limit sends its vector to the general form.</summary>
    internal static T[] Inputs<T>(double range, int count, int seed)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        T edge = T.CreateTruncating(range);
        T[] specials = [edge, -edge, T.BitDecrement(edge), -T.BitDecrement(edge), T.BitIncrement(edge), -T.BitIncrement(edge), T.Zero, T.NegativeZero];
        var values = new T[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = random.Next(64) == 0
                ? specials[random.Next(specials.Length)]
                : T.CreateTruncating(((random.NextDouble() * 2) - 1) * range);
        }

        return values;
    }

    private static void Check<T>(Family<T> f)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int seed = 0;
        foreach (double range in Ranges)
        {
            foreach (int length in new[] { 1, 7, 16, 17, 33, 64, 257, 4096 })
            {
                T[] z = Inputs<T>(range, length, seed++);
                T[] g = Inputs<T>(1, length, seed++);
                T[] output = new T[length];
                T[] second = new T[length];

                f.ForwardSpan(z, output);
                SpanConsistencyTests.AssertSameBits<T>(z.Select(f.Forward).ToArray(), output, f.Name + " forward, R = " + range);

                f.DerivativeSpan(z, output);
                SpanConsistencyTests.AssertSameBits<T>(z.Select(f.Derivative).ToArray(), output, f.Name + " derivative, R = " + range);

                f.ForwardWithDerivative(z, output, second);
                SpanConsistencyTests.AssertSameBits<T>(z.Select(f.Forward).ToArray(), output, f.Name + " Forward (y), R = " + range);
                SpanConsistencyTests.AssertSameBits<T>(z.Select(f.Derivative).ToArray(), second, f.Name + " Forward (dydz), R = " + range);

                f.Backward(z, g, output);
                SpanConsistencyTests.AssertSameBits<T>(z.Select((v, i) => g[i] * f.Derivative(v)).ToArray(), output, f.Name + " Backward, R = " + range);

                // In place through the unrolled loop (four blocks loaded before the first store) and the last block.
                T[] inPlace = z.ToArray();
                f.ForwardSpan(inPlace, inPlace);
                SpanConsistencyTests.AssertSameBits<T>(z.Select(f.Forward).ToArray(), inPlace, f.Name + " forward in place, R = " + range);
                inPlace = z.ToArray();
                f.DerivativeSpan(inPlace, inPlace);
                SpanConsistencyTests.AssertSameBits<T>(z.Select(f.Derivative).ToArray(), inPlace, f.Name + " derivative in place, R = " + range);
            }
        }
    }
}
