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
            [Activation(Kind.Relu6)] public static partial float Relu6(float z);
            [Activation(Kind.HardTanh, Min = -2, Max = 2)] public static partial double HardTanh(double z);
            [Activation(Kind.HardSigmoid)] public static partial float HardSigmoid(float z);
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
    public void Net80_build_computes_the_same_bits_as_net100()
    {
        // net8.0 has no VectorN.FusedMultiplyAdd: its kernels go through the generated ActivationFma dispatch.
        const string source = "using System;\n" + Declarations + SpanDeclaration;
        (Compilation net80, GeneratorRunResult result) = GeneratorHarness.GenerateClean(source, Basic.Reference.Assemblies.Net80.References.All);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("internal static class ActivationFma", StringComparison.Ordinal));
        (Compilation net100, _) = GeneratorHarness.GenerateClean(source);
        Assembly old = GeneratorHarness.Load(net80), current = GeneratorHarness.Load(net100);

        float[] z = Samples().Concat(Enumerable.Range(0, 200).Select(i => (i - 100) * 0.37f)).ToArray();
        foreach (string name in new[] { "Sigmoid", "SigmoidDerivative", "Relu", "ReluDerivative", "Relu6", "HardSigmoid", "HardSigmoidDerivative" })
        {
            foreach (float v in z)
            {
                Assert.Equal(Call<float>(current.GetType("Act")!, name, v), Call<float>(old.GetType("Act")!, name, v));
            }
        }

        float[] expected = SpanCall(current, z), actual = SpanCall(old, z);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Netstandard20_gets_scalar_members_within_the_accuracy_bound()
    {
        (Compilation legacy, GeneratorRunResult result) = GeneratorHarness.GenerateClean(Declarations, Basic.Reference.Assemblies.NetStandard20.References.All);
        string family = string.Join("\n", result.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.DoesNotContain("Span<", family, StringComparison.Ordinal); // no System.Memory: no span members
        Assert.DoesNotContain("FusedMultiplyAdd", family, StringComparison.Ordinal); // no fused multiply-add API there
        Assert.Contains("ActivationBits.SingleToInt32Bits", family, StringComparison.Ordinal); // nor BitConverter.SingleToInt32Bits

        // Without fused multiply-add the last bit may differ from a net8.0+ build; the accuracy must not.
        (Compilation modern, _) = GeneratorHarness.GenerateClean(Declarations);
        Type legacyAct = GeneratorHarness.Load(legacy).GetType("Act")!;
        Type modernAct = GeneratorHarness.Load(modern).GetType("Act")!;
        foreach (string name in new[] { "Sigmoid", "SigmoidDerivative", "Relu", "ReluDerivative", "Relu6", "HardSigmoid", "HardSigmoidDerivative" })
        {
            foreach (float z in Samples())
            {
                float a = Call<float>(modernAct, name, z), b = Call<float>(legacyAct, name, z);
                Assert.True(float.IsNaN(a) ? float.IsNaN(b) : a == b || Math.Abs(a - b) <= 2 * (MathF.BitIncrement(Math.Abs(a)) - Math.Abs(a)), $"{name}({z}): {a} vs {b}");
            }
        }

        foreach (string name in new[] { "Tanh", "TanhDerivative", "LeakyRelu", "LeakyReluDerivativeFromOutput", "HardTanh", "HardTanhDerivativeFromOutput" })
        {
            foreach (float z in Samples())
            {
                double a = Call<double>(modernAct, name, (double)z), b = Call<double>(legacyAct, name, (double)z);
                Assert.True(double.IsNaN(a) ? double.IsNaN(b) : a == b || Math.Abs(a - b) <= 2 * (Math.BitIncrement(Math.Abs(a)) - Math.Abs(a)), $"{name}({z}): {a} vs {b}");
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

            // Reflection cannot pass spans; this wrapper can.
            public static void SigmoidForwardArrays(float[] z, float[] y, float[] dydz) => SigmoidForward(z, y, dydz);
        }
        """;

    private static void AssertVectorised(IEnumerable<MetadataReference> references)
    {
        (_, GeneratorRunResult result) = GeneratorHarness.GenerateClean("using System;\n" + Declarations + SpanDeclaration, references);
        string family = result.GeneratedSources.Single(s => s.HintName == "ActivationGen.Kernels.SigmoidSingleKernels.g.cs").SourceText.ToString();
        foreach (string width in new[] { "Vector512", "Vector256", "Vector128" })
        {
            Assert.Contains("global::System.Runtime.Intrinsics." + width + ".IsHardwareAccelerated", family, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<float> Samples()
        => new[] { float.NaN, float.NegativeInfinity, -1e30f, -104f, -88.7f, -20f, -1f, -float.Epsilon, -0f, 0f, 1e-40f, 0.5f, -2.9999998f, -2.5f, 1.7f, 2.9999998f, 3f, 20f, 88.7f, float.MaxValue, float.PositiveInfinity };

    /// <summary>SigmoidForward over <paramref name="z"/>: y then dydz, concatenated.</summary>
    private static float[] SpanCall(Assembly assembly, float[] z)
    {
        float[] y = new float[z.Length], dydz = new float[z.Length];
        assembly.GetType("SpanAct")!.GetMethod("SigmoidForwardArrays", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [z, y, dydz]);
        return [.. y, .. dydz];
    }

    private static T Call<T>(Type type, string name, T argument)
        => (T)type.GetMethod(name, BindingFlags.Public | BindingFlags.Static, [typeof(T)])!.Invoke(null, [argument])!;
}
