using System.Threading.Tasks;
using ActivationGen.Tests.Infrastructure;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>Every AG0 rule fires, at the right place, on the declaration it is about.</summary>
public class UsageDiagnosticTests
{
    private const string Usings = "using System;\nusing ActivationGen;\n";

    [Fact]
    public Task AG0001_method_not_partial() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public static partial class Act
        {
            [Activation(Kind.Sigmoid)]
            public static float {|AG0001:Sigmoid|}(float z) => z;
        }
        """);

    [Fact]
    public Task AG0002_containing_type_not_partial() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public static class {|AG0002:Act|}
        {
            [Activation(Kind.Sigmoid)]
            public static partial float Sigmoid(float z);
        }
        """);

    [Fact]
    public Task AG0002_enclosing_type_not_partial() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public class {|AG0002:Outer|}
        {
            public static partial class Act
            {
                [Activation(Kind.Relu)]
                public static partial float Relu(float z);
            }
        }
        """);

    [Fact]
    public Task AG0002_interface() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public partial interface {|AG0002:IAct|}
        {
            [Activation(Kind.Relu)]
            public static partial float Relu(float z);
        }
        """);

    [Fact]
    public Task AG0003_method_already_has_a_body() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public static partial class Act
        {
            [Activation(Kind.Tanh)]
            public static partial double {|AG0003:Tanh|}(double z) => Math.Tanh(z);
        }
        """);

    [Fact]
    public Task AG0003_attribute_on_definition_with_separate_implementation() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public static partial class Act
        {
            [Activation(Kind.Tanh)]
            public static partial double {|AG0003:Tanh|}(double z);
            public static partial double Tanh(double z) => Math.Tanh(z);
        }
        """);

    [Fact]
    public Task AG0004_generic_method() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public static partial class Act
        {
            [Activation(Kind.Relu)]
            public static partial T {|AG0004:Relu|}<T>(T z);
        }
        """);

    [Theory]
    [InlineData("Half")]
    [InlineData("decimal")]
    [InlineData("int")]
    public Task AG0005_unsupported_element_type(string type) => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + $$"""
        public static partial class Act
        {
            [Activation(Kind.Relu)]
            public static partial {{type}} {|AG0005:Relu|}({{type}} z);
        }
        """);

    [Fact]
    public Task AG0005_unsupported_span_element_type() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public static partial class Act
        {
            [Activation(Kind.Relu)]
            public static partial void {|AG0005:Relu|}(ReadOnlySpan<int> z, Span<int> y);
        }
        """);

    [Theory]
    [InlineData("public static partial float {|AG0006:F|}(float a, float b);")]
    [InlineData("public static partial float {|AG0006:F|}();")]
    [InlineData("public static partial float {|AG0006:F|}(ref float z);")]
    [InlineData("public static partial float {|AG0006:F|}(in float z);")]
    [InlineData("public static partial void {|AG0006:F|}(out float z);")]
    [InlineData("public static partial double {|AG0006:F|}(float z);")]
    [InlineData("public static partial void {|AG0006:F|}(ReadOnlySpan<float> z, Span<double> y);")]
    [InlineData("public static partial void {|AG0006:F|}(Span<float> z, Span<float> y);")]
    [InlineData("public static partial void {|AG0006:F|}(ReadOnlySpan<float> z, ReadOnlySpan<float> y);")]
    [InlineData("public static partial float {|AG0006:F|}(ReadOnlySpan<float> z, Span<float> y);")]
    [InlineData("public static partial void {|AG0006:F|}(params float[] z);")]
    [InlineData("public static partial ref float {|AG0006:F|}(float z);")]
    public Task AG0006_unsupported_shape(string declaration) => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + $$"""
        public static partial class Act
        {
            [Activation(Kind.Sigmoid)]
            {{declaration}}
        }
        """);

    [Fact]
    public Task AG0006_virtual_method() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public partial class Layer
        {
            [Activation(Kind.Sigmoid)]
            public virtual partial float {|AG0006:Sigmoid|}(float z);
        }
        """);

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    [InlineData("double.NaN")]
    [InlineData("double.PositiveInfinity")]
    public Task AG0007_slope_out_of_range(string slope) => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + $$"""
        public static partial class Act
        {
            [Activation(Kind.LeakyRelu, {|AG0007:Slope = {{slope}}|})]
            public static partial float LeakyRelu(float z);
        }
        """);

    [Theory]
    [InlineData("1e-50")]
    [InlineData("1e-40")]
    [InlineData("0.99999999")]
    public Task AG0007_slope_that_leaves_the_range_when_rounded_to_float(string slope) => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + $$"""
        public static partial class Act
        {
            [Activation(Kind.LeakyRelu, {|AG0007:Slope = {{slope}}|})]
            public static partial float LeakyRelu(float z);

            // The same value is fine where it is folded in as a double.
            [Activation(Kind.LeakyRelu, Slope = {{slope}})]
            public static partial double LeakyRelu(double z);
        }
        """);

    /// <summary>1e-40 satisfies 0 &lt; Slope &lt; 1; the message must say why it is still refused (subnormal as float).</summary>
    [Fact]
    public void AG0007_message_says_a_float_slope_is_subnormal()
    {
        var input = GeneratorHarness.CreateCompilation(Usings + """
            public static partial class Act
            {
                [Activation(Kind.LeakyRelu, Slope = 1e-40)]
                public static partial float LeakyRelu(float z);
            }
            """);
        GeneratorHarness.RunGenerator(input, out _, out var diagnostics);

        var ag0007 = Assert.Single(diagnostics, d => d.Id == "AG0007");
        string message = ag0007.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("1E-40 (1E-40 as float, a subnormal number", message, System.StringComparison.Ordinal);

        // The advice names the condition the value fails, not only the range it satisfies (a newcomer trial
        // found "use a finite value with 0 < Slope < 1" puzzling for 1e-40).
        Assert.EndsWith("0 < Slope < 1, and 0 or at least 1.1754944E-38 in magnitude as float (no subnormal)", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public Task AG0007_hardtanh_bounds_out_of_order() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public static partial class Act
        {
            [Activation(Kind.HardTanh, Min = 1, {|AG0007:Max = 0.5|})]
            public static partial float Swapped(float z);

            [Activation(Kind.HardTanh, Min = 2, {|AG0007:Max = 2|})]
            public static partial double Equal(double z);

            // Only Min set: compared with Max's default 1.
            [Activation(Kind.HardTanh, {|AG0007:Min = 3|})]
            public static partial double AboveDefaultMax(double z);

            [Activation(Kind.HardTanh, {|AG0007:Max = double.PositiveInfinity|})]
            public static partial double Unbounded(double z);

            // Distinct as double, the same float: refused for float only.
            [Activation(Kind.HardTanh, Min = 1.00000001, {|AG0007:Max = 1.00000002|})]
            public static partial float CollapsedAsFloat(float z);

            [Activation(Kind.HardTanh, Min = 1.00000001, Max = 1.00000002)]
            public static partial double DistinctAsDouble(double z);

            [Activation(Kind.HardTanh, Min = -3, Max = -2)]
            public static partial float BothNegative(float z);
        }
        """);

    [Fact]
    public void AG0007_message_names_the_other_bound()
    {
        var input = GeneratorHarness.CreateCompilation(Usings + """
            public static partial class Act
            {
                [Activation(Kind.HardTanh, Min = 3)]
                public static partial double H(double z);
            }
            """);
        GeneratorHarness.RunGenerator(input, out var output, out var diagnostics);

        var ag0007 = Assert.Single(diagnostics, d => d.Id == "AG0007");
        Assert.Equal(
            "Min = 3 is not valid for Kind.HardTanh on 'H'; use a finite value with Min < Max (Max = 1, its default)",
            ag0007.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.Contains("HardTanh", System.StringComparison.Ordinal));
    }

    /// <summary>1e300 passes the range check as a double; as float it is ∞, and the message must say so (it said
    /// "subnormal" before).</summary>
    [Fact]
    public void AG0007_message_says_a_float_bound_overflows()
    {
        var input = GeneratorHarness.CreateCompilation(Usings + """
            public static partial class Act
            {
                [Activation(Kind.HardTanh, Min = -1e300)]
                public static partial float H(float z);
            }
            """);
        GeneratorHarness.RunGenerator(input, out _, out var diagnostics);

        string message = Assert.Single(diagnostics, d => d.Id == "AG0007").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("-1E+300 (-Infinity as float: beyond float's range)", message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("subnormal", message, System.StringComparison.Ordinal);
    }

    /// <summary>Min = 0.0 and Min = -0.0 clamp to different zeros: two kernel classes, and both families compile
    /// (the pipeline once merged them, by ==, and one family called a class that was never generated).</summary>
    [Fact]
    public void HardTanh_bounds_of_either_zero_sign_compile_and_keep_their_sign()
    {
        (Microsoft.CodeAnalysis.Compilation output, _) = GeneratorHarness.GenerateClean(Usings + """
            public static partial class A { [Activation(Kind.HardTanh, Min = 0.0, Max = 1)] public static partial float PositiveZero(float z); }
            public static partial class B { [Activation(Kind.HardTanh, Min = -0.0, Max = 1)] public static partial float NegativeZero(float z); }
            public static partial class C { [Activation(Kind.HardTanh, Min = -1, Max = -0.0)] public static partial double NegativeZeroMax(double z); }
            public static partial class D { [Activation(Kind.HardTanh, Min = -1, Max = 0)] public static partial double PositiveZeroMax(double z); }
            """);
        var assembly = GeneratorHarness.Load(output);
        float Single(string type, string name, float z) => (float)assembly.GetType(type)!.GetMethod(name, [typeof(float)])!.Invoke(null, [z])!;
        double Double(string type, string name, double z) => (double)assembly.GetType(type)!.GetMethod(name, [typeof(double)])!.Invoke(null, [z])!;

        Assert.True(float.IsPositive(Single("A", "PositiveZero", -1f)));
        Assert.True(float.IsNegative(Single("B", "NegativeZero", -1f)));
        Assert.True(double.IsNegative(Double("C", "NegativeZeroMax", 1.0)));
        Assert.True(double.IsPositive(Double("D", "PositiveZeroMax", 1.0)));
    }

    [Fact]
    public Task AG0006_value_returning_partial_without_accessibility() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public partial class Net
        {
            [Activation(Kind.Sigmoid)]
            static partial float {|AG0006:Sigmoid|}(float z);

            // A void partial without accessibility is an ordinary (implicitly private) partial method: fine.
            [Activation(Kind.Relu)]
            static partial void Relu(ReadOnlySpan<float> z, Span<float> y);
        }
        """);

    [Theory]
    [InlineData("Sigmoid")]
    [InlineData("Tanh")]
    [InlineData("Relu")]
    [InlineData("Relu6")]
    [InlineData("HardTanh")]
    [InlineData("HardSigmoid")]
    public Task AG0008_parameter_the_kind_does_not_use(string kind) => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + $$"""
        public static partial class Act
        {
            [Activation(Kind.{{kind}}, {|AG0008:Slope = 0.1|})]
            public static partial float F(float z);
        }
        """);

    [Theory]
    [InlineData("(Kind)0")]
    [InlineData("(Kind)99")]
    [InlineData("(Kind)(-1)")]
    [InlineData("Kind.Sigmoid | Kind.Tanh")]
    [InlineData("(Kind.Sigmoid | Kind.Tanh)")]
    [InlineData("(Kind)(Kind.Sigmoid | Kind.Tanh)")]
    [InlineData("checked((Kind.Sigmoid | Kind.Tanh))")]
    public Task AG0009_undefined_kind(string kind) => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + $$"""
        public static partial class Act
        {
            [Activation({|AG0009:{{kind}}|})]
            public static partial float F(float z);
        }
        """);

    [Fact]
    public Task AG0010_generated_name_already_declared() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public static partial class Act
        {
            [Activation(Kind.Sigmoid)]
            public static partial float {|AG0010:Sigmoid|}(float z);

            public static float SigmoidDerivative(float z) => 0;
        }
        """);

    [Fact]
    public Task AG0010_both_shapes_declared() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public static partial class Act
        {
            [Activation(Kind.Sigmoid)]
            public static partial float {|AG0010:Sigmoid|}(float z);

            [Activation(Kind.Sigmoid)]
            public static partial void {|AG0010:Sigmoid|}(ReadOnlySpan<float> z, Span<float> y);
        }
        """);

    /// <summary>
    /// [Activation]'s target is Method, so the compiler accepts it on local functions, accessors, operators and
    /// lambdas; none of them can be a partial method, and the attribute used to be ignored there without a word
    /// (found by fuzzing declarations).
    /// </summary>
    [Fact]
    public Task AG0006_on_declarations_that_cannot_be_partial_methods() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public partial struct S
        {
            public float P { [{|AG0006:Activation(Kind.Relu)|}] get => 0; }

            [{|AG0006:Activation(Kind.Relu)|}]
            public static S operator +(S a, S b) => a;

            public static float Run(float x)
            {
                Func<float, float> f = [{|AG0006:Activation(Kind.Tanh)|}] (float z) => z;
                return Local(f(x));

                [{|AG0006:Activation(Kind.Sigmoid)|}]
                static float Local(float z) => z;
            }
        }
        """);

    /// <summary>A C# 14 extension block has no name: AG0006 at the method, where AG0002 used to say "Type ''" with no
    /// location (found by fuzzing declarations).</summary>
    [Fact]
    public Task AG0006_in_an_extension_block() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public static partial class FloatExtensions
        {
            extension(float x)
            {
                [Activation(Kind.Sigmoid)]
                public partial float {|AG0006:F|}(float z);
            }
        }
        """, Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview);

    /// <summary>A member named like one of the type's type parameters is CS0102 (found by fuzzing declarations).</summary>
    [Fact]
    public Task AG0010_type_parameter_with_a_generated_name() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public partial class Outer<FBackward>
        {
            [Activation(Kind.Tanh)]
            public static partial float {|AG0010:F|}(float z);
        }
        """);

    /// <summary>A generated member would hide a primary-constructor parameter of that name, and the user's code that
    /// reads the parameter would stop compiling (CS0428; found by fuzzing declarations).</summary>
    [Fact]
    public Task AG0010_primary_constructor_parameter_with_a_generated_name() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public partial class Layer(float FForward)
        {
            [Activation(Kind.Sigmoid)]
            public partial float {|AG0010:F|}(float z);

            public float Scale => FForward;
        }
        """);

    [Fact]
    public Task AG0010_property_with_a_generated_name() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public partial class Net
        {
            [Activation(Kind.Relu)]
            public partial float {|AG0010:Relu|}(float z);

            public int ReluBackward { get; set; }
        }
        """);

    [Fact]
    public Task AG0010_inherited_member() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public class LayerBase
        {
            public void TanhForward(ReadOnlySpan<double> z, Span<double> y, Span<double> dydz) { }
        }

        public partial class Layer : LayerBase
        {
            [Activation(Kind.Tanh)]
            public partial double {|AG0010:Tanh|}(double z);
        }
        """);

    [Fact]
    public Task AG0011_language_version_below_9() => GeneratorVerifier.VerifyDiagnosticsAsync(
        Usings + """
        public static partial class Act
        {
            [Activation(Kind.Relu)]
            public static partial void {|AG0011:Relu|}(ReadOnlySpan<float> z, Span<float> y);
        }
        """,
        Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8);

    [Fact]
    public Task Several_problems_are_all_reported() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        public static class {|AG0002:Act|}
        {
            [Activation(Kind.LeakyRelu, {|AG0007:Slope = 2|})]
            public static float {|AG0001:LeakyRelu|}(float z) => z;
        }
        """);

    [Fact]
    public Task Valid_declarations_produce_no_diagnostic() => GeneratorVerifier.VerifyDiagnosticsAsync(Usings + """
        namespace Nets.Layers
        {
            public static partial class Act
            {
                [Activation(Kind.Sigmoid)] public static partial float Sigmoid(float z);
                [Activation(Kind.Sigmoid)] public static partial double Sigmoid(double z);
                [Activation(Kind.Tanh)] public static partial void Tanh(ReadOnlySpan<double> z, Span<double> y);
                [Activation(Kind.Relu)] internal static partial float Relu(float z);
                [Activation(Kind.LeakyRelu, Slope = 0.2)] private static partial void Leaky(ReadOnlySpan<float> input, Span<float> output);
                [Activation(Kind.LeakyRelu)] public static partial float LeakyDefault(float z);
                [Activation(Kind.Relu6)] public static partial float Relu6(float z);
                [Activation(Kind.HardTanh, Min = -0.5, Max = 4)] public static partial void HardTanh(ReadOnlySpan<double> z, Span<double> y);
                [Activation(Kind.HardSigmoid)] public static partial double HardSigmoid(double z);
            }

            public partial struct Neuron
            {
                [Activation(Kind.Relu)] public partial float Activate(float z);
            }

            public partial record Layer<T>
            {
                public partial class Inner
                {
                    [Activation(Kind.Tanh)] protected internal partial double Squash(double z);
                }
            }
        }
        """);
}
