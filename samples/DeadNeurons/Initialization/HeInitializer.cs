using System;

namespace DeadNeurons.Initialization;

/// <summary>
/// He (Kaiming) initialisation for ReLU-family layers (He et al., 2015), in its uniform form as PyTorch's
/// <c>kaiming_uniform_</c> with gain √2: weights uniform in [−√(6/fan-in), √(6/fan-in)], zero biases.
/// The weights are centred on zero, so about half the units start active on any input, and the variance of
/// the pre-activations stays the same from layer to layer.
/// </summary>
internal sealed class HeInitializer : IWeightInitializer
{
    public string Name => "He";

    public void Initialize(float[] weights, float[] biases, int fanIn, Random rng)
    {
        double bound = Math.Sqrt(6.0 / fanIn);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(((2 * rng.NextDouble()) - 1) * bound);
        }

        Array.Clear(biases);
    }
}
