using System;
using ActivationGen;

namespace Quickstart;

/// <summary>
/// The four activations, declared once each. The generator writes the bodies and, for each, the whole
/// family: <c>NDerivative</c>, the span forms, <c>NForward</c>, <c>NBackward</c>, <c>NDerivativeFromOutput</c>
/// and <c>NBackwardFromOutput</c>, whichever shape (scalar or span) was declared.
/// </summary>
internal static partial class Act
{
    [Activation(Kind.Sigmoid)]
    public static partial float Sigmoid(float z);

    [Activation(Kind.Tanh)]
    public static partial void Tanh(ReadOnlySpan<float> z, Span<float> y);

    [Activation(Kind.Relu)]
    public static partial float Relu(float z);

    [Activation(Kind.LeakyRelu, Slope = 0.01)]
    public static partial float LeakyRelu(float z);
}
