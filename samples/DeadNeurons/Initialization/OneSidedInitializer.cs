using System;

namespace DeadNeurons.Initialization;

// BROKEN ON PURPOSE. This is variant 1 of the sample: the initialisation many hand-written networks start
// with, and the one ActivationGen's dead-neuron analyzers are written to catch. Every weight is drawn from
// [0, 0.01) (one-sided, and a scale that ignores the fan-in) and every bias is −0.5 in front of a ReLU.
// The sample trains with it to show, measured, what it does to the hidden units. Do not copy it; see
// HeInitializer.cs for the fix.

/// <summary>Small positive random weights and a negative bias: the dead-ReLU recipe (sample variant 1).</summary>
internal sealed class OneSidedInitializer : IWeightInitializer
{
    public string Name => "one-sided";

    public void Initialize(float[] weights, float[] biases, int fanIn, Random rng)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(rng.NextDouble() * 0.01);
        }

        for (int j = 0; j < biases.Length; j++)
        {
            biases[j] = -0.5f;
        }
    }
}
