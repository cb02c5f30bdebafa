namespace ActivationGen.Benchmarks.Kernels;

/// <summary>The activation kinds the benchmarks measure: every kind the generator has (issue 7 names them all).</summary>
public enum KernelKind
{
    Sigmoid,
    Tanh,
    Relu,
    LeakyRelu,
    Relu6,
    HardTanh,
    HardSigmoid,
}

/// <summary>Constants shared by the declarations and the anchors, so every implementation computes the same function.</summary>
internal static class KernelConstants
{
    /// <summary>The LeakyRelu slope of <see cref="SingleKernels.LeakyRelu(System.ReadOnlySpan{float}, System.Span{float})"/> (PyTorch's default).</summary>
    public const double LeakySlope = 0.01;

    /// <summary>The HardTanh range [Min, Max] of <see cref="SingleKernels.HardTanh(System.ReadOnlySpan{float}, System.Span{float})"/> (PyTorch's defaults).</summary>
    public const double HardTanhMin = -1.0;

    /// <inheritdoc cref="HardTanhMin"/>
    public const double HardTanhMax = 1.0;

    /// <summary>Relu6's upper clamp.</summary>
    public const double Relu6Max = 6.0;
}
