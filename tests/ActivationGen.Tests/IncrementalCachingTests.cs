using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ActivationGen.Generator;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>
/// The pipeline caches: an edit that does not touch an activation leaves every output Cached or
/// Unchanged, and the models that flow through it hold no symbol, syntax node or compilation.
/// </summary>
public class IncrementalCachingTests
{
    private const string Activations = """
        using System;
        using ActivationGen;
        namespace Net;
        public static partial class Act
        {
            [Activation(Kind.Sigmoid)] public static partial float Sigmoid(float z);
            [Activation(Kind.LeakyRelu, Slope = 0.1)] public static partial void Leaky(ReadOnlySpan<double> z, Span<double> y);
        }
        """;

    private const string Unrelated = "namespace Net; public class Trainer { public int Epochs = 3; }";

    [Fact]
    public void Unrelated_edit_leaves_every_output_cached_or_unchanged()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();

        SyntaxTree edited = CSharpSyntaxTree.ParseText(
            "namespace Net; public class Trainer { public int Epochs = 30; public float LearningRate = 0.1f; }",
            GeneratorHarness.ParseOptions,
            path: "Trainer.cs");
        CSharpCompilation next = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == "Trainer.cs"), edited);
        GeneratorRunResult result = driver.RunGenerators(next).GetRunResult().Results.Single();

        AssertAllOutputs(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        foreach (string step in new[] { ActivationGenerator.TrackingNames.Parse, ActivationGenerator.TrackingNames.Models, ActivationGenerator.TrackingNames.Kernels })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o =>
                Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + o.Reason));
        }
    }

    [Fact]
    public void Editing_an_activation_regenerates_only_that_activation()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        SyntaxTree edited = CSharpSyntaxTree.ParseText(Activations.Replace("Slope = 0.1", "Slope = 0.2", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: "Act.cs");
        CSharpCompilation next = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == "Act.cs"), edited);
        GeneratorRunResult result = driver.RunGenerators(next).GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[ActivationGenerator.TrackingNames.Models]
            .SelectMany(s => s.Outputs)
            .Select(o => (((Generator.Model.ActivationModel)o.Value).MethodName, o.Reason))
            .ToList();
        Assert.Contains(reasons, r => r.MethodName == "Sigmoid" && r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains(("Leaky", IncrementalStepRunReason.Modified), reasons);

        // The Sigmoid kernel class is shared and unchanged; the leaky ReLU with the new slope needs a new one.
        var kernels = result.TrackedSteps[ActivationGenerator.TrackingNames.Kernels]
            .SelectMany(s => s.Outputs)
            .Select(o => (((Generator.Model.KernelConfig)o.Value).ClassName, o.Reason))
            .ToList();
        Assert.Contains(kernels, k => k.ClassName == "SigmoidSingleKernels" && k.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains(kernels, k => k.ClassName == "LeakyReluDoubleSlope0p2Kernels" && k.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Pipeline_values_hold_no_symbols_syntax_or_compilations()
    {
        (GeneratorDriver driver, _) = FirstRun();
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        int walked = 0;
        foreach (string step in new[] { ActivationGenerator.TrackingNames.Parse, ActivationGenerator.TrackingNames.Models, ActivationGenerator.TrackingNames.Target, ActivationGenerator.TrackingNames.Kernels })
        {
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
            {
                foreach ((object value, IncrementalStepRunReason _) in run.Outputs)
                {
                    Walk(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                    walked++;
                }
            }
        }

        Assert.True(walked >= 7, "expected parse results, models, kernel configurations and the target to be tracked");
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Consumer",
            [
                CSharpSyntaxTree.ParseText(Activations, GeneratorHarness.ParseOptions, path: "Act.cs"),
                CSharpSyntaxTree.ParseText(Unrelated, GeneratorHarness.ParseOptions, path: "Trainer.cs"),
            ],
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ActivationGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        // The attribute, the embedded attribute, the span checks, two families and their two kernel classes.
        Assert.Equal(7, driver.GetRunResult().Results.Single().GeneratedSources.Length);
        return (driver, compilation);
    }

    private static void AssertAllOutputs(GeneratorRunResult result, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Contains(o.Reason, allowed));
    }

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree or Location,
            path + " holds a " + value.GetType().Name + ", which defeats caching and keeps compilations alive");

        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? item in sequence)
            {
                Walk(item, path + "[" + i++ + "]", seen);
            }

            return;
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + field.Name, seen);
        }
    }
}
