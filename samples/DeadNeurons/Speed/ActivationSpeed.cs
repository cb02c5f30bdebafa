using System;
using System.Collections.Generic;
using System.Diagnostics;
using DeadNeurons.Network;

namespace DeadNeurons.Speed;

/// <summary>The time one epoch's activation work takes with two implementations of the same activation.</summary>
internal sealed record SpeedComparison(string Activation, long ValuesPerEpoch, TimeSpan Generated, TimeSpan NaiveScalar)
{
    /// <summary>How many times faster the generated kernels are.</summary>
    public double Speedup => NaiveScalar / Generated;
}

/// <summary>
/// Replays the activation work of one training epoch, forward and backward through every hidden layer for
/// every mini-batch, on real pre-activations, once with ActivationGen's span kernels and once with
/// hand-written scalar loops, and reports the median of several alternating rounds of each.
/// </summary>
/// <remarks>
/// A Stopwatch figure measured inside the sample, good for a ratio on one machine in one run; the
/// benchmarks project (BenchmarkDotNet) is where the kernels' speed is measured properly.
/// </remarks>
internal static class ActivationSpeed
{
    /// <param name="generated">The generated kernels.</param>
    /// <param name="naive">The hand-written scalar loops of the same formulas.</param>
    /// <param name="preActivations">One batch of pre-activations per hidden layer, [rows × units] each.</param>
    /// <param name="batchesPerEpoch">How many such batches one epoch holds.</param>
    /// <param name="rounds">Timed rounds of each; the median is reported.</param>
    public static SpeedComparison Compare(
        IHiddenActivation generated,
        IHiddenActivation naive,
        IReadOnlyList<float[]> preActivations,
        int batchesPerEpoch,
        int rounds = 5)
    {
        var layers = new LayerBuffers[preActivations.Count];
        long values = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            layers[l] = new LayerBuffers(preActivations[l]);
            values += (long)preActivations[l].Length * batchesPerEpoch;
        }

        // One untimed round each, so both are compiled and their data is in cache.
        RunEpoch(generated, layers, batchesPerEpoch);
        RunEpoch(naive, layers, batchesPerEpoch);
        var generatedTimes = new TimeSpan[rounds];
        var naiveTimes = new TimeSpan[rounds];
        for (int round = 0; round < rounds; round++)
        {
            generatedTimes[round] = RunEpoch(generated, layers, batchesPerEpoch);
            naiveTimes[round] = RunEpoch(naive, layers, batchesPerEpoch);
        }

        return new SpeedComparison(generated.Name, values, Median(generatedTimes), Median(naiveTimes));
    }

    private static TimeSpan RunEpoch(IHiddenActivation activation, LayerBuffers[] layers, int batches)
    {
        long start = Stopwatch.GetTimestamp();
        for (int b = 0; b < batches; b++)
        {
            foreach (LayerBuffers layer in layers)
            {
                activation.Activate(layer.PreActivations, layer.Activations);
                activation.ActivateBackward(layer.PreActivations, layer.GradOutput, layer.GradInput);
            }
        }

        return Stopwatch.GetElapsedTime(start);
    }

    private static TimeSpan Median(TimeSpan[] times)
    {
        Array.Sort(times);
        return times[times.Length / 2];
    }

    private sealed class LayerBuffers
    {
        public LayerBuffers(float[] preActivations)
        {
            PreActivations = preActivations;
            Activations = new float[preActivations.Length];
            GradInput = new float[preActivations.Length];

            // Any gradient will do for timing; a fixed pattern of both signs keeps it reproducible.
            GradOutput = new float[preActivations.Length];
            for (int i = 0; i < GradOutput.Length; i++)
            {
                GradOutput[i] = ((i % 7) - 3) * 0.01f;
            }
        }

        public float[] PreActivations { get; }

        public float[] Activations { get; }

        public float[] GradOutput { get; }

        public float[] GradInput { get; }
    }
}
