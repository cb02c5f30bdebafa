using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xunit;

namespace ActivationGen.Numerics.Tests;

/// <summary>
/// ReLU, leaky ReLU, ReLU6 and hard tanh are exact, and so are the hard sigmoid's derivatives: every member is
/// checked bit for bit against the definition, written independently in <see cref="KindDefinitions"/>
/// (PyTorch's conventions: ReLU'(0) = 0, LeakyReLU'(0) = Slope, hardtanh' = 0 at both edges; NaN in gives NaN out).
/// </summary>
public class ExactKindTests
{
    [Theory]
    [InlineData("Relu", 0.0)]
    [InlineData("LeakyRelu", 0.01)]
    [InlineData("LeakyRelu02", 0.2)]
    [InlineData("LeakyReluSmallestSlope", 1.1754944e-38)]
    [InlineData("LeakyReluSlopeNearOne", 0.99999994)]
    public void Single_members_match_the_definition(string name, double slope)
        => Assert.Null(KindDefinitions.ReluMismatch(Families.SingleNamed(name), (float)slope));

    [Theory]
    [InlineData("Relu", 0.0)]
    [InlineData("LeakyRelu", 0.01)]
    [InlineData("LeakyRelu02", 0.2)]
    [InlineData("LeakyReluSmallestSlope", 2.2250738585072014e-308)]
    public void Double_members_match_the_definition(string name, double slope)
        => Assert.Null(KindDefinitions.ReluMismatch(Families.DoubleNamed(name), slope));

    [Theory]
    [InlineData("Relu6", 0.0, 6.0)]
    [InlineData("HardTanh", -1.0, 1.0)]
    [InlineData("HardTanhWide", -0.25, 2.5)]
    [InlineData("HardTanhUpToZero", -2.0, 0.0)]
    [InlineData("HardTanhFromNegativeZero", -0.0, 1.0)]
    public void Single_clamps_match_the_definition(string name, double min, double max)
        => Assert.Null(KindDefinitions.ClampMismatch(Families.SingleNamed(name), (float)min, (float)max));

    [Theory]
    [InlineData("Relu6", 0.0, 6.0)]
    [InlineData("HardTanh", -1.0, 1.0)]
    [InlineData("HardTanhWide", -0.25, 2.5)]
    [InlineData("HardTanhUpToZero", -2.0, 0.0)]
    [InlineData("HardTanhFromNegativeZero", -0.0, 1.0)]
    public void Double_clamps_match_the_definition(string name, double min, double max)
        => Assert.Null(KindDefinitions.ClampMismatch(Families.DoubleNamed(name), min, max));

    public static IEnumerable<object[]> PiecewiseLinearSingle => Families.SingleNames.Where(n => IsPiecewiseLinear((string)n[0]));

    public static IEnumerable<object[]> PiecewiseLinearDouble => Families.DoubleNames.Where(n => IsPiecewiseLinear((string)n[0]));

    /// <summary>
    /// The span forward of the piecewise-linear kinds (one VFIXUPIMM for ReLU's zero bound, one MAXPS for leaky
    /// ReLU, MAXPS/MINPS for the other bounds) gives exactly the scalar member's bits, NaN payloads and signalling
    /// NaNs included, with each special value in every lane of the widest vector and in the scalar tail.
    /// </summary>
    [Theory]
    [MemberData(nameof(PiecewiseLinearSingle))]
    public void Single_span_forward_keeps_the_scalar_bits_of_special_inputs(string name)
    {
        uint[] patterns =
        [
            0x7F800001, 0xFF800001, 0x7FA00000, 0x7FC00000, 0xFFC00001, 0x7FFFFFFF, 0x00000000, 0x80000000, 0x00000001, 0x80000001,
            0x007FFFFF, 0x807FFFFF, 0x00800000, 0x80800000, 0x3F800000, 0xBF800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x7F800000, 0xFF800000,
            0x40C00000, 0xC0C00000, 0x3E800000, 0xBE800000,
        ];
        CheckSpecialBits(Families.SingleNamed(name), MemoryMarshal.Cast<uint, float>(patterns).ToArray());
    }

    [Theory]
    [MemberData(nameof(PiecewiseLinearDouble))]
    public void Double_span_forward_keeps_the_scalar_bits_of_special_inputs(string name)
    {
        ulong[] patterns =
        [
            0x7FF0000000000001, 0xFFF0000000000001, 0x7FF4000000000000, 0x7FF8000000000000, 0xFFF8000000000001, 0x0000000000000000,
            0x8000000000000000, 0x0000000000000001, 0x8000000000000001, 0x0010000000000000, 0x8010000000000000, 0x3FF0000000000000,
            0xBFF0000000000000, 0x7FEFFFFFFFFFFFFF, 0xFFEFFFFFFFFFFFFF, 0x7FF0000000000000, 0xFFF0000000000000, 0x4018000000000000,
            0xC018000000000000,
        ];
        CheckSpecialBits(Families.DoubleNamed(name), MemoryMarshal.Cast<ulong, double>(patterns).ToArray());
    }

    [Fact]
    public void Relu_span_forward_gives_positive_zero_and_keeps_signalling_NaN_bits()
    {
        // By hand: max(0, z) with relu(−0) = +0 and NaN passed through untouched.
        float[] z = MemoryMarshal.Cast<uint, float>(new uint[] { 0x7F800001, 0x80000000, 0x80000001, 0xFF800000, 0x00000001, 0x3F800000 }).ToArray();
        float[] input = Enumerable.Range(0, 96).Select(i => z[i % z.Length]).ToArray();
        float[] y = new float[input.Length];
        SingleActivations.Relu(input, y);
        uint[] expected = [0x7F800001, 0, 0, 0, 0x00000001, 0x3F800000];
        for (int i = 0; i < y.Length; i++)
        {
            Assert.Equal(expected[i % expected.Length], BitConverter.SingleToUInt32Bits(y[i]));
        }
    }

    private static bool IsPiecewiseLinear(string name) => name.Contains("Relu") || name.StartsWith("HardTanh");

    private static void CheckSpecialBits<T>(Family<T> f, T[] patterns)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        // Rotations put each value in each lane; lengths past 4 × 64 bytes reach the unrolled loop, the single-block
        // loop and the overlapping last block.
        for (int rotation = 0; rotation < patterns.Length; rotation++)
        {
            T[] z = Enumerable.Range(0, 300 / Unsafe.SizeOf<T>() * 4 + rotation).Select(i => patterns[(i + rotation) % patterns.Length]).ToArray();
            T[] y = new T[z.Length];
            f.ForwardSpan(z, y);
            for (int i = 0; i < z.Length; i++)
            {
                T expected = f.Forward(z[i]);
                Assert.True(
                    MemoryMarshal.AsBytes(new[] { expected }.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(y.AsSpan(i, 1))),
                    $"{f.Name}: z = {z[i]} (element {i} of {z.Length}): scalar {expected}, span {y[i]}, bits differ");
            }
        }
    }

    [Fact]
    public void Clamp_edges_follow_PyTorch()
    {
        // hardtanh_backward: grad · (min < z < max), so 0 at both edges; relu6 = hardtanh(z, 0, 6).
        Assert.Equal(0f, SingleActivations.Relu6Derivative(0f));
        Assert.Equal(0f, SingleActivations.Relu6Derivative(6f));
        Assert.Equal(1f, SingleActivations.Relu6Derivative(5.9999995f));
        Assert.Equal(6.0, DoubleActivations.Relu6(1e300));
        Assert.True(float.IsPositive(SingleActivations.Relu6(-0f)), "relu6(-0) = +0, as relu");
        Assert.Equal(-1f, SingleActivations.HardTanh(float.NegativeInfinity));
        Assert.Equal(0f, SingleActivations.HardTanhDerivative(-1f));
        Assert.Equal(1f, SingleActivations.HardTanhDerivative(-0.99999994f));
        Assert.Equal(0.0, DoubleActivations.HardTanhWideDerivative(2.5));
        Assert.Equal(0.0, DoubleActivations.HardTanhWideDerivativeFromOutput(2.5));
        Assert.True(double.IsNaN(DoubleActivations.HardTanhWide(double.NaN)));
        Assert.True(float.IsNaN(SingleActivations.HardTanhDerivative(float.NaN)));
        Assert.True(double.IsNaN(DoubleActivations.Relu6DerivativeFromOutput(double.NaN)));
    }

    [Fact]
    public void HardSigmoid_derivative_matches_the_definition()
    {
        // hardsigmoid_backward: grad / 6 for −3 < z < 3, else 0. 1/6 rounded once to the element type.
        foreach (float z in ReferenceData.Grid<float>().Concat(KindDefinitions.Near(3f)).Concat(KindDefinitions.Near(-3f)))
        {
            Same(float.IsNaN(z) ? z : z > -3f && z < 3f ? 1f / 6f : 0f, SingleActivations.HardSigmoidDerivative(z), z);
        }

        foreach (double z in ReferenceData.Grid<double>().Concat(KindDefinitions.Near(3.0)).Concat(KindDefinitions.Near(-3.0)))
        {
            Same(double.IsNaN(z) ? z : z > -3.0 && z < 3.0 ? 1.0 / 6.0 : 0.0, DoubleActivations.HardSigmoidDerivative(z), z);
        }
    }

    [Fact]
    public void HardSigmoid_saturates_exactly_and_stays_inside_its_range()
    {
        Assert.Equal(0f, SingleActivations.HardSigmoid(-3f));
        Assert.True(float.IsPositive(SingleActivations.HardSigmoid(-3f)));
        Assert.Equal(1f, SingleActivations.HardSigmoid(3f));
        Assert.Equal(0.5, DoubleActivations.HardSigmoid(0.0));
        Assert.Equal(0.5, DoubleActivations.HardSigmoid(-0.0));
        Assert.Equal(0.0, DoubleActivations.HardSigmoid(double.NegativeInfinity));
        Assert.Equal(1.0, DoubleActivations.HardSigmoid(double.PositiveInfinity));
        Assert.True(float.IsNaN(SingleActivations.HardSigmoid(float.NaN)));

        // Monotone and inside [0, 1] next to both edges; z + 3 rounds to 6 for the value just below 3 (a tie), so
        // the output is already 1 there, as in PyTorch's relu6(z + 3)/6.
        float previous = 0f;
        foreach (float z in KindDefinitions.Near(-3f).Concat(KindDefinitions.Near(3f)).Order())
        {
            float y = SingleActivations.HardSigmoid(z);
            Assert.True(y >= previous && y <= 1f, $"at {z}: {y} after {previous}");
            previous = y;
        }

        Assert.Equal(1f, SingleActivations.HardSigmoid(float.BitDecrement(3f)));
        Assert.True(SingleActivations.HardSigmoid(float.BitIncrement(-3f)) > 0f);

        // (z + 3)/6 for z = −3 + 2^−22 is 2^−22/6, which z/6 + 1/2 cannot produce (it loses every digit there).
        double exact = Math.Pow(2, -22) / 6;
        float tiny = SingleActivations.HardSigmoid(float.BitIncrement(-3f));
        Assert.True(Math.Abs(tiny - exact) <= 0.5 * (float.BitIncrement(tiny) - tiny), $"got {tiny}, exact {exact}");
    }

    [Fact]
    public void Kinks_follow_PyTorch()
    {
        Assert.Equal(0f, SingleActivations.ReluDerivative(0f));
        Assert.Equal(0f, SingleActivations.ReluDerivative(-0f));
        Assert.Equal(0.01f, SingleActivations.LeakyReluDerivative(0f));
        Assert.Equal(0.2, DoubleActivations.LeakyRelu02Derivative(0.0));
        Assert.Equal(1f, SingleActivations.ReluDerivative(float.Epsilon));
        Assert.True(float.IsPositive(SingleActivations.Relu(-0f)), "relu(-0) = +0");
        Assert.True(float.IsNaN(SingleActivations.Relu(float.NaN)));
        Assert.True(float.IsNaN(SingleActivations.ReluDerivative(float.NaN)));
        Assert.True(double.IsNaN(DoubleActivations.LeakyReluDerivativeFromOutput(double.NaN)));
    }

    private static void Same<T>(T expected, T actual, T input)
        where T : IBinaryFloatingPointIeee754<T>
        => Assert.True(KindDefinitions.Same(expected, actual), $"at {input}: expected {expected}, got {actual}");
}
