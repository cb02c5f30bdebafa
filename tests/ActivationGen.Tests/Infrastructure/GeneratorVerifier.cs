using System.Threading;
using System.Threading.Tasks;
using ActivationGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>
/// Microsoft.CodeAnalysis.Testing's generator verifier with .NET 10 reference assemblies from
/// Basic.Reference.Assemblies (no download at test time). Checks diagnostics, including their spans
/// from <c>{|AG0001:…|}</c> markup; compiler diagnostics are ignored so each test states only ours.
/// </summary>
internal static class GeneratorVerifier
{
    public static Task VerifyDiagnosticsAsync(string source, params DiagnosticResult[] expected)
        => VerifyDiagnosticsAsync(source, LanguageVersion.Latest, expected);

    public static Task VerifyDiagnosticsAsync(string source, LanguageVersion languageVersion, params DiagnosticResult[] expected)
    {
        var test = new Test(languageVersion)
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private sealed class Test(LanguageVersion languageVersion) : CSharpSourceGeneratorTest<ActivationGenerator, DefaultVerifier>
    {
        protected override ParseOptions CreateParseOptions()
            => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(languageVersion);
    }
}
