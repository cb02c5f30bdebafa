using System;
using System.Numerics;
using Xunit;

namespace ActivationGen.Numerics.Tests;

/// <summary>
/// ReLU and leaky ReLU are exact: every member is checked bit for bit against the definition, written here
/// independently (PyTorch's conventions: ReLU'(0) = 0, LeakyReLU'(0) = Slope; NaN in gives NaN out).
/// </summary>
public class ExactKindTests
{
    [Theory]
    [InlineData("Relu", 0.0)]
    [InlineData("LeakyRelu", 0.01)]
    [InlineData("LeakyRelu02", 0.2)]
    public void Single_members_match_the_definition(string name, double slope)
        => Check(Families.SingleNamed(name), (float)slope);

    [Theory]
    [InlineData("Relu", 0.0)]
    [InlineData("LeakyRelu", 0.01)]
    [InlineData("LeakyRelu02", 0.2)]
    public void Double_members_match_the_definition(string name, double slope)
        => Check(Families.DoubleNamed(name), slope);

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

    private static void Check<T>(Family<T> family, T slope)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        bool relu = slope == T.Zero;
        foreach (T z in ReferenceData.Grid<T>())
        {
            T y = T.IsNaN(z) ? z : z > T.Zero ? z : relu ? T.Zero : slope * z;
            T dy = T.IsNaN(z) ? z : z > T.Zero ? T.One : slope;
            Same(y, family.Forward(z), z);
            Same(dy, family.Derivative(z), z);
            Same(dy, family.DerivativeFromOutput!(family.Forward(z)), z);
        }
    }

    internal static void Same<T>(T expected, T actual, T input)
        where T : IBinaryFloatingPointIeee754<T>
    {
        bool same = (T.IsNaN(expected) && T.IsNaN(actual)) || (expected == actual && T.IsNegative(expected) == T.IsNegative(actual));
        Assert.True(same, $"at {input}: expected {expected}, got {actual}");
    }
}
