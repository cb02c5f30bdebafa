using System;
using System.Collections.Generic;
using DeadNeurons.Data;
using DeadNeurons.Network;

namespace DeadNeurons.Training;

/// <summary>Mean loss and accuracy over the mini-batches of one training epoch, as they were trained on.</summary>
internal sealed record EpochStats(double Loss, double Accuracy);

/// <summary>Loss, accuracy and dead-unit fraction per hidden layer of a network on a whole data set.</summary>
internal sealed record Evaluation(double Loss, double Accuracy, IReadOnlyList<float> DeadFractions);

/// <summary>Called after each mini-batch with its index, the batch count of the epoch and the batch's mean loss.</summary>
internal delegate void BatchObserver(int batch, int batches, double loss);

/// <summary>
/// Mini-batch training of an <see cref="Mlp"/> with <see cref="Adam"/>. The order of the images is shuffled
/// each epoch from the trainer's own seeded generator, so a run repeats exactly.
/// </summary>
internal sealed class Trainer
{
    private readonly Adam _optimizer;
    private readonly Random _shuffle;
    private readonly float[] _batch;
    private readonly byte[] _labels;
    private int[] _order = [];

    public Trainer(Mlp network, float learningRate, int seed)
    {
        Network = network;
        _optimizer = new Adam(network.Layers, learningRate);
        _shuffle = new Random(seed);
        _batch = new float[network.MaxRows * network.InputSize];
        _labels = new byte[network.MaxRows];
    }

    public Mlp Network { get; }

    /// <summary>Batch size: the network's <see cref="Mlp.MaxRows"/>. The last batch of an epoch may be smaller.</summary>
    public int BatchSize => Network.MaxRows;

    /// <summary>One pass over <paramref name="train"/> in shuffled mini-batches, one optimiser step each.</summary>
    public EpochStats TrainEpoch(ImageSet train, BatchObserver? observer = null)
    {
        if (_order.Length != train.Count)
        {
            _order = new int[train.Count];
        }

        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        _shuffle.Shuffle(_order);
        int batches = (train.Count + BatchSize - 1) / BatchSize;
        double lossSum = 0;
        int correct = 0;
        for (int b = 0; b < batches; b++)
        {
            int start = b * BatchSize;
            int rows = Math.Min(BatchSize, train.Count - start);
            for (int r = 0; r < rows; r++)
            {
                int index = _order[start + r];
                train.CopyImage(index, _batch.AsSpan(r * Network.InputSize));
                _labels[r] = train.Labels[index];
            }

            ReadOnlySpan<float> inputs = _batch.AsSpan(0, rows * Network.InputSize);
            ReadOnlySpan<byte> labels = _labels.AsSpan(0, rows);
            Network.Forward(inputs, rows);
            double batchLoss = Network.CrossEntropySum(labels);
            lossSum += batchLoss;
            correct += CountCorrect(Network, labels);
            Network.Backward(inputs, labels);
            _optimizer.Step();
            observer?.Invoke(b, batches, batchLoss / rows);
        }

        return new EpochStats(lossSum / train.Count, (double)correct / train.Count);
    }

    /// <summary>
    /// Runs <paramref name="network"/> over all of <paramref name="data"/> without training: mean loss, accuracy,
    /// and, per hidden layer, the fraction of units whose pre-activation is ≤ 0 on every image.
    /// </summary>
    public static Evaluation Evaluate(Mlp network, ImageSet data)
    {
        var counters = new DeadUnitCounter[network.HiddenLayerCount];
        for (int l = 0; l < counters.Length; l++)
        {
            counters[l] = new DeadUnitCounter(network.Layers[l].Outputs);
        }

        float[] batch = new float[network.MaxRows * network.InputSize];
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < data.Count; start += network.MaxRows)
        {
            int rows = Math.Min(network.MaxRows, data.Count - start);
            for (int r = 0; r < rows; r++)
            {
                data.CopyImage(start + r, batch.AsSpan(r * network.InputSize));
            }

            ReadOnlySpan<byte> labels = data.Labels.AsSpan(start, rows);
            network.Forward(batch.AsSpan(0, rows * network.InputSize), rows);
            lossSum += network.CrossEntropySum(labels);
            correct += CountCorrect(network, labels);
            for (int l = 0; l < counters.Length; l++)
            {
                counters[l].Observe(network.PreActivations(l));
            }
        }

        float[] dead = new float[counters.Length];
        for (int l = 0; l < dead.Length; l++)
        {
            dead[l] = counters[l].DeadFraction;
        }

        return new Evaluation(lossSum / data.Count, (double)correct / data.Count, dead);
    }

    private static int CountCorrect(Mlp network, ReadOnlySpan<byte> labels)
    {
        int correct = 0;
        for (int r = 0; r < labels.Length; r++)
        {
            if (network.Predicted(r) == labels[r])
            {
                correct++;
            }
        }

        return correct;
    }
}
