using System;
using System.Collections.Generic;
using System.Linq;

namespace ActivationGen.Numerics.Tests;

public delegate void SpanMap<T>(ReadOnlySpan<T> input, Span<T> output);

public delegate void SpanForward<T>(ReadOnlySpan<T> z, Span<T> y, Span<T> dydz);

public delegate void SpanBackward<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

/// <summary>Every generated member of one family, as delegates, so tests treat all kinds alike.</summary>
public sealed record Family<T>(
    string Name,
    Func<T, T> Forward,
    Func<T, T> Derivative,
    Func<T, T>? DerivativeFromOutput,
    SpanMap<T> ForwardSpan,
    SpanMap<T> DerivativeSpan,
    SpanMap<T>? DerivativeFromOutputSpan,
    SpanForward<T> ForwardWithDerivative,
    SpanBackward<T> Backward,
    SpanBackward<T>? BackwardFromOutput)
{
    public override string ToString() => Name;
}

public static class Families
{
    public static readonly IReadOnlyList<Family<float>> Single =
    [
        new("Sigmoid", SingleActivations.Sigmoid, SingleActivations.SigmoidDerivative, SingleActivations.SigmoidDerivativeFromOutput,
            SingleActivations.Sigmoid, SingleActivations.SigmoidDerivative, SingleActivations.SigmoidDerivativeFromOutput,
            SingleActivations.SigmoidForward, SingleActivations.SigmoidBackward, SingleActivations.SigmoidBackwardFromOutput),
        new("Tanh", SingleActivations.Tanh, SingleActivations.TanhDerivative, SingleActivations.TanhDerivativeFromOutput,
            SingleActivations.Tanh, SingleActivations.TanhDerivative, SingleActivations.TanhDerivativeFromOutput,
            SingleActivations.TanhForward, SingleActivations.TanhBackward, SingleActivations.TanhBackwardFromOutput),
        new("Relu", SingleActivations.Relu, SingleActivations.ReluDerivative, SingleActivations.ReluDerivativeFromOutput,
            SingleActivations.Relu, SingleActivations.ReluDerivative, SingleActivations.ReluDerivativeFromOutput,
            SingleActivations.ReluForward, SingleActivations.ReluBackward, SingleActivations.ReluBackwardFromOutput),
        new("LeakyRelu", SingleActivations.LeakyRelu, SingleActivations.LeakyReluDerivative, SingleActivations.LeakyReluDerivativeFromOutput,
            SingleActivations.LeakyRelu, SingleActivations.LeakyReluDerivative, SingleActivations.LeakyReluDerivativeFromOutput,
            SingleActivations.LeakyReluForward, SingleActivations.LeakyReluBackward, SingleActivations.LeakyReluBackwardFromOutput),
        new("LeakyRelu02", SingleActivations.LeakyRelu02, SingleActivations.LeakyRelu02Derivative, SingleActivations.LeakyRelu02DerivativeFromOutput,
            SingleActivations.LeakyRelu02, SingleActivations.LeakyRelu02Derivative, SingleActivations.LeakyRelu02DerivativeFromOutput,
            SingleActivations.LeakyRelu02Forward, SingleActivations.LeakyRelu02Backward, SingleActivations.LeakyRelu02BackwardFromOutput),
        new("LeakyReluSmallestSlope", SingleActivations.LeakyReluSmallestSlope, SingleActivations.LeakyReluSmallestSlopeDerivative, SingleActivations.LeakyReluSmallestSlopeDerivativeFromOutput,
            SingleActivations.LeakyReluSmallestSlope, SingleActivations.LeakyReluSmallestSlopeDerivative, SingleActivations.LeakyReluSmallestSlopeDerivativeFromOutput,
            SingleActivations.LeakyReluSmallestSlopeForward, SingleActivations.LeakyReluSmallestSlopeBackward, SingleActivations.LeakyReluSmallestSlopeBackwardFromOutput),
        new("LeakyReluSlopeNearOne", SingleActivations.LeakyReluSlopeNearOne, SingleActivations.LeakyReluSlopeNearOneDerivative, SingleActivations.LeakyReluSlopeNearOneDerivativeFromOutput,
            SingleActivations.LeakyReluSlopeNearOne, SingleActivations.LeakyReluSlopeNearOneDerivative, SingleActivations.LeakyReluSlopeNearOneDerivativeFromOutput,
            SingleActivations.LeakyReluSlopeNearOneForward, SingleActivations.LeakyReluSlopeNearOneBackward, SingleActivations.LeakyReluSlopeNearOneBackwardFromOutput),
        new("Relu6", SingleActivations.Relu6, SingleActivations.Relu6Derivative, SingleActivations.Relu6DerivativeFromOutput,
            SingleActivations.Relu6, SingleActivations.Relu6Derivative, SingleActivations.Relu6DerivativeFromOutput,
            SingleActivations.Relu6Forward, SingleActivations.Relu6Backward, SingleActivations.Relu6BackwardFromOutput),
        new("HardTanh", SingleActivations.HardTanh, SingleActivations.HardTanhDerivative, SingleActivations.HardTanhDerivativeFromOutput,
            SingleActivations.HardTanh, SingleActivations.HardTanhDerivative, SingleActivations.HardTanhDerivativeFromOutput,
            SingleActivations.HardTanhForward, SingleActivations.HardTanhBackward, SingleActivations.HardTanhBackwardFromOutput),
        new("HardTanhWide", SingleActivations.HardTanhWide, SingleActivations.HardTanhWideDerivative, SingleActivations.HardTanhWideDerivativeFromOutput,
            SingleActivations.HardTanhWide, SingleActivations.HardTanhWideDerivative, SingleActivations.HardTanhWideDerivativeFromOutput,
            SingleActivations.HardTanhWideForward, SingleActivations.HardTanhWideBackward, SingleActivations.HardTanhWideBackwardFromOutput),
        new("HardTanhUpToZero", SingleActivations.HardTanhUpToZero, SingleActivations.HardTanhUpToZeroDerivative, SingleActivations.HardTanhUpToZeroDerivativeFromOutput,
            SingleActivations.HardTanhUpToZero, SingleActivations.HardTanhUpToZeroDerivative, SingleActivations.HardTanhUpToZeroDerivativeFromOutput,
            SingleActivations.HardTanhUpToZeroForward, SingleActivations.HardTanhUpToZeroBackward, SingleActivations.HardTanhUpToZeroBackwardFromOutput),
        new("HardTanhFromNegativeZero", SingleActivations.HardTanhFromNegativeZero, SingleActivations.HardTanhFromNegativeZeroDerivative, SingleActivations.HardTanhFromNegativeZeroDerivativeFromOutput,
            SingleActivations.HardTanhFromNegativeZero, SingleActivations.HardTanhFromNegativeZeroDerivative, SingleActivations.HardTanhFromNegativeZeroDerivativeFromOutput,
            SingleActivations.HardTanhFromNegativeZeroForward, SingleActivations.HardTanhFromNegativeZeroBackward, SingleActivations.HardTanhFromNegativeZeroBackwardFromOutput),
        new("HardSigmoid", SingleActivations.HardSigmoid, SingleActivations.HardSigmoidDerivative, null,
            SingleActivations.HardSigmoid, SingleActivations.HardSigmoidDerivative, null,
            SingleActivations.HardSigmoidForward, SingleActivations.HardSigmoidBackward, null),
    ];

    public static readonly IReadOnlyList<Family<double>> Double =
    [
        new("Sigmoid", DoubleActivations.Sigmoid, DoubleActivations.SigmoidDerivative, DoubleActivations.SigmoidDerivativeFromOutput,
            DoubleActivations.Sigmoid, DoubleActivations.SigmoidDerivative, DoubleActivations.SigmoidDerivativeFromOutput,
            DoubleActivations.SigmoidForward, DoubleActivations.SigmoidBackward, DoubleActivations.SigmoidBackwardFromOutput),
        new("Tanh", DoubleActivations.Tanh, DoubleActivations.TanhDerivative, DoubleActivations.TanhDerivativeFromOutput,
            DoubleActivations.Tanh, DoubleActivations.TanhDerivative, DoubleActivations.TanhDerivativeFromOutput,
            DoubleActivations.TanhForward, DoubleActivations.TanhBackward, DoubleActivations.TanhBackwardFromOutput),
        new("Relu", DoubleActivations.Relu, DoubleActivations.ReluDerivative, DoubleActivations.ReluDerivativeFromOutput,
            DoubleActivations.Relu, DoubleActivations.ReluDerivative, DoubleActivations.ReluDerivativeFromOutput,
            DoubleActivations.ReluForward, DoubleActivations.ReluBackward, DoubleActivations.ReluBackwardFromOutput),
        new("LeakyRelu", DoubleActivations.LeakyRelu, DoubleActivations.LeakyReluDerivative, DoubleActivations.LeakyReluDerivativeFromOutput,
            DoubleActivations.LeakyRelu, DoubleActivations.LeakyReluDerivative, DoubleActivations.LeakyReluDerivativeFromOutput,
            DoubleActivations.LeakyReluForward, DoubleActivations.LeakyReluBackward, DoubleActivations.LeakyReluBackwardFromOutput),
        new("LeakyRelu02", DoubleActivations.LeakyRelu02, DoubleActivations.LeakyRelu02Derivative, DoubleActivations.LeakyRelu02DerivativeFromOutput,
            DoubleActivations.LeakyRelu02, DoubleActivations.LeakyRelu02Derivative, DoubleActivations.LeakyRelu02DerivativeFromOutput,
            DoubleActivations.LeakyRelu02Forward, DoubleActivations.LeakyRelu02Backward, DoubleActivations.LeakyRelu02BackwardFromOutput),
        new("LeakyReluSmallestSlope", DoubleActivations.LeakyReluSmallestSlope, DoubleActivations.LeakyReluSmallestSlopeDerivative, DoubleActivations.LeakyReluSmallestSlopeDerivativeFromOutput,
            DoubleActivations.LeakyReluSmallestSlope, DoubleActivations.LeakyReluSmallestSlopeDerivative, DoubleActivations.LeakyReluSmallestSlopeDerivativeFromOutput,
            DoubleActivations.LeakyReluSmallestSlopeForward, DoubleActivations.LeakyReluSmallestSlopeBackward, DoubleActivations.LeakyReluSmallestSlopeBackwardFromOutput),
        new("Relu6", DoubleActivations.Relu6, DoubleActivations.Relu6Derivative, DoubleActivations.Relu6DerivativeFromOutput,
            DoubleActivations.Relu6, DoubleActivations.Relu6Derivative, DoubleActivations.Relu6DerivativeFromOutput,
            DoubleActivations.Relu6Forward, DoubleActivations.Relu6Backward, DoubleActivations.Relu6BackwardFromOutput),
        new("HardTanh", DoubleActivations.HardTanh, DoubleActivations.HardTanhDerivative, DoubleActivations.HardTanhDerivativeFromOutput,
            DoubleActivations.HardTanh, DoubleActivations.HardTanhDerivative, DoubleActivations.HardTanhDerivativeFromOutput,
            DoubleActivations.HardTanhForward, DoubleActivations.HardTanhBackward, DoubleActivations.HardTanhBackwardFromOutput),
        new("HardTanhWide", DoubleActivations.HardTanhWide, DoubleActivations.HardTanhWideDerivative, DoubleActivations.HardTanhWideDerivativeFromOutput,
            DoubleActivations.HardTanhWide, DoubleActivations.HardTanhWideDerivative, DoubleActivations.HardTanhWideDerivativeFromOutput,
            DoubleActivations.HardTanhWideForward, DoubleActivations.HardTanhWideBackward, DoubleActivations.HardTanhWideBackwardFromOutput),
        new("HardTanhUpToZero", DoubleActivations.HardTanhUpToZero, DoubleActivations.HardTanhUpToZeroDerivative, DoubleActivations.HardTanhUpToZeroDerivativeFromOutput,
            DoubleActivations.HardTanhUpToZero, DoubleActivations.HardTanhUpToZeroDerivative, DoubleActivations.HardTanhUpToZeroDerivativeFromOutput,
            DoubleActivations.HardTanhUpToZeroForward, DoubleActivations.HardTanhUpToZeroBackward, DoubleActivations.HardTanhUpToZeroBackwardFromOutput),
        new("HardTanhFromNegativeZero", DoubleActivations.HardTanhFromNegativeZero, DoubleActivations.HardTanhFromNegativeZeroDerivative, DoubleActivations.HardTanhFromNegativeZeroDerivativeFromOutput,
            DoubleActivations.HardTanhFromNegativeZero, DoubleActivations.HardTanhFromNegativeZeroDerivative, DoubleActivations.HardTanhFromNegativeZeroDerivativeFromOutput,
            DoubleActivations.HardTanhFromNegativeZeroForward, DoubleActivations.HardTanhFromNegativeZeroBackward, DoubleActivations.HardTanhFromNegativeZeroBackwardFromOutput),
        new("HardSigmoid", DoubleActivations.HardSigmoid, DoubleActivations.HardSigmoidDerivative, null,
            DoubleActivations.HardSigmoid, DoubleActivations.HardSigmoidDerivative, null,
            DoubleActivations.HardSigmoidForward, DoubleActivations.HardSigmoidBackward, null),
    ];

    public static Family<float> SingleNamed(string name) => Single.First(f => f.Name == name);

    public static Family<double> DoubleNamed(string name) => Double.First(f => f.Name == name);

    public static IEnumerable<object[]> SingleNames => Single.Select(f => new object[] { f.Name });

    public static IEnumerable<object[]> DoubleNames => Double.Select(f => new object[] { f.Name });
}
