using System;
using ActivationGen;

namespace ActivationGen.Benchmarks.Kernels;

// The kernels under measurement, declared exactly as a user declares them: this project consumes the generator
// as an analyzer, so these bodies are what a user's build produces. Float uses the span shape and double the
// scalar shape; the generator emits the whole family (span members included) for either.

public static partial class SingleKernels
{
    [Activation(Kind.Sigmoid)]
    public static partial void Sigmoid(ReadOnlySpan<float> z, Span<float> y);

    [Activation(Kind.Tanh)]
    public static partial void Tanh(ReadOnlySpan<float> z, Span<float> y);

    [Activation(Kind.Relu)]
    public static partial void Relu(ReadOnlySpan<float> z, Span<float> y);

    [Activation(Kind.LeakyRelu, Slope = 0.01)]
    public static partial void LeakyRelu(ReadOnlySpan<float> z, Span<float> y);

    [Activation(Kind.Relu6)]
    public static partial void Relu6(ReadOnlySpan<float> z, Span<float> y);

    [Activation(Kind.HardTanh, Min = -1, Max = 1)]
    public static partial void HardTanh(ReadOnlySpan<float> z, Span<float> y);

    [Activation(Kind.HardSigmoid)]
    public static partial void HardSigmoid(ReadOnlySpan<float> z, Span<float> y);
}

public static partial class DoubleKernels
{
    [Activation(Kind.Sigmoid)]
    public static partial double Sigmoid(double z);

    [Activation(Kind.Tanh)]
    public static partial double Tanh(double z);

    [Activation(Kind.Relu)]
    public static partial double Relu(double z);

    [Activation(Kind.LeakyRelu, Slope = 0.01)]
    public static partial double LeakyRelu(double z);

    [Activation(Kind.Relu6)]
    public static partial double Relu6(double z);

    [Activation(Kind.HardTanh, Min = -1, Max = 1)]
    public static partial double HardTanh(double z);

    [Activation(Kind.HardSigmoid)]
    public static partial double HardSigmoid(double z);
}
