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
}
