using System;
using ActivationGen;

namespace ActivationGen.Numerics.Tests;

// The families under test, declared the way a user declares them. Each kind is declared once per element
// type; float and double use opposite shapes, so both declared shapes are covered for every kind.

public static partial class SingleActivations
{
    [Activation(Kind.Sigmoid)]
    public static partial float Sigmoid(float z);

    [Activation(Kind.Tanh)]
    public static partial void Tanh(ReadOnlySpan<float> z, Span<float> y);

    [Activation(Kind.Relu)]
    public static partial float Relu(float z);

    [Activation(Kind.LeakyRelu, Slope = 0.01)]
    public static partial void LeakyRelu(ReadOnlySpan<float> z, Span<float> y);

    [Activation(Kind.LeakyRelu, Slope = 0.2)]
    public static partial float LeakyRelu02(float z);

    // Slopes at the ends of the valid (0, 1) as floats: the smallest normal float and the float just below 1.
    [Activation(Kind.LeakyRelu, Slope = 1.1754944e-38)]
    public static partial void LeakyReluSmallestSlope(ReadOnlySpan<float> z, Span<float> y);

    [Activation(Kind.LeakyRelu, Slope = 0.99999994)]
    public static partial float LeakyReluSlopeNearOne(float z);

    [Activation(Kind.Relu6)]
    public static partial void Relu6(ReadOnlySpan<float> z, Span<float> y);

    [Activation(Kind.HardTanh)]
    public static partial float HardTanh(float z);

    [Activation(Kind.HardTanh, Min = -0.25, Max = 2.5)]
    public static partial void HardTanhWide(ReadOnlySpan<float> z, Span<float> y);

    // Zero bounds keep their ≤ / ≥ comparisons (z = ∓0 gives the bound's own zero); the others are one-sided bounds.
    [Activation(Kind.HardTanh, Min = -2, Max = 0)]
    public static partial float HardTanhUpToZero(float z);

    [Activation(Kind.HardTanh, Min = -0.0, Max = 1)]
    public static partial void HardTanhFromNegativeZero(ReadOnlySpan<float> z, Span<float> y);

    [Activation(Kind.HardSigmoid)]
    public static partial void HardSigmoid(ReadOnlySpan<float> z, Span<float> y);
}

public static partial class DoubleActivations
{
    [Activation(Kind.Sigmoid)]
    public static partial void Sigmoid(ReadOnlySpan<double> z, Span<double> y);

    [Activation(Kind.Tanh)]
    public static partial double Tanh(double z);

    [Activation(Kind.Relu)]
    public static partial void Relu(ReadOnlySpan<double> z, Span<double> y);

    [Activation(Kind.LeakyRelu)]
    public static partial double LeakyRelu(double z);

    [Activation(Kind.LeakyRelu, Slope = 0.2)]
    public static partial void LeakyRelu02(ReadOnlySpan<double> z, Span<double> y);

    [Activation(Kind.LeakyRelu, Slope = 2.2250738585072014e-308)]
    public static partial void LeakyReluSmallestSlope(ReadOnlySpan<double> z, Span<double> y);

    [Activation(Kind.Relu6)]
    public static partial double Relu6(double z);

    [Activation(Kind.HardTanh)]
    public static partial void HardTanh(ReadOnlySpan<double> z, Span<double> y);

    [Activation(Kind.HardTanh, Min = -0.25, Max = 2.5)]
    public static partial double HardTanhWide(double z);

    // Zero bounds keep their ≤ / ≥ comparisons (z = ∓0 gives the bound's own zero); the others are one-sided bounds.
    [Activation(Kind.HardTanh, Min = -2, Max = 0)]
    public static partial void HardTanhUpToZero(ReadOnlySpan<double> z, Span<double> y);

    [Activation(Kind.HardTanh, Min = -0.0, Max = 1)]
    public static partial double HardTanhFromNegativeZero(double z);

    [Activation(Kind.HardSigmoid)]
    public static partial double HardSigmoid(double z);
}
