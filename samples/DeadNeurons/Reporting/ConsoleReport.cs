using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using DeadNeurons.Training;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DeadNeurons.Reporting;

/// <summary>Receives the progress of training as it happens.</summary>
internal interface ITrainingProgress
{
    /// <summary>A mini-batch of <paramref name="variant"/> in <paramref name="epoch"/> is done.</summary>
    void Batch(Variant variant, int epoch, int batch, int batches);

    /// <summary>An epoch of one variant is done and measured.</summary>
    void Epoch(EpochRecord record);
}

/// <summary>
/// The per-epoch table: a live Spectre.Console display (table growing row by row, with a progress line for
/// the epoch under way) on an interactive terminal, plain aligned lines when the output is redirected.
/// </summary>
internal sealed class ConsoleReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly IAnsiConsole _console;
    private readonly int _hiddenLayers;
    private readonly int _epochs;

    public ConsoleReport(IAnsiConsole console, int hiddenLayers, int epochs)
    {
        _console = console;
        _hiddenLayers = hiddenLayers;
        _epochs = epochs;
    }

    /// <summary>True where the live display can redraw; false for redirected output or a dumb terminal.</summary>
    public bool IsLive => _console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;

    /// <summary>Runs <paramref name="training"/>, showing its progress.</summary>
    public void Run(Action<ITrainingProgress> training)
    {
        if (IsLive)
        {
            RunLive(training);
        }
        else
        {
            // Plain lines go straight to stdout: Spectre would wrap them at its assumed width of 80.
            var plain = new PlainLines(Console.Out, Columns());
            plain.WriteHeader();
            training(plain);
        }
    }

    /// <summary>The cells of one table row: epoch, variant, loss, train and test accuracy, dead fraction per hidden layer, time.</summary>
    public static IReadOnlyList<string> Cells(EpochRecord record)
    {
        var cells = new List<string>
        {
            record.Epoch.ToString(Invariant),
            record.Variant.Name,
            record.Training is { } t ? t.Loss.ToString("0.0000", Invariant) : "–",
            record.Training is { } u ? Percent(u.Accuracy) : "–",
            Percent(record.Test.Accuracy),
        };
        cells.AddRange(record.Test.DeadFractions.Select(f => Percent(f)));
        cells.Add(record.Elapsed.TotalSeconds.ToString("0.00", Invariant));
        return cells;
    }

    private static string Percent(double fraction) => (100 * fraction).ToString("0.0", Invariant);

    private List<string> Columns()
    {
        // Units live in the headers so that the table fits an 80-column terminal.
        var columns = new List<string> { "epoch", "variant", "loss", "train%", "test%" };
        for (int l = 1; l <= _hiddenLayers; l++)
        {
            columns.Add("dead" + l.ToString(Invariant) + "%");
        }

        columns.Add("time/s");
        return columns;
    }

    private void RunLive(Action<ITrainingProgress> training)
    {
        var table = new Table().Border(TableBorder.Simple).Title("[bold]Fashion-MNIST: three variants side by side[/]")
            .Caption("[grey]dead%: units whose pre-activation is ≤ 0 on every test image[/]");
        foreach (string column in Columns())
        {
            // Two spaces between columns rather than three, so that the table fits 80 columns.
            table.AddColumn(new TableColumn(column).RightAligned().PadLeft(1).PadRight(0));
        }

        table.Columns[1].LeftAligned().NoWrap();
        _console.Live(table).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Start(context =>
        {
            var live = new LiveTable(table, context, _epochs);
            training(live);
            context.UpdateTarget(table);
        });
    }

    private sealed class LiveTable(Table table, LiveDisplayContext context, int epochs) : ITrainingProgress
    {
        private long _lastDraw;
        private int _lastEpoch;

        public void Batch(Variant variant, int epoch, int batch, int batches)
        {
            // Redraw at most ten times a second; the display is for people, not a log.
            if (Stopwatch.GetElapsedTime(_lastDraw).TotalMilliseconds < 100 && batch != batches - 1)
            {
                return;
            }

            _lastDraw = Stopwatch.GetTimestamp();
            const int Width = 30;
            int done = (int)((long)Width * (batch + 1) / batches);
            string bar = new string('━', done) + new string('─', Width - done);
            IRenderable status = new Markup(string.Create(
                Invariant,
                $"epoch {epoch}/{epochs}  [yellow]{Markup.Escape(variant.Name)}[/]  [green]{bar}[/] batch {batch + 1}/{batches}"));
            context.UpdateTarget(new Rows(table, status));
        }

        public void Epoch(EpochRecord record)
        {
            if (record.Epoch != _lastEpoch)
            {
                table.AddEmptyRow();
                _lastEpoch = record.Epoch;
            }

            IReadOnlyList<string> cells = Cells(record);
            string colour = VariantColour(record.Variant);
            table.AddRow(cells.Select((c, i) => (IRenderable)new Markup(i == 1 ? $"[{colour}]{Markup.Escape(c)}[/]" : Markup.Escape(c))));
            context.UpdateTarget(table);
        }
    }

    private sealed class PlainLines(TextWriter console, List<string> columns) : ITrainingProgress
    {
        private static readonly int[] Widths = [5, 20, 7, 7, 7];
        private int _lastEpoch;

        public void WriteHeader() => console.WriteLine(Format(columns));

        public void Batch(Variant variant, int epoch, int batch, int batches)
        {
        }

        public void Epoch(EpochRecord record)
        {
            if (record.Epoch != _lastEpoch)
            {
                console.WriteLine();
                _lastEpoch = record.Epoch;
            }

            console.WriteLine(Format(Cells(record)));
        }

        private static string Format(IReadOnlyList<string> cells)
        {
            var parts = new string[cells.Count];
            for (int i = 0; i < cells.Count; i++)
            {
                int width = i < Widths.Length ? Widths[i] : 7;
                parts[i] = i == 1 ? cells[i].PadRight(width) : cells[i].PadLeft(width);
            }

            return string.Join("  ", parts).TrimEnd();
        }
    }

    /// <summary>The colour a variant has in the table and the plot.</summary>
    public static string VariantColour(Variant variant) => Variant.All.ToList().IndexOf(variant) switch
    {
        0 => "red",
        1 => "blue",
        2 => "green",
        _ => "default",
    };
}
