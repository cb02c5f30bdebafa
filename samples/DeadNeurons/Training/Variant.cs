using System.Collections.Generic;
using DeadNeurons.Initialization;
using DeadNeurons.Network;

namespace DeadNeurons.Training;

/// <summary>One of the networks the sample trains side by side: a hidden activation and an initialisation.</summary>
internal sealed record Variant(string Name, IHiddenActivation Activation, IWeightInitializer Initializer)
{
    /// <summary>
    /// The three variants, in display order: the broken one the analyzers warn about, its fix, and the
    /// activation that cannot die.
    /// </summary>
    public static IReadOnlyList<Variant> All { get; } =
    [
        new("ReLU, one-sided init", new ReluActivation(), new OneSidedInitializer()),
        new("ReLU, He init", new ReluActivation(), new HeInitializer()),
        new("Leaky ReLU, He init", new LeakyReluActivation(), new HeInitializer()),
    ];
}
