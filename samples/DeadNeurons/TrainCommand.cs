using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using DeadNeurons.Data;
using DeadNeurons.Network;
using DeadNeurons.Reporting;
using DeadNeurons.Speed;
using DeadNeurons.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeadNeurons;

/// <summary>
/// Trains the three variants side by side, epoch by epoch, then times the activation work of an epoch with
/// the generated kernels against naive scalar loops, and optionally plots the run.
/// </summary>
internal sealed class TrainCommand : Command<TrainSettings>
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        IAnsiConsole console = AnsiConsole.Console;
        long start = Stopwatch.GetTimestamp();

        string? directory = ChooseData(console, settings);
        if (directory is null)
        {
            return 1;
        }

        ImageSet train;
        ImageSet test;
        try
        {
            (train, test) = FashionMnist.Load(directory);
        }
        catch (IdxFormatException e)
        {
            console.MarkupLineInterpolated($"[red]Cannot read the data:[/] {e.Message}");
            return 1;
        }

        int[] layerSizes = [train.PixelsPerImage, .. settings.HiddenSizes, train.Classes];
        console.WriteLine(string.Create(
            Invariant,
            $"{train.Count:N0} training and {test.Count:N0} test images; network {string.Join('-', layerSizes)}, Adam lr {settings.LearningRate}, batch {settings.BatchSize}, seed {settings.Seed}."));
        console.WriteLine(string.Create(
            Invariant,
            $"Inputs standardised with the training set's pixel mean {train.Scaling.Mean:0.0000} and deviation {train.Scaling.StandardDeviation:0.0000}."));
        console.WriteLine();

        List<VariantRun> runs = Variant.All
            .Select(v => new VariantRun(v, layerSizes, settings.BatchSize, settings.LearningRate, settings.Seed))
            .ToList();
        var report = new ConsoleReport(console, settings.HiddenSizes.Count, settings.Epochs);
        report.Run(progress =>
        {
            foreach (VariantRun run in runs)
            {
                progress.Epoch(run.EvaluateInitial(test));
            }

            for (int epoch = 1; epoch <= settings.Epochs; epoch++)
            {
                foreach (VariantRun run in runs)
                {
                    int current = epoch;
                    progress.Epoch(run.RunEpoch(train, test, (batch, batches, _) => progress.Batch(run.Variant, current, batch, batches)));
                }
            }
        });

        console.WriteLine();
        WriteSummary(console, runs);
        WriteSpeed(console, runs, train.Count, settings.BatchSize, test);

        if (settings.PlotPath is { } plotPath)
        {
            string title = string.Create(Invariant, $"Fashion-MNIST, {train.Count:N0} images");
            string written = TrainingPlot.Save(plotPath, runs, title);
            console.WriteLine($"Plot written to {written}");
        }

        console.WriteLine(string.Create(Invariant, $"Total time {Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s."));
        return 0;
    }

    /// <summary>The folder to read, saying which it is; null (after a message) when the choice cannot be met.</summary>
    private static string? ChooseData(IAnsiConsole console, TrainSettings settings)
    {
        if (settings.DataDirectory is { } given)
        {
            console.WriteLine($"Data: {Path.GetFullPath(given)}");
            return given;
        }

        bool debianInstalled = Directory.Exists(FashionMnist.DebianDirectory);
        if (settings.Full)
        {
            if (!debianInstalled)
            {
                console.MarkupLineInterpolated($"[red]--full:[/] {FashionMnist.DebianDirectory} does not exist. Install the Debian package dataset-fashion-mnist, or pass --data DIR with a folder holding the four IDX files.");
                return null;
            }

            console.WriteLine($"Data: the full set at {FashionMnist.DebianDirectory}");
            return FashionMnist.DebianDirectory;
        }

        console.WriteLine("Data: the Fashion-MNIST subset bundled with the sample (data/ATTRIBUTION.md).");
        if (debianInstalled)
        {
            console.MarkupLineInterpolated($"[grey]The full set (60,000 + 10,000 images) is installed at {FashionMnist.DebianDirectory}: add --full to train on it.[/]");
        }

        return FashionMnist.BundledDirectory;
    }

    private static void WriteSummary(IAnsiConsole console, List<VariantRun> runs)
    {
        foreach (VariantRun run in runs)
        {
            EpochRecord last = run.Epochs[^1];
            string dead = string.Join("  ", last.Test.DeadFractions.Select((f, l) => string.Create(Invariant, $"L{l + 1} {100 * f,5:0.0} %")));
            double seconds = run.Epochs.Sum(e => e.Elapsed.TotalSeconds);
            console.WriteLine(string.Create(
                Invariant,
                $"{run.Variant.Name,-20}  test {100 * last.Test.Accuracy:0.0} %  dead {dead}  {seconds,5:0.0} s"));
        }

        console.WriteLine();
    }

    private static void WriteSpeed(IAnsiConsole console, List<VariantRun> runs, int trainCount, int batchSize, ImageSet test)
    {
        // Real pre-activations: one batch of test images through the trained ReLU/He network.
        VariantRun source = runs[1];
        Mlp network = source.Network;
        int rows = Math.Min(batchSize, test.Count);
        float[] inputs = new float[rows * network.InputSize];
        for (int r = 0; r < rows; r++)
        {
            test.CopyImage(r, inputs.AsSpan(r * network.InputSize));
        }

        network.Forward(inputs, rows);
        var preActivations = new float[network.HiddenLayerCount][];
        for (int l = 0; l < preActivations.Length; l++)
        {
            preActivations[l] = network.PreActivations(l).ToArray();
        }

        int batches = (trainCount + batchSize - 1) / batchSize;
        SpeedComparison[] comparisons =
        [
            ActivationSpeed.Compare(new ReluActivation(), new NaiveScalarRelu(), preActivations, batches),
            ActivationSpeed.Compare(new LeakyReluActivation(), new NaiveScalarLeakyRelu(), preActivations, batches),
        ];
        int units = network.Layers.Take(network.HiddenLayerCount).Sum(l => l.Outputs);
        console.WriteLine("Activation work of one epoch, forward + backward through every hidden layer");
        console.WriteLine(string.Create(
            Invariant,
            $"({batches} batches × {rows} rows × {units} hidden units = {comparisons[0].ValuesPerEpoch / 1e6:0.0} M values each way):"));
        foreach (SpeedComparison c in comparisons)
        {
            console.WriteLine(string.Create(
                Invariant,
                $"  {c.Activation,-10}  generated {c.Generated.TotalMilliseconds,6:0.00} ms   naive scalar {c.NaiveScalar.TotalMilliseconds,6:0.00} ms   {c.Speedup,4:0.0}× faster"));
        }

        console.WriteLine();
    }
}
