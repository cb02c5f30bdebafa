using System;
using ActivationGen;

namespace DeadNeurons.Network;

/// <summary>
/// The activation of the hidden layers, as the network sees it: forward over a batch of pre-activations,
/// and the backward pass that turns ∂L/∂y into ∂L/∂z.
/// </summary>
/// <remarks>
/// Nothing here is hand-written: each implementation declares one partial method with
/// <see cref="ActivationAttribute"/>, and ActivationGen generates it together with
/// <c>ActivateBackward</c> (and the rest of the family), which is what implements this interface.
/// </remarks>
internal interface IHiddenActivation
{
    /// <summary>Display name.</summary>
    string Name { get; }

    /// <summary>y[i] = g(z[i]); <paramref name="y"/> at least as long as <paramref name="z"/>.</summary>
    void Activate(ReadOnlySpan<float> z, Span<float> y);

    /// <summary>gradInput[i] = gradOutput[i] · g'(z[i]), from the pre-activations saved in the forward pass.</summary>
    void ActivateBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
}

/// <summary>ReLU, max(0, z); g'(z) = 1 for z &gt; 0, else 0. A unit whose z stays ≤ 0 gets no gradient: it is dead.</summary>
internal sealed partial class ReluActivation : IHiddenActivation
{
    public string Name => "ReLU";

    [Activation(Kind.Relu)]
    public partial void Activate(ReadOnlySpan<float> z, Span<float> y);
}

/// <summary>Leaky ReLU with slope 0.01 for z ≤ 0: every unit keeps a gradient, so none can die.</summary>
internal sealed partial class LeakyReluActivation : IHiddenActivation
{
    public string Name => "Leaky ReLU";

    [Activation(Kind.LeakyRelu, Slope = 0.01)]
    public partial void Activate(ReadOnlySpan<float> z, Span<float> y);
}
