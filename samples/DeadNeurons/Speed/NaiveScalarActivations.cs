using System;
using System.Runtime.CompilerServices;
using DeadNeurons.Network;

namespace DeadNeurons.Speed;

// THE BASELINE, NOT PART OF THE TRAINER. The only hand-written activation code in the sample: the same
// formulas as the generated members, written as the plain scalar loops one would write by hand, so the
// speed line can time the generated span kernels against them in the same run. Nothing trains with these.

/// <summary>Hand-written scalar ReLU: y = max(0, z); backward passes the gradient where z &gt; 0.</summary>
internal sealed class NaiveScalarRelu : IHiddenActivation
{
    public string Name => "ReLU";

    // Fully optimised from the first call, like the generated kernels are by the time they are timed.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Activate(ReadOnlySpan<float> z, Span<float> y)
    {
        for (int i = 0; i < z.Length; i++)
        {
            y[i] = MathF.Max(0f, z[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ActivateBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> gradOutput, Span<float> gradInput)
    {
        for (int i = 0; i < z.Length; i++)
        {
            gradInput[i] = z[i] > 0f ? gradOutput[i] : 0f;
        }
    }
}

/// <summary>Hand-written scalar leaky ReLU with slope 0.01.</summary>
internal sealed class NaiveScalarLeakyRelu : IHiddenActivation
{
    private const float Slope = 0.01f;

    public string Name => "Leaky ReLU";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Activate(ReadOnlySpan<float> z, Span<float> y)
    {
        for (int i = 0; i < z.Length; i++)
        {
            y[i] = z[i] > 0f ? z[i] : Slope * z[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ActivateBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> gradOutput, Span<float> gradInput)
    {
        for (int i = 0; i < z.Length; i++)
        {
            gradInput[i] = z[i] > 0f ? gradOutput[i] : Slope * gradOutput[i];
        }
    }
}
