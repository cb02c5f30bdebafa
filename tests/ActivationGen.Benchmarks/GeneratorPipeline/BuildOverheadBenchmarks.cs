using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;

namespace ActivationGen.Benchmarks.GeneratorPipeline;

/// <summary>
/// What the generator (and the analyzers, once they exist) add to a build of the 1,000-method project.
/// Baseline: the same project with the generated files already on disk as ordinary sources, compiled without the
/// generator. Every row parses its sources from text, binds and emits a DLL (no PDB), as csc does; Ratio of a row
/// is (generator [+ analyzers] + compile) / compile, target &lt; 1.10.
/// Compiling the generated code dominates and grows linearly with the number of methods (about a third of a
/// second per method on the 2-core VM), so a 1,000-method build takes minutes per measurement; the default
/// project here has <see cref="DefaultMethods"/> methods, and <c>ACTIVATIONGEN_BUILD_METHODS=1000</c> (a multiple of
/// <see cref="SyntheticProject.MethodsPerFile"/>) measures the full-size project where time allows.
/// </summary>
[MinWarmupCount(1)]
[MaxWarmupCount(3)]
[MinIterationCount(5)]
[MaxIterationCount(15)]
public class BuildOverheadBenchmarks
{
    public const int DefaultMethods = 100;

    private (string Path, string Text)[] userSources = [];
    private (string Path, string Text)[] pregenerated = [];
    private ImmutableArray<DiagnosticAnalyzer> analyzers;

    /// <summary>Annotated methods in the project (20 per file).</summary>
    [ParamsSource(nameof(ProjectSizes))]
    public int Methods { get; set; }

    public static int[] ProjectSizes()
        => [int.TryParse(Environment.GetEnvironmentVariable("ACTIVATIONGEN_BUILD_METHODS"), out int methods) && methods > 0 ? methods : DefaultMethods];

    [GlobalSetup]
    public void Setup()
    {
        userSources = [.. SyntheticProject.Sources(Methods / SyntheticProject.MethodsPerFile)];
        GeneratorDriver driver = GeneratorHost.CreateDriver().RunGenerators(SyntheticProject.Compile(SyntheticProject.Parse(userSources)));
        GeneratorRunResult result = GeneratorHost.CheckFullRun(driver, Methods);
        pregenerated = [.. userSources, .. result.GeneratedSources.Select(s => ("Generated/" + s.HintName, s.SourceText.ToString()))];
        analyzers = GeneratorHost.FindAnalyzers();
        long generatedChars = result.GeneratedSources.Sum(s => (long)s.SourceText.Length);
        Console.WriteLine(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"// Build-overhead project: {userSources.Length} user files, {result.GeneratedSources.Length} generated files, {generatedChars / 1024} KiB of generated source"));
        Console.WriteLine(analyzers.IsEmpty
            ? "// No analyzers in the generator assembly yet: CompileWithGeneratorAndAnalyzers measures the generator alone."
            : "// Analyzers: " + string.Join(", ", analyzers.Select(a => a.GetType().Name)));

        // Both ways must build cleanly, or the ratio compares a failed build.
        Check(Emit(SyntheticProject.Compile(SyntheticProject.Parse(pregenerated))));
        Check(CompileWithGenerator());
    }

    [Benchmark(Baseline = true)]
    public EmitResult CompileWithoutGenerator()
        => Emit(SyntheticProject.Compile(SyntheticProject.Parse(pregenerated)));

    [Benchmark]
    public EmitResult CompileWithGenerator()
    {
        GeneratorHost.CreateDriver().RunGeneratorsAndUpdateCompilation(
            SyntheticProject.Compile(SyntheticProject.Parse(userSources)), out Compilation output, out _);
        return Emit(output);
    }

    /// <summary>As a build does: generator, then the analyzers over the full compilation, then emit.</summary>
    [Benchmark]
    public EmitResult CompileWithGeneratorAndAnalyzers()
    {
        GeneratorHost.CreateDriver().RunGeneratorsAndUpdateCompilation(
            SyntheticProject.Compile(SyntheticProject.Parse(userSources)), out Compilation output, out _);
        if (!analyzers.IsEmpty)
        {
            ImmutableArray<Diagnostic> diagnostics = output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            _ = diagnostics.Length;
        }

        return Emit(output);
    }

    private static EmitResult Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        return compilation.Emit(stream);
    }

    private static void Check(EmitResult result)
    {
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(10).ToList();
        if (!result.Success || problems.Count > 0)
        {
            throw new InvalidOperationException("The synthetic project does not build cleanly:\n" + string.Join("\n", problems));
        }
    }
}
