using System;

namespace DeadNeurons.Initialization;

/// <summary>Sets the starting weights and biases of one dense layer.</summary>
internal interface IWeightInitializer
{
    /// <summary>Display name.</summary>
    string Name { get; }

    /// <summary>
    /// Fills <paramref name="weights"/> ([fan-out × <paramref name="fanIn"/>], row-major) and
    /// <paramref name="biases"/> ([fan-out]), drawing from <paramref name="rng"/>.
    /// </summary>
    void Initialize(float[] weights, float[] biases, int fanIn, Random rng);
}
