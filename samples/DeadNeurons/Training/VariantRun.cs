using System;
using System.Collections.Generic;
using System.Diagnostics;
using DeadNeurons.Data;
using DeadNeurons.Network;

namespace DeadNeurons.Training;

/// <summary>
/// One epoch of one variant: the training figures (absent for epoch 0, the untrained network), the test
/// figures, and how long training and testing took.
/// </summary>
internal sealed record EpochRecord(int Epoch, Variant Variant, EpochStats? Training, Evaluation Test, TimeSpan Elapsed);

/// <summary>A point of the training-loss curve: x in epochs (fractional), y the mean loss of the batches since the last point.</summary>
internal readonly record struct LossPoint(double Epoch, double Loss);

/// <summary>A variant's network, its trainer, and everything measured on it so far.</summary>
internal sealed class VariantRun
{
    /// <summary>Loss-curve points per epoch.</summary>
    private const int PointsPerEpoch = 10;

    private readonly List<EpochRecord> _epochs = [];
    private readonly List<LossPoint> _lossCurve = [];

    /// <summary>
    /// Builds the network for <paramref name="variant"/>. Every variant gets the same <paramref name="seed"/>,
    /// so the two He variants start from the same weights and all three see the images in the same order.
    /// </summary>
    public VariantRun(Variant variant, IReadOnlyList<int> layerSizes, int batchSize, float learningRate, int seed)
    {
        Variant = variant;
        Network = new Mlp(layerSizes, variant.Activation, variant.Initializer, new Random(seed), batchSize);
        Trainer = new Trainer(Network, learningRate, seed);
    }

    public Variant Variant { get; }

    public Mlp Network { get; }

    public Trainer Trainer { get; }

    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    public IReadOnlyList<LossPoint> LossCurve => _lossCurve;

    /// <summary>Measures the untrained network on <paramref name="test"/> (epoch 0).</summary>
    public EpochRecord EvaluateInitial(ImageSet test)
    {
        long start = Stopwatch.GetTimestamp();
        Evaluation evaluation = Trainer.Evaluate(Network, test);
        return Record(new EpochRecord(0, Variant, null, evaluation, Stopwatch.GetElapsedTime(start)));
    }

    /// <summary>Trains one more epoch on <paramref name="train"/>, then measures on <paramref name="test"/>.</summary>
    public EpochRecord RunEpoch(ImageSet train, ImageSet test, BatchObserver? observer = null)
    {
        int epoch = _epochs.Count == 0 ? 1 : _epochs[^1].Epoch + 1;
        double pendingLoss = 0;
        int pendingBatches = 0;
        long start = Stopwatch.GetTimestamp();
        EpochStats stats = Trainer.TrainEpoch(train, (batch, batches, loss) =>
        {
            pendingLoss += loss;
            pendingBatches++;
            // A point each time another tenth of the epoch is done (every batch when there are fewer).
            if ((batch + 1) * PointsPerEpoch / batches != batch * PointsPerEpoch / batches)
            {
                _lossCurve.Add(new LossPoint(epoch - 1 + ((double)(batch + 1) / batches), pendingLoss / pendingBatches));
                pendingLoss = 0;
                pendingBatches = 0;
            }

            observer?.Invoke(batch, batches, loss);
        });
        Evaluation evaluation = Trainer.Evaluate(Network, test);
        return Record(new EpochRecord(epoch, Variant, stats, evaluation, Stopwatch.GetElapsedTime(start)));
    }

    private EpochRecord Record(EpochRecord record)
    {
        _epochs.Add(record);
        return record;
    }
}
