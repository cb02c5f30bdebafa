using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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
    private GeneratorDriver nameOnlyAfterFirstRun = null!;
    private GeneratorDriver signatureAfterFirstRun = null!;
    private Compilation next = null!;
    private Compilation anchorBaseline = null!;
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

        // The anchors get ActivationGen's attribute definition (its post-initialisation sources) as ordinary source
        // files, so their attributes bind exactly as they do for the real generator.
        anchorBaseline = baseline.AddSyntaxTrees(afterFirstRun.GetRunResult().Results.Single().GeneratedSources
            .Where(s => s.HintName is "ActivationGen.ActivationAttribute.g.cs" or "Microsoft.CodeAnalysis.EmbeddedAttribute.cs")
            .Select(s => s.SyntaxTree));
        nameOnlyAfterFirstRun = CreateAnchorDriver(new BaselineGenerators.NameOnly()).RunGenerators(anchorBaseline);
        signatureAfterFirstRun = CreateAnchorDriver(new BaselineGenerators.Signature()).RunGenerators(anchorBaseline);
        BaselineGenerators.CheckFoundAll(nameOnlyAfterFirstRun);
        BaselineGenerators.CheckFoundAll(signatureAfterFirstRun);
    }

    private static GeneratorDriver CreateAnchorDriver(IIncrementalGenerator anchor)
        => CSharpGeneratorDriver.Create([anchor.AsSourceGenerator()], parseOptions: SyntheticProject.ParseOptions);

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

    [IterationSetup(Targets = [nameof(EditUnrelatedFile_AnchorNameOnly), nameof(EditUnrelatedFile_AnchorSignature)])]
    public void EditedAnchorCompilation() => next = SyntheticProject.WithEdit(anchorBaseline, edit++);

    /// <summary>Anchor: the same edit with a generator whose ForAttributeWithMetadataName transform returns the name.</summary>
    [Benchmark]
    public GeneratorDriver EditUnrelatedFile_AnchorNameOnly() => nameOnlyAfterFirstRun.RunGenerators(next);

    /// <summary>Anchor: the same edit with a transform that also reads the signature's types and the attribute's arguments.</summary>
    [Benchmark]
    public GeneratorDriver EditUnrelatedFile_AnchorSignature() => signatureAfterFirstRun.RunGenerators(next);
}
