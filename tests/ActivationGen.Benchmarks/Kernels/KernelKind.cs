namespace ActivationGen.Benchmarks.Kernels;

/// <summary>The activation kinds that exist in the generator today (issue 7 also names HardTanh, Relu6 and HardSigmoid: not implemented yet, so not measured).</summary>
public enum KernelKind
{
    Sigmoid,
    Tanh,
    Relu,
    LeakyRelu,
}

/// <summary>Constants shared by the declarations and the anchors, so every implementation computes the same function.</summary>
internal static class KernelConstants
{
    /// <summary>The LeakyRelu slope of <see cref="SingleKernels.LeakyRelu(System.ReadOnlySpan{float}, System.Span{float})"/> (PyTorch's default).</summary>
    public const double LeakySlope = 0.01;
}
