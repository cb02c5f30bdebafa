using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeadNeurons.Training;
using ScottPlot;

namespace DeadNeurons.Reporting;

/// <summary>
/// Draws the training-loss curves and the dead-unit fractions of the variants side by side into one PNG
/// (ScottPlot, rendered off-screen with SkiaSharp).
/// </summary>
internal static class TrainingPlot
{
    /// <summary>Writes the figure to <paramref name="path"/>, creating its folder; returns the full path.</summary>
    public static string Save(string path, IReadOnlyList<VariantRun> runs, string title, int width = 1400, int height = 560)
    {
        var figure = new Multiplot();
        figure.AddPlots(2);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Plot[] plots = figure.GetPlots();
        DrawLoss(plots[0], runs, title);
        DrawDead(plots[1], runs);

        string fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        figure.SavePng(fullPath, width, height);
        return fullPath;
    }

    private static void DrawLoss(Plot plot, IReadOnlyList<VariantRun> runs, string title)
    {
        foreach (VariantRun run in runs)
        {
            double[] xs = run.LossCurve.Select(p => p.Epoch).ToArray();
            double[] ys = run.LossCurve.Select(p => p.Loss).ToArray();
            var line = plot.Add.ScatterLine(xs, ys, ColourOf(run.Variant));
            line.LineWidth = 2;
            line.LegendText = run.Variant.Name;
        }

        plot.Title(title + ": training loss");
        plot.XLabel("epoch");
        plot.YLabel("cross-entropy (mean over batches)");
        plot.Axes.SetLimitsY(0, MaxLoss(runs));
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
    }

    private static void DrawDead(Plot plot, IReadOnlyList<VariantRun> runs)
    {
        // Layers differ in line pattern and marker, so that the legend tells them apart as well.
        LinePattern[] patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];
        MarkerShape[] markers = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];
        double top = 5;
        foreach (VariantRun run in runs)
        {
            double[] epochs = run.Epochs.Select(e => (double)e.Epoch).ToArray();
            int layers = run.Epochs[0].Test.DeadFractions.Count;
            for (int l = 0; l < layers; l++)
            {
                double[] percent = run.Epochs.Select(e => 100.0 * e.Test.DeadFractions[l]).ToArray();
                top = System.Math.Max(top, percent.Max());
                var line = plot.Add.ScatterLine(epochs, percent, ColourOf(run.Variant));
                line.LineWidth = 2;
                line.LinePattern = patterns[l % patterns.Length];
                line.MarkerShape = markers[l % markers.Length];
                line.MarkerSize = 7;
                line.LegendText = $"{run.Variant.Name}, hidden layer {l + 1}";
            }
        }

        plot.Title("Dead units (pre-activation ≤ 0 on every test image)");
        plot.XLabel("epoch");
        plot.YLabel("dead units (%)");
        plot.Axes.SetLimitsY(0, top * 1.1);
        plot.Legend.Alignment = Alignment.MiddleRight;
        plot.ShowLegend();
    }

    private static double MaxLoss(IReadOnlyList<VariantRun> runs)
    {
        double max = runs.SelectMany(r => r.LossCurve).Select(p => p.Loss).DefaultIfEmpty(1).Max();
        return System.Math.Min(max, 2.5) * 1.05;
    }

    private static Color ColourOf(Variant variant) => ConsoleReport.VariantColour(variant) switch
    {
        "red" => Colors.Crimson,
        "blue" => Colors.RoyalBlue,
        "green" => Colors.ForestGreen,
        _ => Colors.Gray,
    };
}
