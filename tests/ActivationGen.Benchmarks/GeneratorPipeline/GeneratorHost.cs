using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using ActivationGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ActivationGen.Benchmarks.GeneratorPipeline;

/// <summary>Creates generator drivers the way the compiler and the IDE do, and finds the shipped analyzers.</summary>
internal static class GeneratorHost
{
    /// <summary>
    /// A driver over <see cref="ActivationGenerator"/>. Step tracking costs time and is off in the compiler and the
    /// IDE, so the timed benchmarks run without it; the caching check turns it on.
    /// </summary>
    public static GeneratorDriver CreateDriver(bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            [new ActivationGenerator().AsSourceGenerator()],
            parseOptions: SyntheticProject.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// Every C# <see cref="DiagnosticAnalyzer"/> in the generator assembly, found by reflection so analyzers added
    /// later join the build-overhead measurement without a change here.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> FindAnalyzers()
        => typeof(ActivationGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Throws unless the run produced a family for every annotated method and no diagnostic or exception.</summary>
    public static GeneratorRunResult CheckFullRun(GeneratorDriver driver, int annotatedMethods = SyntheticProject.AnnotatedMethods)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw.", result.Exception);
        }

        if (!result.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException("The generator reported diagnostics on the synthetic project:\n" + string.Join("\n", result.Diagnostics.Take(10)));
        }

        int families = result.GeneratedSources.Count(s => s.HintName.StartsWith("Synthetic.", StringComparison.Ordinal));
        if (families != annotatedMethods)
        {
            throw new InvalidOperationException(Invariant($"Expected {annotatedMethods} generated families, got {families}."));
        }

        return result;
    }

    /// <summary>
    /// Runs the generator on the project, then on the project after an edit to an unrelated file, with step
    /// tracking, and throws unless every tracked output of the second run is Cached or Unchanged. Returns a
    /// one-line account of each tracked step's reasons, for the log.
    /// </summary>
    public static IReadOnlyList<string> CheckEditIsCached(Compilation compilation)
    {
        GeneratorDriver driver = CreateDriver(trackSteps: true).RunGenerators(compilation);
        CheckFullRun(driver);
        driver = driver.RunGenerators(SyntheticProject.WithEdit(compilation, edit: 1));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var lines = new List<string>();
        var offending = new List<string>();
        foreach ((string step, ImmutableArray<IncrementalGeneratorRunStep> runs) in result.TrackedOutputSteps.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var reasons = runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
            lines.Add("output " + Describe(step, reasons));
            offending.AddRange(reasons
                .Where(r => r is not IncrementalStepRunReason.Cached and not IncrementalStepRunReason.Unchanged)
                .Select(r => step + ": " + r));
        }

        string[] named = [ActivationGenerator.TrackingNames.Parse, ActivationGenerator.TrackingNames.Models, ActivationGenerator.TrackingNames.Target];
        foreach (string step in named)
        {
            var reasons = result.TrackedSteps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> runs)
                ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList()
                : [];
            lines.Add("step   " + Describe(step, reasons));
        }

        if (offending.Count > 0)
        {
            throw new InvalidOperationException(
                "After an edit to an unrelated file, generator outputs were recomputed:\n" + string.Join("\n", offending.Distinct()) + "\n" + string.Join("\n", lines));
        }

        return lines;
    }

    private static string Describe(string step, List<IncrementalStepRunReason> reasons)
        => step + ": " + (reasons.Count == 0
            ? "(no outputs)"
            : string.Join(", ", reasons.GroupBy(r => r).OrderBy(g => g.Key).Select(g => Invariant($"{g.Count()} {g.Key}"))));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
