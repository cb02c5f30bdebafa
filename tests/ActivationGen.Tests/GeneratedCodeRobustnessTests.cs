using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>
/// Whatever the user writes, the generator never throws (CS8785) and never produces code with errors:
/// invalid declarations get our diagnostic and no code; odd but valid ones compile cleanly.
/// </summary>
public class GeneratedCodeRobustnessTests
{
    public static IEnumerable<object[]> InvalidDeclarations() => new[]
    {
        "public static partial class A { [Activation(Kind.Sigmoid)] public static float F(float z) => z; }",
        "public static class A { [Activation(Kind.Sigmoid)] public static partial float F(float z); }",
        "public class O { public static partial class A { [Activation(Kind.Relu)] public static partial float F(float z); } }",
        "public static partial class A { [Activation(Kind.Tanh)] public static partial double F(double z) => z; }",
        "public static partial class A { [Activation(Kind.Relu)] public static partial T F<T>(T z); }",
        "public static partial class A { [Activation(Kind.Relu)] public static partial decimal F(decimal z); }",
        "public static partial class A { [Activation(Kind.Relu)] public static partial void F(ReadOnlySpan<Half> z, Span<Half> y); }",
        "public static partial class A { [Activation(Kind.Relu)] public static partial float F(float a, float b); }",
        "public static partial class A { [Activation(Kind.Relu)] public static partial float F(ref float z); }",
        "public static partial class A { [Activation(Kind.LeakyRelu, Slope = 3)] public static partial float F(float z); }",
        "public static partial class A { [Activation(Kind.Sigmoid, Slope = 0.1)] public static partial float F(float z); }",
        "public static partial class A { [Activation((Kind)42)] public static partial float F(float z); }",
        "public static partial class A { [Activation(Kind.Relu)] public static partial float F(float z); public static void FBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> g, Span<float> d) { } }",
        "public static partial class A { [Activation(Kind.Relu)] public static partial float F(float z); [Activation(Kind.Relu)] public static partial void F(ReadOnlySpan<float> z, Span<float> y); }",
        "public partial class F { [Activation(Kind.Relu)] public partial float F(float z); }",
        "public partial class A { [Activation(Kind.Relu)] public partial Undefined F(Undefined z); }",
        "public partial class A { [Activation()] public partial float F(float z); }",
        "public partial class A { [Activation(Kind.Relu, Slope = \"x\")] public partial float F(float z); }",
        "public partial class A { [Activation(Kind.Relu)] public partial float F(float z); [Activation(Kind.Relu)] public partial float F(float z); }",
        "public static partial class A { [Activation(Kind.Relu)] public partial float F(float z); }",
        "file partial class A { [Activation(Kind.Relu)] public partial float F(float z); }",
        // Found by DeclarationFuzzTests: errors the compiler reports on the declaration must not be repeated in generated code.
        "public static partial class A { [Activation(Kind.Sigmoid)] static partial void F(ReadOnlySpan<float> y, Span<float> y); }",
        "public partial struct S { [Activation(Kind.Relu)] protected partial float F(float z); }",
        "public static partial class A { [Activation(Kind.Relu)] protected static partial float F(float z); }",
        "public partial class A { [Activation(Kind.Relu)] public readonly partial float F(float z); }",
        "public partial struct S { [Activation(Kind.Relu)] public static readonly partial float F(float z); }",
        "public partial class A { [Activation(Kind.Relu)] public volatile partial float F(float z); }",
        "public partial class A { [Activation(Kind.Relu)] public public partial float F(float z); }",
        "public partial class A { [Activation(Kind.Relu)] public private partial float F(float z); }",
        "public partial class A { [Activation(Kind.Relu)] public partial float F(scoped float z); }",
        "public partial class A { [Activation(Kind.Relu)] new partial void F(ReadOnlySpan<float> z, Span<float> y); }",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(InvalidDeclarations))]
    public void Invalid_declarations_never_break_the_generator_or_its_output(string declaration)
        => AssertRejectedWithoutBrokenOutput(GeneratorHarness.CreateCompilation("using System;\nusing ActivationGen;\n" + declaration));

    public static IEnumerable<object[]> DeclarationsTheLanguageVersionRejects() => new[]
    {
        // Found by DeclarationFuzzTests: C# 7.3 is netstandard2.0's default; AG0011 must be the only complaint.
        new object[] { "7.3", "public static partial class A { [Activation(Kind.Relu)] public static partial float F(float z); }" },
        new object[] { "9", "public static partial class A { [Activation(Kind.Relu)] public static partial void F(scoped ReadOnlySpan<float> z, Span<float> y); }" },
        new object[] { "9", "public partial record struct R { [Activation(Kind.Relu)] public partial float F(float z); }" },
    };

    [Theory]
    [MemberData(nameof(DeclarationsTheLanguageVersionRejects))]
    public void Declarations_the_language_version_rejects_never_break_the_generated_code(string languageVersion, string declaration)
    {
        Assert.True(LanguageVersionFacts.TryParse(languageVersion, out LanguageVersion version));
        AssertRejectedWithoutBrokenOutput(GeneratorHarness.CreateCompilation("using System;\nusing ActivationGen;\n" + declaration, parseOptions: new CSharpParseOptions(version)));
    }

    private static void AssertRejectedWithoutBrokenOutput(Compilation input)
    {
        GeneratorRunResult result = GeneratorHarness.RunGenerator(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        Assert.Null(result.Exception);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        var errorsInGeneratedCode = output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && !tree.FilePath.EndsWith("Consumer.cs", System.StringComparison.Ordinal))
            .ToList();
        Assert.True(errorsInGeneratedCode.Count == 0, string.Join("\n", errorsInGeneratedCode) + "\n" + GeneratorHarness.Dump(result));
        Assert.DoesNotContain(result.GeneratedSources, s => Regex.IsMatch(s.HintName, @"\.(float|double)\."));
    }

    public static IEnumerable<object[]> HalfTypedDeclarations() => new[]
    {
        "public partial class A { [Activation(Kind.Relu)] public partial float F(float z) }",
        "public partial class A { [Activation(Kind.Relu, Slope = )] public partial float F(float z); }",
        "public partial class A { [Activation(Kind.Relu)] public partial float F(float",
        "public partial class A { [Activation(Kind.",
        "public partial class A { [Activation(Kind.Sigmoid)] public partial void F(ReadOnlySpan<float> z, Span<float> ); }",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(HalfTypedDeclarations))]
    public void Half_typed_code_never_breaks_the_generator_or_its_output(string declaration)
    {
        Compilation input = GeneratorHarness.CreateCompilation("using System;\nusing ActivationGen;\n" + declaration);
        GeneratorRunResult result = GeneratorHarness.RunGenerator(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        Assert.Null(result.Exception);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && !tree.FilePath.EndsWith("Consumer.cs", System.StringComparison.Ordinal));
    }

    public static IEnumerable<object[]> OddButValidDeclarations() => new[]
    {
        // Parameter names that collide with the generator's locals.
        "public static partial class A { [Activation(Kind.Sigmoid)] public static partial void F(ReadOnlySpan<float> i, Span<float> length); }",
        "public static partial class A { [Activation(Kind.Tanh)] public static partial double F(double e); }",
        "public static partial class A { [Activation(Kind.Sigmoid)] public static partial float F(float x); }",
        "public static partial class A { [Activation(Kind.Sigmoid)] public static partial void F(ReadOnlySpan<double> zRef, Span<double> Kernel512); }",
        "public static partial class A { [Activation(Kind.Tanh)] public static partial void F(ReadOnlySpan<float> @last, Span<float> @class); }",
        "public static partial class A { [Activation(Kind.Tanh)] public static partial void F(ReadOnlySpan<float> j, Span<float> zBlock0Abs); }",
        "public static partial class A { [Activation(Kind.Sigmoid)] public static partial void F(ReadOnlySpan<double> zBlock0, Span<double> zAbs); }",
        // Keyword-named members and types; the global namespace; nesting; generics; structs and records.
        "public static partial class @class { [Activation(Kind.Relu)] public static partial float @float(float z); }",
        "namespace @namespace.Inner { public partial class Outer<T, U> where T : struct { internal partial struct Mid { private partial record Leaf { [Activation(Kind.LeakyRelu, Slope = 0.3)] internal partial double Act(double z); } } } }",
        "public readonly partial struct S { [Activation(Kind.Sigmoid)] public partial float Act(float z); }",
        "public ref partial struct R { [Activation(Kind.Relu)] public static partial void Act(ReadOnlySpan<float> z, Span<float> y); }",
        "public partial record struct RS { [Activation(Kind.Tanh)] public partial float Act(float z); }",
        "public partial class P { [Activation(Kind.Relu)] partial void Act(ReadOnlySpan<float> z, Span<float> y); public void Run() => Act(default, default); }",
        "public partial class P { [Activation(Kind.Sigmoid)] protected virtual partial float Other(float z); }",
        "public unsafe partial class U { [Activation(Kind.Sigmoid)] public static unsafe partial float Act(float z); }",
        "public partial class D { /// <summary>Mine.</summary>\n [Activation(Kind.Sigmoid)] public static partial float Act(float z); }",
        "public partial class M { [Activation(Kind.Sigmoid)] [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] public static partial float Act(float z); }",
        // [MethodImpl] through an alias: the generator must see it and not add its own (CS0579; found by fuzzing).
        "using MI = System.Runtime.CompilerServices.MethodImplAttribute;\npublic partial class M { [Activation(Kind.Sigmoid)] [MI(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] public static partial float Act(float z); }",
        // Primary-constructor parameters and type parameters with other names than the generated members.
        "public partial class Layer<T>(float scale) { [Activation(Kind.Tanh)] public partial float Act(float z); public float Scale => scale; }",
        "public static partial class A { [Activation(Kind.Sigmoid)] public static partial float Sigmoid(float z); public static float Sigmoid(int z) => z; public static void SigmoidBackward() { } }",
        "public static partial class A { [Activation(Kind.Relu)] public static partial float Act(float z); [Activation(Kind.Relu)] public static partial double Act(double z); }",
        "#pragma warning disable CS8981\npublic static partial class act { [Activation(Kind.Sigmoid)] public static partial float S(float z); }",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(OddButValidDeclarations))]
    public void Odd_but_valid_declarations_compile_without_any_diagnostic(string declaration)
    {
        if (declaration.Contains("virtual", System.StringComparison.Ordinal))
        {
            // virtual partial is rejected (AG0006); make sure that is all that happens.
            Compilation input = GeneratorHarness.CreateCompilation("using System;\nusing ActivationGen;\n" + declaration);
            GeneratorHarness.RunGenerator(input, out _, out ImmutableArray<Diagnostic> diagnostics);
            Assert.Equal("AG0006", Assert.Single(diagnostics).Id);
            return;
        }

        GeneratorHarness.GenerateClean("using System;\nusing ActivationGen;\n" + declaration);
    }

    [Fact]
    public void Checked_arithmetic_context_does_not_break_the_integer_steps_of_exp()
    {
        (Compilation compilation, _) = GeneratorHarness.GenerateClean(
            "using System;\nusing ActivationGen;\npublic static partial class A { [Activation(Kind.Sigmoid)] public static partial float S(float z); [Activation(Kind.Tanh)] public static partial double T(double z); }",
            checkOverflow: true);
        System.Type type = GeneratorHarness.Load(compilation).GetType("A")!;
        foreach (float z in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity, -1e30f, 0f, 3f })
        {
            float y = (float)type.GetMethod("S", [typeof(float)])!.Invoke(null, [z])!;
            Assert.True(float.IsNaN(z) ? float.IsNaN(y) : y is >= 0 and <= 1);
        }

        foreach (double z in new[] { double.NaN, double.NegativeInfinity, -1e300, 0.5 })
        {
            double y = (double)type.GetMethod("T", [typeof(double)])!.Invoke(null, [z])!;
            Assert.True(double.IsNaN(z) ? double.IsNaN(y) : y is >= -1 and <= 1);
        }
    }
}
