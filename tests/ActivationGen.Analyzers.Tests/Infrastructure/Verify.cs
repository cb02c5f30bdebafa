using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ActivationGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ActivationGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Analyzer and code-fix tests over in-memory projects: .NET 10 reference assemblies from
/// Basic.Reference.Assemblies (nothing is downloaded), and the real ActivationGen generator running in the
/// test compilation, so [Activation] methods and their generated families exist exactly as for a user.
/// Sources use markup: {|AG1001:span|} for an expected diagnostic.
/// </summary>
internal static class Verify
{
    /// <summary>Target framework without a package: the references come from <see cref="Configure"/>.</summary>
    private static readonly ReferenceAssemblies Net100 = new("net10.0");

    public static Task AnalyzerAsync<TAnalyzer>(string source, string? editorConfig = null, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new GeneratorAnalyzerTest<TAnalyzer>();
        Configure(test, test.TestState, source, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Checks the diagnostics in <paramref name="source"/>, applies the fix (and Fix All), and compares with <paramref name="fixedSource"/>, which must be diagnostic-free where the markup says so.</summary>
    /// <param name="fixedKeepsMarkedDiagnostics">
    /// True when the fixed code still carries marked diagnostics the fix does not remove (a fixable ID the
    /// provider declines, e.g. an ambiguous fan-in). The testing library ignores fixable-ID markup in the fixed
    /// state by default, so without this flag such markup would be dropped and the test would expect none.
    /// </param>
    public static Task CodeFixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, string? equivalenceKey = null, int? codeActionIndex = null, bool fixedKeepsMarkedDiagnostics = false)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new GeneratorCodeFixTest<TAnalyzer, TCodeFix>
        {
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            CodeActionIndex = codeActionIndex,
        };
        if (fixedKeepsMarkedDiagnostics)
        {
            test.FixedState.MarkupHandling = MarkupMode.Allow;
        }
        Configure(test, test.TestState, source, null);
        Configure(test, test.FixedState, null, null);
        Configure(test, test.BatchFixedState, null, null);
        return test.RunAsync(CancellationToken.None);
    }

    private static void Configure(AnalyzerTest<DefaultVerifier> test, SolutionState state, string? source, string? editorConfig)
    {
        if (source is not null)
        {
            state.Sources.Add(source);
        }

        test.ReferenceAssemblies = Net100;
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        if (editorConfig is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }
    }

    private sealed class GeneratorAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(ActivationGenerator)];

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);
    }

    private sealed class GeneratorCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(ActivationGenerator)];

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);
    }
}
