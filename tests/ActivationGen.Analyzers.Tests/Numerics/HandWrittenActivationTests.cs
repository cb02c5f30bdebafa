using System.Threading.Tasks;
using ActivationGen.Analyzers.Tests.Infrastructure;
using ActivationGen.Generator.Analyzers;
using Xunit;

namespace ActivationGen.Analyzers.Tests.Numerics;

/// <summary>AG2002 (constants differ), AG2003 (overflow), AG3001 (the generator can replace it).</summary>
public class HandWrittenActivationTests
{
    [Fact]
    public Task AG2002_fires_when_leaky_slopes_or_elu_alphas_differ()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            using System;

            public interface IActivation { double Forward(double x); double Derivative(double x); }

            public sealed class LeakyReLU : IActivation
            {
                public double {|AG3001:Forward|}(double x) => x > 0 ? x : 0.01 * x;
                public double {|AG2002:Derivative|}(double x) => x > 0 ? 1 : 0.1;
            }

            public sealed class Elu
            {
                public double Apply(double x) => x > 0 ? x : 1.0 * (Math.Exp(x) - 1);
                public double {|AG2002:ApplyDerivative|}(double x) => x > 0 ? 1 : 0.5 * Math.Exp(x);
            }
            """);

    [Fact]
    public Task AG2002_silent_when_constants_agree()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            using System;

            public sealed class LeakyReLU
            {
                private const double Slope = 0.2;
                public double {|AG3001:Forward|}(double x) => x >= 0 ? x : Slope * x;
                public double Derivative(double x) => x >= 0 ? 1 : Slope;
                public override string ToString() => "leaky";
            }

            public sealed class Elu
            {
                public double Apply(double x) => x > 0 ? x : Math.Exp(x) - 1;
                public double ApplyDerivativeFromOutput(double y) => y > 0 ? 1 : y + 1;
            }
            """);

    [Fact]
    public Task AG2003_fires_on_forms_that_divide_infinity_by_infinity()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            using System;

            public sealed class Neuron
            {
                public static double {|AG2003:Logistic|}(double x) => Math.Exp(x) / (1 + Math.Exp(x));

                public static float {|AG2003:SigmoidPrime|}(float z)
                {
                    float e = MathF.Exp(-z);
                    return e / ((1 + e) * (1 + e));
                }

                public static double {|AG2003:Tanh|}(double x) => (Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-x));
            }
            """);

    [Fact]
    public Task AG2003_fires_on_the_textbook_float_sigmoid_whose_tail_collapses_to_zero()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            using System;

            public static class Activations
            {
                // MathF.Exp(100) = +∞, so σ(−100) is 0 instead of 3.8e−44: the whole tail below −88.7 is lost.
                public static float {|AG2003:Sigmoid|}(float x) => 1f / (1f + MathF.Exp(-x));
            }
            """);

    [Fact]
    public Task AG2003_fires_on_a_unity_style_float_sigmoid_over_Mathf_Exp()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            namespace UnityEngine
            {
                // The shape of Unity's Mathf: float wrappers over System.Math.
                public static class Mathf
                {
                    public static float Exp(float power) => (float)System.Math.Exp(power);
                    public static float Max(float a, float b) => a > b ? a : b;
                }
            }

            namespace Game
            {
                using UnityEngine;

                public class NeuralNetwork
                {
                    // Mathf.Exp(100f) = +∞ exactly like MathF.Exp: σ(−100) becomes 0.
                    private float {|AG2003:Sigmoid|}(float x) => 1 / (1 + Mathf.Exp(-x));

                    private float {|AG3001:Relu|}(float x) => Mathf.Max(0, x);
                }
            }
            """);

    [Fact]
    public Task AG2003_silent_on_forms_that_saturate_correctly()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            using System;

            public sealed class Neuron
            {
                // In double, Math.Exp(-x) overflows only where σ itself rounds to 0: nothing is lost.
                internal static double {|AG3001:Sigmoid|}(double z) => 1 / (1 + Math.Exp(-z));

                internal static double {|AG3001:StableSigmoid|}(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

                internal static double Softsign(double x) => x / (1 + Math.Abs(x));
            }
            """);

    /// <summary>
    /// AG2003 says "because an exponential overflows", so a wrong value with another cause is not its business:
    /// 1 − tanh² cancels to 0 at z = −100 (tanh rounds to −1; Math.Pow of it is 1, no overflow), and a deliberate
    /// cut-off returns 0 below −45 before any exponential runs. Both shapes are from real projects (Backprop-VS-Genetics,
    /// DanSamek/ML, georgekosmidis/SimpleNeuralNetwork), where AG2003 used to fire with that false cause.
    /// </summary>
    [Fact]
    public Task AG2003_silent_where_the_wrong_value_has_another_cause_than_an_overflow()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            using System;

            public sealed class TanHActivation
            {
                public double {|AG3001:Function|}(double x) => Math.Tanh(x);
                public double Derivative(double x) => 1 - Math.Pow(Math.Tanh(x), 2);
            }

            public sealed class Sigmoid
            {
                public double {|AG3001:Output|}(double val)
                {
                    if (val < -45.0) return 0.0;
                    if (val > 45.0) return 1.0;
                    return 1.0 / (1.0 + Math.Exp(-val));
                }
            }

            public static class FloatTanh
            {
                // Still an overflow: MathF.Exp(200) is +∞ and the quotient ∞/∞ is NaN.
                public static float {|AG2003:Tanh|}(float x) => (MathF.Exp(2 * x) - 1) / (MathF.Exp(2 * x) + 1);
            }
            """);

    /// <summary>
    /// The message names the type the exponential overflowed in: a double method with a 1.0f literal computes e^x in
    /// double (kj1411/ml-Unity's Sigmoid said "in float"); (float)Math.Exp(−z) overflows in float although Math.Exp
    /// does not (Daylz, Daneaux: the common Unity spelling, reported as a mere AG3001 before).
    /// </summary>
    [Fact]
    public Task AG2003_names_the_type_the_exponential_overflows_in()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            using System;

            public sealed class Net
            {
                private double {|#0:Sigmoid|}(double n) { double k = System.Math.Exp(n); return k / (1.0f + k); }

                public static float {|#1:Logistic|}(float x) => 1 / (1 + (float)Math.Exp(-x));

                public static float {|#2:Squash|}(float x) { float k = (float)Math.Exp(x); return k / (1f + k); }
            }
            """,
            null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("AG2003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("Sigmoid", "NaN", "1000", "in double e^x overflows beyond 709.8", "[Activation(Kind.Sigmoid)]"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("AG2003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1)
                .WithArguments("Logistic", "0 instead of 3.8E-44", "-100", "in float e^x overflows beyond 88.7", "[Activation(Kind.Sigmoid)]"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("AG2003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(2)
                .WithArguments("Squash", "NaN", "100", "in float e^x overflows beyond 88.7", "[Activation(Kind.Sigmoid)]"));

    /// <summary>
    /// For a derivative, AG2003 points at the generated derivative member, not at declaring the derivative itself
    /// [Activation(Kind.Tanh)] (which would turn it into tanh; andrewfry/SharpML-Recurrent's TanhUnit.Backward,
    /// RaduTM-spec/NeuroForge's Derivative.TanH). Also double.Max / float.Exp, the generic-math statics, are math.
    /// </summary>
    [Fact]
    public Task AG2003_on_a_derivative_points_at_the_generated_derivative()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            using System;

            public static class Units
            {
                public static float {|#0:TanhBackward|}(float x) { float c = MathF.Cosh(x); return 4 * c * c / ((MathF.Cosh(2 * x) + 1) * (MathF.Cosh(2 * x) + 1)); }

                public static float {|#1:Rectify|}(float x) => float.Max(0f, x);

                public static double {|#2:Logistic|}(double x) => 1 / (1 + double.Exp(-x));
            }
            """,
            null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("AG2003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("TanhBackward", "NaN", "-100", "in float e^x overflows beyond 88.7", "declare the forward as [Activation(Kind.Tanh)] and call its generated …Derivative member"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("AG3001", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(1)
                .WithArguments("Rectify", "ReLU", "Kind.Relu"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("AG3001", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(2)
                .WithArguments("Logistic", "sigmoid", "Kind.Sigmoid"));

    /// <summary>
    /// No conversion (so no AG3001) where it would change or break code (found by fuzzing the fix): a hand-written
    /// derivative that differs from the generated one at 0 (x &gt;= 0 ? 1 : 0; PyTorch's ReLU'(0) = 0) would be deleted
    /// as its twin; a virtual twin is overridden elsewhere (CS0506); a 'new' method hides a base member that the
    /// generated family clashes with (AG0010).
    /// </summary>
    [Fact]
    public Task AG3001_silent_where_the_conversion_would_change_or_break_code()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            using System;

            public static class Rectifier
            {
                public static double Relu(double x) => Math.Max(0, x);
                public static double ReluDerivative(double x) => x >= 0 ? 1 : 0;
            }

            public class A
            {
                public double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                public virtual double SigmoidDerivative(double x) => Sigmoid(x) * (1 - Sigmoid(x));
            }

            public class B : A
            {
                public override double SigmoidDerivative(double x) => base.SigmoidDerivative(x) * 2;
            }

            public class Base
            {
                public double Leaky(double x) => x;
            }

            public class Derived : Base
            {
                public new double Leaky(double x) => x > 0 ? x : 0.01 * x;
            }
            """);

    [Fact]
    public Task AG3001_fires_on_replaceable_activations_in_several_styles()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            using System;
            using ActivationGen;

            public static class Activations
            {
                public static double {|AG3001:Relu|}(double x) => Math.Max(0, x);
                public static float {|AG3001:Leaky|}(float x) { if (x < 0) return 0.1f * x; return x; }
                public static double {|AG3001:Tanh|}(double x) => Math.Tanh(x);
            }

            public sealed class SigmoidUnit
            {
                public double {|AG3001:Activate|}(double z) => 1.0 / (1.0 + Math.Exp(-z));
            }

            public static partial class Act
            {
                [Activation(Kind.Sigmoid)]
                public static partial double Sigmoid(double z);

                public static double {|AG3001:Dsigmoid|}(double y) => y * (1 - y);
            }
            """);

    /// <summary>The clamp kinds are told apart by their values at ±8 (the kinds each becomes: CodeFixTests), and
    /// only PyTorch's hard sigmoid (z + 3)/6 is taken for one.</summary>
    [Fact]
    public Task AG3001_fires_on_hand_written_clamp_activations_with_the_right_kind()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            using System;

            public static class Clamps
            {
                public static double {|AG3001:Relu6|}(double x) => Math.Min(Math.Max(0, x), 6);
                public static float {|AG3001:HardTanh|}(float x) => Math.Clamp(x, -1f, 1f);
                public static double {|AG3001:Clip|}(double x) => x < -2 ? -2 : x > 0.5 ? 0.5 : x;
                public static float {|AG3001:HardSigmoid|}(float x) => Math.Max(0f, Math.Min(1f, (x + 3f) / 6f));

                // Keras' hard sigmoid clip(0.2·x + 0.5) is not PyTorch's (z + 3)/6: no kind to offer.
                public static double KerasHardSigmoid(double x) => Math.Max(0, Math.Min(1, 0.2 * x + 0.5));

                // A clamp whose linear part does not straddle 0 is a utility, not an activation.
                public static double Clamp25(double x) => Math.Clamp(x, 2, 5);

                // Capped far above the sample points: not a ReLU (converting it would drop the cap).
                public static double Clamp100(double x) => Math.Clamp(x, 0, 100);
                public static double CappedRelu(double x) => Math.Min(Math.Max(0, x), 1e6);
            }
            """);

    [Fact]
    public Task AG3001_silent_where_conversion_would_clash_or_is_not_an_activation()
        => Verify.AnalyzerAsync<HandWrittenActivationAnalyzer>("""
            using System;

            public abstract class ActivationBase
            {
                public abstract double F(double x);
            }

            public sealed class Sigmoid : ActivationBase
            {
                public override double F(double x) => 1 / (1 + Math.Exp(-x));
            }

            public static class Maths
            {
                // SigmoidDerivative takes the output here; the generated one would take z: not replaceable.
                public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                public static double SigmoidDerivative(double y) => y * (1 - y);

                public static double Square(double x) => x * x;
                public static double Clamp01(double x) => Math.Min(1, Math.Max(0, x));
            }
            """);
}
