using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Xunit;

namespace ActivationGen.Numerics.Tests;

/// <summary>
/// The span members against the scalar members, bit for bit: every length 0…300 (so every vector width
/// in turn handles the bulk, the overlapping last block and short spans), unaligned starts, in place,
/// and inputs that include NaN, ±∞, ±0, subnormals and the exp edges.
/// </summary>
public class SpanConsistencyTests
{
    public static IEnumerable<object[]> SingleCases => Families.SingleNames;

    public static IEnumerable<object[]> DoubleCases => Families.DoubleNames;

    [Theory]
    [MemberData(nameof(SingleCases))]
    public void Single_span_members_match_scalar_members_for_every_length(string name) => Check(Families.SingleNamed(name));

    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void Double_span_members_match_scalar_members_for_every_length(string name) => Check(Families.DoubleNamed(name));

    /// <summary>Inputs mixing the special values into ordinary ones, with a deterministic shuffle.</summary>
    internal static T[] Inputs<T>(int count, int seed)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T[] grid = ReferenceData.Grid<T>();
        var random = new Random(seed);
        var values = new T[count];
        for (int i = 0; i < count; i++)
        {
            // One in four from the first 37 grid entries: the special values and edges.
            values[i] = random.Next(4) == 0 ? grid[random.Next(37)] : grid[random.Next(grid.Length)];
        }

        return values;
    }

    internal static void AssertSameBits<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, string what)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int i = 0; i < expected.Length; i++)
        {
            bool same = (T.IsNaN(expected[i]) && T.IsNaN(actual[i]))
                || (expected[i] == actual[i] && T.IsNegative(expected[i]) == T.IsNegative(actual[i]));
            Assert.True(same, $"{what}: element {i} of {expected.Length}: scalar {expected[i]}, span {actual[i]}");
        }
    }

    private static void Check<T>(Family<T> f)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int length = 0; length <= 300; length++)
        {
            int offset = length % 4; // unaligned starts
            T[] buffer = Inputs<T>(length + offset, seed: length);
            ReadOnlySpan<T> z = buffer.AsSpan(offset, length);
            T[] g = Inputs<T>(length, seed: 1000 + length);
            T[] y = z.ToArray().Select(f.Forward).ToArray();

            T[] expectedForward = z.ToArray().Select(f.Forward).ToArray();
            T[] expectedDerivative = z.ToArray().Select(f.Derivative).ToArray();
            T[] expectedBackward = z.ToArray().Select((v, i) => g[i] * f.Derivative(v)).ToArray();

            T[] output = new T[length + 3];
            f.ForwardSpan(z, output.AsSpan(3));
            AssertSameBits<T>(expectedForward, output.AsSpan(3, length), f.Name + " forward");

            f.DerivativeSpan(z, output.AsSpan(1));
            AssertSameBits<T>(expectedDerivative, output.AsSpan(1, length), f.Name + " derivative");

            T[] y2 = new T[length], d2 = new T[length];
            f.ForwardWithDerivative(z, y2, d2);
            AssertSameBits<T>(expectedForward, y2, f.Name + " Forward (y)");
            AssertSameBits<T>(expectedDerivative, d2, f.Name + " Forward (dydz)");

            f.Backward(z, g, output);
            AssertSameBits<T>(expectedBackward, output.AsSpan(0, length), f.Name + " Backward");

            if (f.DerivativeFromOutput is not null)
            {
                T[] expectedFromOutput = y.Select(f.DerivativeFromOutput).ToArray();
                f.DerivativeFromOutputSpan!(y, output);
                AssertSameBits<T>(expectedFromOutput, output.AsSpan(0, length), f.Name + " DerivativeFromOutput");
                f.BackwardFromOutput!(y, g, output);
                AssertSameBits<T>(y.Select((v, i) => g[i] * f.DerivativeFromOutput(v)).ToArray(), output.AsSpan(0, length), f.Name + " BackwardFromOutput");
            }

            // In place: output is the input span.
            T[] inPlace = z.ToArray();
            f.ForwardSpan(inPlace, inPlace);
            AssertSameBits<T>(expectedForward, inPlace, f.Name + " forward in place");

            inPlace = z.ToArray();
            f.DerivativeSpan(inPlace, inPlace);
            AssertSameBits<T>(expectedDerivative, inPlace, f.Name + " derivative in place");

            inPlace = z.ToArray();
            T[] d3 = new T[length];
            f.ForwardWithDerivative(inPlace, inPlace, d3);
            AssertSameBits<T>(expectedForward, inPlace, f.Name + " Forward in place (y)");
            AssertSameBits<T>(expectedDerivative, d3, f.Name + " Forward in place (dydz)");

            T[] gradInPlace = g.ToArray();
            f.Backward(z, gradInPlace, gradInPlace);
            AssertSameBits<T>(expectedBackward, gradInPlace, f.Name + " Backward in place (gradOutput)");

            inPlace = z.ToArray();
            f.Backward(inPlace, g, inPlace);
            AssertSameBits<T>(expectedBackward, inPlace, f.Name + " Backward in place (z)");
        }
    }
}
