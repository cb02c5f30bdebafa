using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using ActivationGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>Runs the generator over in-memory source, compiles the result, and loads it.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation CreateCompilation(string source, IEnumerable<MetadataReference>? references = null, CSharpParseOptions? parseOptions = null, bool checkOverflow = false, string assemblyName = "Consumer")
        => CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, parseOptions ?? ParseOptions, path: "Consumer.cs")],
            references ?? Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable, checkOverflow: checkOverflow, allowUnsafe: true));

    public static GeneratorRunResult RunGenerator(Compilation compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ActivationGenerator().AsSourceGenerator()],
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out generatorDiagnostics);
        return driver.GetRunResult().Results.Single();
    }

    /// <summary>Generates, compiles and asserts there is no error or warning anywhere (generated code included).</summary>
    public static (Compilation Compilation, GeneratorRunResult Result) GenerateClean(string source, IEnumerable<MetadataReference>? references = null, CSharpParseOptions? parseOptions = null, bool checkOverflow = false)
    {
        CSharpCompilation input = CreateCompilation(source, references, parseOptions, checkOverflow);
        GeneratorRunResult result = RunGenerator(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        if (result.Exception is not null)
        {
            throw new InvalidOperationException("Generator threw.", result.Exception);
        }

        var problems = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Unexpected diagnostics:\n" + string.Join("\n", problems) + "\n\n" + Dump(result));
        }

        return (output, result);
    }

    public static string Dump(GeneratorRunResult result)
        => string.Join("\n\n", result.GeneratedSources.Select(s => "// ==== " + s.HintName + "\n" + s.SourceText));

    /// <summary>Emits the compilation and loads it into a collectible context.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emit = compilation.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("Emit failed:\n" + string.Join("\n", emit.Diagnostics));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }
}
