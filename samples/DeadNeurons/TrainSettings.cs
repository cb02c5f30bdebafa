using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeadNeurons;

/// <summary>The command line of the sample.</summary>
internal sealed class TrainSettings : CommandSettings
{
    public const string DefaultPlotPath = "docs/images/dead-neurons.png";

    [CommandOption("--data <DIR>")]
    [Description("Folder with the four Fashion-MNIST IDX files (train-images-idx3-ubyte[[.gz]], train-labels-idx1-ubyte[[.gz]], t10k-...). Default: the bundled subset.")]
    public string? DataDirectory { get; init; }

    [CommandOption("--full")]
    [Description("Train on the full set installed by the Debian package dataset-fashion-mnist (" + Data.FashionMnist.DebianDirectory + ").")]
    public bool Full { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("Epochs to train each variant.")]
    [DefaultValue(10)]
    public int Epochs { get; init; } = 10;

    [CommandOption("--hidden <SIZES>")]
    [Description("Hidden layer sizes, comma-separated.")]
    [DefaultValue("256,128")]
    public string Hidden { get; init; } = "256,128";

    [CommandOption("--batch-size <N>")]
    [Description("Mini-batch size.")]
    [DefaultValue(64)]
    public int BatchSize { get; init; } = 64;

    [CommandOption("--learning-rate <RATE>")]
    [Description("Adam learning rate.")]
    [DefaultValue(0.001f)]
    public float LearningRate { get; init; } = 0.001f;

    [CommandOption("--seed <N>")]
    [Description("Seed for the initial weights and the shuffling; the same seed gives the same numbers.")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    [CommandOption("--plot [FILE]")]
    [Description("Write a PNG of the loss curves and dead fractions (default " + DefaultPlotPath + ", relative to the current folder).")]
    public FlagValue<string>? Plot { get; init; }

    /// <summary>The hidden sizes parsed from <see cref="Hidden"/>.</summary>
    public IReadOnlyList<int> HiddenSizes => ParseSizes(Hidden) ?? [];

    /// <summary>The PNG to write, or null for none.</summary>
    public string? PlotPath => Plot is { IsSet: true } plot ? (string.IsNullOrWhiteSpace(plot.Value) ? DefaultPlotPath : plot.Value) : null;

    public override ValidationResult Validate()
    {
        if (Full && DataDirectory is not null)
        {
            return ValidationResult.Error("Give --full or --data DIR, not both.");
        }

        if (Epochs < 1 || BatchSize < 1 || LearningRate <= 0 || !float.IsFinite(LearningRate))
        {
            return ValidationResult.Error("--epochs and --batch-size must be at least 1, --learning-rate a positive number.");
        }

        return ParseSizes(Hidden) is { Count: > 0 }
            ? ValidationResult.Success()
            : ValidationResult.Error($"--hidden takes positive sizes separated by commas, e.g. 256,128; got '{Hidden}'.");
    }

    private static List<int>? ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size < 1)
            {
                return null;
            }

            sizes.Add(size);
        }

        return sizes.Count == 0 ? null : sizes.ToList();
    }
}
