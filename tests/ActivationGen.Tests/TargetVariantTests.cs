using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>The generated code compiles, without warnings, on the targets and settings users have.</summary>
public class TargetVariantTests
{
    private const string Declarations = """
        using ActivationGen;
        public static partial class Act
        {
            [Activation(Kind.Sigmoid)] public static partial float Sigmoid(float z);
            [Activation(Kind.Tanh)] public static partial double Tanh(double z);
            [Activation(Kind.Relu)] public static partial float Relu(float z);
            [Activation(Kind.LeakyRelu, Slope = 0.01)] public static partial double LeakyRelu(double z);
        }
        """;

    [Fact]
    public void Net80_gets_the_vectorised_family() => AssertVectorised(Basic.Reference.Assemblies.Net80.References.All);

    [Fact]
    public void Net100_gets_the_vectorised_family() => AssertVectorised(Basic.Reference.Assemblies.Net100.References.All);

    [Fact]
    public void LangVersion_9_compiles_the_generated_code()
        => GeneratorHarness.GenerateClean("using System;\n" + Declarations + SpanDeclaration, parseOptions: new CSharpParseOptions(LanguageVersion.CSharp9));

    [Fact]
    public void Netstandard20_gets_scalar_members_that_compute_the_same_bits()
    {
        (Compilation legacy, GeneratorRunResult result) = GeneratorHarness.GenerateClean(Declarations, Basic.Reference.Assemblies.NetStandard20.References.All);
        string family = string.Join("\n", result.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.DoesNotContain("Span<", family, StringComparison.Ordinal); // no System.Memory: no span members
        Assert.Contains("ActivationBits.SingleToInt32Bits", family, StringComparison.Ordinal); // no BitConverter.SingleToInt32Bits there

        (Compilation modern, _) = GeneratorHarness.GenerateClean(Declarations);
        Type legacyAct = GeneratorHarness.Load(legacy).GetType("Act")!;
        Type modernAct = GeneratorHarness.Load(modern).GetType("Act")!;
        foreach (string name in new[] { "Sigmoid", "SigmoidDerivative", "Relu", "ReluDerivative" })
        {
            foreach (float z in Samples())
            {
                Assert.Equal(Call<float>(modernAct, name, z), Call<float>(legacyAct, name, z));
            }
        }

        foreach (string name in new[] { "Tanh", "TanhDerivative", "LeakyRelu", "LeakyReluDerivativeFromOutput" })
        {
            foreach (float z in Samples())
            {
                Assert.Equal(Call<double>(modernAct, name, (double)z), Call<double>(legacyAct, name, (double)z));
            }
        }
    }

    [Fact]
    public void Net472_compiles_the_scalar_family()
        => GeneratorHarness.GenerateClean(Declarations, Basic.Reference.Assemblies.Net472.References.All);

    [Fact]
    public void Two_projects_that_see_each_others_internals_do_not_clash()
    {
        CSharpCompilation library = GeneratorHarness.CreateCompilation(
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App\")]\n" + Declarations, assemblyName: "Lib");
        GeneratorHarness.RunGenerator(library, out Compilation libraryOutput, out _);
        MetadataReference libraryReference = libraryOutput.ToMetadataReference();

        CSharpCompilation app = CSharpCompilation.Create(
            "App",
            [CSharpSyntaxTree.ParseText("""
                using System;
                using ActivationGen;
                public static partial class AppActivations
                {
                    [Activation(Kind.Sigmoid)] public static partial void Sigmoid(ReadOnlySpan<float> z, Span<float> y);
                    public static float UseLibrary(float z) => Act.Sigmoid(z) + (float)Act.Tanh(z);
                }
                """, GeneratorHarness.ParseOptions)],
            Basic.Reference.Assemblies.Net100.References.All.Append(libraryReference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorHarness.RunGenerator(app, out Compilation appOutput, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(appOutput.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Nothing_is_generated_beyond_the_attribute_when_no_method_is_annotated()
    {
        (_, GeneratorRunResult result) = GeneratorHarness.GenerateClean("public class Plain { }");
        Assert.Equal(
            new[] { "ActivationGen.ActivationAttribute.g.cs", "Microsoft.CodeAnalysis.EmbeddedAttribute.cs" },
            result.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
    }

    private const string SpanDeclaration = """
        public static partial class SpanAct
        {
            [Activation(Kind.Sigmoid)] public static partial void Sigmoid(ReadOnlySpan<float> z, Span<float> y);
        }
        """;

    private static void AssertVectorised(IEnumerable<MetadataReference> references)
    {
        (_, GeneratorRunResult result) = GeneratorHarness.GenerateClean("using System;\n" + Declarations + SpanDeclaration, references);
        string family = result.GeneratedSources.Single(s => s.HintName.StartsWith("SpanAct.Sigmoid.float", StringComparison.Ordinal)).SourceText.ToString();
        foreach (string width in new[] { "Vector512", "Vector256", "Vector128" })
        {
            Assert.Contains("global::System.Runtime.Intrinsics." + width + ".IsHardwareAccelerated", family, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<float> Samples()
        => new[] { float.NaN, float.NegativeInfinity, -1e30f, -104f, -88.7f, -20f, -1f, -float.Epsilon, -0f, 0f, 1e-40f, 0.5f, 3f, 20f, 88.7f, float.MaxValue, float.PositiveInfinity };

    private static T Call<T>(Type type, string name, T argument)
        => (T)type.GetMethod(name, BindingFlags.Public | BindingFlags.Static, [typeof(T)])!.Invoke(null, [argument])!;
}
