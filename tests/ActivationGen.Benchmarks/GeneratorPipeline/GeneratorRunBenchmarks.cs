using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Benchmarks.GeneratorPipeline;

/// <summary>
/// The generator in the IDE, on a 1,000-method project (see <see cref="SyntheticProject"/>). Targets: the first
/// run under 1 s; after an edit to an unrelated file, a rerun under 20 ms with every tracked output Cached or
/// Unchanged (checked in <see cref="Setup"/>, which fails the benchmark otherwise).
/// Each invocation gets a compilation that has not been bound yet, as the IDE does after every edit; the syntax
/// trees are parsed once, since parsing is the IDE's work, not the generator's.
/// </summary>
[MinWarmupCount(2)]
[MaxWarmupCount(5)]
[MinIterationCount(10)]
[MaxIterationCount(30)]
public class GeneratorRunBenchmarks
{
    private SyntaxTree[] trees = [];
    private Compilation baseline = null!;
    private GeneratorDriver afterFirstRun = null!;
    private Compilation next = null!;
    private int edit = 1;

    [GlobalSetup]
    public void Setup()
    {
        trees = SyntheticProject.Parse(SyntheticProject.Sources());
        baseline = SyntheticProject.Compile(trees);
        IReadOnlyList<string> reasons = GeneratorHost.CheckEditIsCached(SyntheticProject.Compile(trees));
        Console.WriteLine("// Incremental check after an edit to " + SyntheticProject.EditedPath + ": every tracked output is Cached or Unchanged");
        foreach (string line in reasons)
        {
            Console.WriteLine("//   " + line);
        }
        afterFirstRun = GeneratorHost.CreateDriver().RunGenerators(baseline);
        GeneratorHost.CheckFullRun(afterFirstRun);
    }

    [IterationSetup(Target = nameof(FirstRun))]
    public void FreshCompilation() => next = SyntheticProject.Compile(trees);

    /// <summary>A new driver on a project it has never seen: every method parsed, every family emitted.</summary>
    [Benchmark]
    public GeneratorDriver FirstRun() => GeneratorHost.CreateDriver().RunGenerators(next);

    [IterationSetup(Target = nameof(EditUnrelatedFile))]
    public void EditedCompilation() => next = SyntheticProject.WithEdit(baseline, edit++);

    /// <summary>The driver that has seen the project reruns after one unrelated file changed.</summary>
    [Benchmark]
    public GeneratorDriver EditUnrelatedFile() => afterFirstRun.RunGenerators(next);
}
