using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
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
    public void Single_members_match_the_definition(string name, double slope)
        => Assert.Null(KindDefinitions.ReluMismatch(Families.SingleNamed(name), (float)slope));

    [Theory]
    [InlineData("Relu", 0.0)]
    [InlineData("LeakyRelu", 0.01)]
    [InlineData("LeakyRelu02", 0.2)]
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
