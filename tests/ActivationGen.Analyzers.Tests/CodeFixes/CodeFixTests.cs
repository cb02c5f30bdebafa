using System.Threading.Tasks;
using ActivationGen.Analyzers.Tests.Infrastructure;
using ActivationGen.CodeFixes;
using ActivationGen.Generator.Analyzers;
using Xunit;

namespace ActivationGen.Analyzers.Tests.CodeFixes;

/// <summary>
/// Every fix: the diagnostic is in the source, the fix (and Fix All) produces the expected code, and the
/// fixed project, compiled with the real generator, has no diagnostic left and no compiler error.
/// </summary>
public class CodeFixTests
{
    [Fact]
    public Task AG3001_converts_a_static_sigmoid_and_deletes_its_twin_derivative()
        => Verify.CodeFixAsync<HandWrittenActivationAnalyzer, ConvertToActivationCodeFixProvider>(
            """
            using System;

            public static class Activations
            {
                /// <summary>Logistic sigmoid.</summary>
                public static double {|AG3001:Sigmoid|}(double x) => 1.0 / (1.0 + Math.Exp(-x));

                public static double SigmoidDerivative(double x) => Sigmoid(x) * (1 - Sigmoid(x));

                public static double Use(double x) => Sigmoid(x) + SigmoidDerivative(x);
            }
            """,
            """
            using System;
            using ActivationGen;

            public static partial class Activations
            {
                /// <summary>Logistic sigmoid.</summary>
                [Activation(Kind.Sigmoid)]
                public static partial double Sigmoid(double x);

                public static double Use(double x) => Sigmoid(x) + SigmoidDerivative(x);
            }
            """);

    /// <summary>
    /// Layout as found in real repositories (c0510gy/FlappyBird_GA_ANN, F1r3Hydr4nt/NeuralNetworks): a type without
    /// modifiers after another type gets `partial class ANN` on one line, and members indented by 12 keep it (the
    /// fix's tokens carried elastic trivia, and the clean-up moved the next member's first line to column 8).
    /// </summary>
    [Fact]
    public Task AG3001_keeps_the_layout_of_the_type_and_of_the_next_member()
        => Verify.CodeFixAsync<HandWrittenActivationAnalyzer, ConvertToActivationCodeFixProvider>(
            """
            using System;
            namespace N
            {
                class Other
                {
                }

                class ANN
                {
                        private double {|AG3001:fy|}(double X)
                        {
                            return 1 / (1 + Math.Exp(-X));
                        }

                        public static double Scale(double x)
                        {
                            return 2 * x;
                        }
                }
            }
            """,
            """
            using System;
            using ActivationGen;
            namespace N
            {
                class Other
                {
                }

                partial class ANN
                {
                        [Activation(Kind.Sigmoid)]
                        private partial double fy(double X);

                        public static double Scale(double x)
                        {
                            return 2 * x;
                        }
                }
            }
            """);

    /// <summary>Deleting the twin derivative keeps the preprocessor lines around it (a lost #region left #endregion
    /// alone: CS1028), and an alias of the namespace does not stand in for 'using ActivationGen;'.</summary>
    [Fact]
    public Task AG3001_keeps_directives_and_adds_the_using_next_to_an_alias()
        => Verify.CodeFixAsync<HandWrittenActivationAnalyzer, ConvertToActivationCodeFixProvider>(
            """
            using System;
            using AG = ActivationGen;

            public static class Activations
            {
                public static double {|AG3001:Sigmoid|}(double x) => 1.0 / (1.0 + Math.Exp(-x));

                #region Derivatives
                public static double SigmoidDerivative(double x) => Sigmoid(x) * (1 - Sigmoid(x));
                #endregion
            }
            """,
            """
            using System;
            using AG = ActivationGen;
            using ActivationGen;

            public static partial class Activations
            {
                [Activation(Kind.Sigmoid)]
                public static partial double Sigmoid(double x);

                #region Derivatives
                #endregion
            }
            """);

    /// <summary>Where the simple name Kind means something else (a property Kind of the class), the attribute names
    /// ActivationGen's Kind in full; else it would not compile (CS0120).</summary>
    [Fact]
    public Task AG3001_qualifies_Kind_where_the_name_means_something_else()
        => Verify.CodeFixAsync<HandWrittenActivationAnalyzer, ConvertToActivationCodeFixProvider>(
            """
            using System;

            public enum LayerKind { Dense, Conv }

            public class Layer
            {
                public LayerKind Kind { get; set; }

                public double {|AG3001:Sigmoid|}(double value) => 1.0 / (1.0 + Math.Exp(-value));
            }
            """,
            """
            using System;
            using ActivationGen;

            public enum LayerKind { Dense, Conv }

            public partial class Layer
            {
                public LayerKind Kind { get; set; }

                [Activation(global::ActivationGen.Kind.Sigmoid)]
                public partial double Sigmoid(double value);
            }
            """);

    /// <summary>ReLU6 becomes Kind.Relu6, not Kind.Relu (the two agree on every input below 6); a hard tanh
    /// keeps the bounds it was written with.</summary>
    [Fact]
    public Task AG3001_converts_clamp_activations_to_their_kinds()
        => Verify.CodeFixAsync<HandWrittenActivationAnalyzer, ConvertToActivationCodeFixProvider>(
            """
            using System;
            using ActivationGen;

            public static class Clamps
            {
                public static double {|AG3001:Relu6|}(double x) => Math.Min(Math.Max(0, x), 6);
                public static double {|AG3001:Clip|}(double x) => x < -2 ? -2 : x > 0.5 ? 0.5 : x;
                public static float {|AG3001:HardTanh|}(float x) => Math.Clamp(x, -1f, 1f);
                public static float {|AG3001:HardSigmoid|}(float x) => Math.Max(0f, Math.Min(1f, (x + 3f) / 6f));
            }
            """,
            """
            using System;
            using ActivationGen;

            public static partial class Clamps
            {
                [Activation(Kind.Relu6)]
                public static partial double Relu6(double x);
                [Activation(Kind.HardTanh, Min = -2, Max = 0.5)]
                public static partial double Clip(double x);
                [Activation(Kind.HardTanh)]
                public static partial float HardTanh(float x);
                [Activation(Kind.HardSigmoid)]
                public static partial float HardSigmoid(float x);
            }
            """);

    /// <summary>Hard tanh bounds go into the attribute as the method computes them: 1/3 in full, a double method's
    /// 0.7f as (double)0.7f, a float method's 0.7f as 0.7 (which the generator folds back to 0.7f).</summary>
    [Fact]
    public Task AG3001_writes_hard_tanh_bounds_exactly()
        => Verify.CodeFixAsync<HandWrittenActivationAnalyzer, ConvertToActivationCodeFixProvider>(
            """
            using System;
            using ActivationGen;

            public static class Clamps
            {
                public static double {|AG3001:Third|}(double x) => Math.Clamp(x, -1.0 / 3, 1.0 / 3);
                public static double {|AG3001:FloatBounds|}(double x) => x < -0.3f ? -0.3f : x > 0.7f ? 0.7f : x;
                public static float {|AG3001:FloatMethod|}(float x) => Math.Clamp(x, -0.3f, 0.7f);
                public static double {|AG3001:TinyNegative|}(double x) => Math.Clamp(x, -2.5e-7, 6);
            }
            """,
            """
            using System;
            using ActivationGen;

            public static partial class Clamps
            {
                [Activation(Kind.HardTanh, Min = -0.3333333333333333, Max = 0.3333333333333333)]
                public static partial double Third(double x);
                [Activation(Kind.HardTanh, Min = -0.30000001192092896, Max = 0.699999988079071)]
                public static partial double FloatBounds(double x);
                [Activation(Kind.HardTanh, Min = -0.3, Max = 0.7)]
                public static partial float FloatMethod(float x);
                [Activation(Kind.HardTanh, Min = -2.5E-07, Max = 6)]
                public static partial double TinyNegative(double x);
            }
            """);

    [Fact]
    public Task AG3001_converts_an_instance_leaky_relu_with_its_slope_and_adds_accessibility()
        => Verify.CodeFixAsync<HandWrittenActivationAnalyzer, ConvertToActivationCodeFixProvider>(
            """
            using ActivationGen;

            public sealed class Layer
            {
                float {|AG3001:Leaky|}(float z) => z > 0 ? z : 0.2f * z;

                static double {|AG3001:Sigmoid|}(double x) => 1 / (1 + System.Math.Exp(-x));

                public float Apply(float z) => Leaky(z) + (float)Sigmoid(z);
            }
            """,
            """
            using ActivationGen;

            public sealed partial class Layer
            {
                [Activation(Kind.LeakyRelu, Slope = 0.2)]
                private partial float Leaky(float z);

                [Activation(Kind.Sigmoid)]
                private static partial double Sigmoid(double x);

                public float Apply(float z) => Leaky(z) + (float)Sigmoid(z);
            }
            """);

    [Fact]
    public Task AG3001_points_a_derivative_at_the_generated_member()
        => Verify.CodeFixAsync<HandWrittenActivationAnalyzer, ConvertToActivationCodeFixProvider>(
            """
            using ActivationGen;

            public static partial class Act
            {
                [Activation(Kind.Tanh)]
                public static partial double Tanh(double z);

                public static double {|AG3001:TanhGrad|}(double y)
                {
                    return 1 - y * y;
                }
            }
            """,
            """
            using ActivationGen;

            public static partial class Act
            {
                [Activation(Kind.Tanh)]
                public static partial double Tanh(double z);

                public static double TanhGrad(double y) => TanhDerivativeFromOutput(y);
            }
            """);

    [Fact]
    public Task AG2003_converts_the_overflowing_method()
        => Verify.CodeFixAsync<HandWrittenActivationAnalyzer, ConvertToActivationCodeFixProvider>(
            """
            using System;

            namespace Nets
            {
                public class Neuron
                {
                    public static double {|AG2003:Logistic|}(double x) => Math.Exp(x) / (1 + Math.Exp(x));
                }
            }
            """,
            """
            using System;
            using ActivationGen;

            namespace Nets
            {
                public partial class Neuron
                {
                    [Activation(Kind.Sigmoid)]
                    public static partial double Logistic(double x);
                }
            }
            """);

    [Fact]
    public Task AG2001_calls_the_from_output_member()
        => Verify.CodeFixAsync<DerivativeMisuseAnalyzer, DerivativeFromOutputCodeFixProvider>(
            """
            using ActivationGen;

            public static partial class Act
            {
                [Activation(Kind.Sigmoid)]
                public static partial double Sigmoid(double z);
            }

            public sealed class Layer
            {
                private readonly double[] z = new double[8];
                private readonly double[] a = new double[8];

                public void Forward() { for (int j = 0; j < 8; j++) a[j] = Act.Sigmoid(z[j]); }

                public double Delta(int j, double e) => e * {|AG2001:Act.SigmoidDerivative(a[j])|} + e * {|AG2001:Act.SigmoidDerivative(a[j - 1])|};
            }
            """,
            """
            using ActivationGen;

            public static partial class Act
            {
                [Activation(Kind.Sigmoid)]
                public static partial double Sigmoid(double z);
            }

            public sealed class Layer
            {
                private readonly double[] z = new double[8];
                private readonly double[] a = new double[8];

                public void Forward() { for (int j = 0; j < 8; j++) a[j] = Act.Sigmoid(z[j]); }

                public double Delta(int j, double e) => e * Act.SigmoidDerivativeFromOutput(a[j]) + e * Act.SigmoidDerivativeFromOutput(a[j - 1]);
            }
            """);

    [Fact]
    public Task AG1004_unwraps_the_output_relu()
        => Verify.CodeFixAsync<DeadNeuronAnalyzer, OutputActivationCodeFixProvider>(
            """
            using System;

            public sealed class Network
            {
                public double Predict(double[] x, double[] w)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++) s += w[i] * x[i];
                    return {|AG1004:Math.Max(0, s)|};
                }
            }
            """,
            """
            using System;

            public sealed class Network
            {
                public double Predict(double[] x, double[] w)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++) s += w[i] * x[i];
                    return s;
                }
            }
            """);

    /// <summary>The span form writes its output through an argument: unwrapping `Act.Relu(x, o);` would leave the
    /// statement `x;` (CS0201; found by fuzzing the fixes), so no fix is offered there; the diagnostic stays.</summary>
    [Fact]
    public Task AG1004_offers_no_unwrap_for_a_span_call_whose_value_is_unused()
        => Verify.CodeFixAsync<DeadNeuronAnalyzer, OutputActivationCodeFixProvider>(SpanReluOutput, SpanReluOutput, fixedKeepsMarkedDiagnostics: true);

    private const string SpanReluOutput = """
            using System;
            using ActivationGen;

            public static partial class Act
            {
                [Activation(Kind.Relu)]
                public static partial double Relu(double x);
            }

            public class Network
            {
                public double[] FeedForward(double[] x)
                {
                    var o = new double[x.Length];
                    {|AG1004:Act.Relu(x, o)|};
                    return o;
                }
            }
            """;

    [Fact]
    public Task AG1004_switches_the_enum_argument_to_identity_or_sigmoid()
        => Verify.CodeFixAsync<DeadNeuronAnalyzer, OutputActivationCodeFixProvider>(
            """
            using System.Collections.Generic;

            public enum Act { Identity, Sigmoid, ReLU }
            public sealed class Layer { public Layer(int i, int o, Act a) { } }

            public static class Build
            {
                public static List<Layer> Layers() => new List<Layer> { new Layer(4, 8, Act.ReLU), new Layer(8, 1, {|AG1004:Act.ReLU|}) };
            }
            """,
            """
            using System.Collections.Generic;

            public enum Act { Identity, Sigmoid, ReLU }
            public sealed class Layer { public Layer(int i, int o, Act a) { } }

            public static class Build
            {
                public static List<Layer> Layers() => new List<Layer> { new Layer(4, 8, Act.ReLU), new Layer(8, 1, Act.Sigmoid) };
            }
            """,
            equivalenceKey: "ActivationGen.SigmoidOutput");

    [Fact]
    public Task AG1004_removes_a_trailing_relu_layer()
        => Verify.CodeFixAsync<DeadNeuronAnalyzer, OutputActivationCodeFixProvider>(
            """
            public interface ILayer { }
            public sealed class Dense : ILayer { public Dense(int i, int o) { } }
            public sealed class Relu : ILayer { }
            public sealed class Model { public void Add(ILayer l) { } }

            public static class Build
            {
                public static void Run(Model model)
                {
                    model.Add(new Dense(4, 8));
                    model.Add(new Relu());
                    model.Add(new Dense(8, 1));
                    model.Add({|AG1004:new Relu()|});
                }
            }
            """,
            """
            public interface ILayer { }
            public sealed class Dense : ILayer { public Dense(int i, int o) { } }
            public sealed class Relu : ILayer { }
            public sealed class Model { public void Add(ILayer l) { } }

            public static class Build
            {
                public static void Run(Model model)
                {
                    model.Add(new Dense(4, 8));
                    model.Add(new Relu());
                    model.Add(new Dense(8, 1));
                }
            }
            """);

    [Fact]
    public Task AG1001_he_fix_centres_and_scales_by_the_fan_in_in_scope()
        => Verify.CodeFixAsync<DeadNeuronAnalyzer, HeInitializationCodeFixProvider>(
            """
            using System;

            public sealed class Dense
            {
                private readonly float[] w;

                public Dense(int fanIn, int units, Random rng)
                {
                    w = new float[fanIn * units];
                    for (int i = 0; i < w.Length; i++) w[i] = {|AG1001:(float)(rng.NextDouble() * 0.01)|};
                }

                public float Relu(float z) => MathF.Max(0f, z);
            }
            """,
            """
            using System;

            public sealed class Dense
            {
                private readonly float[] w;

                public Dense(int fanIn, int units, Random rng)
                {
                    w = new float[fanIn * units];
                    for (int i = 0; i < w.Length; i++) w[i] = (float)((rng.NextDouble() * 2.0 - 1.0) * Math.Sqrt(6.0 / fanIn));
                }

                public float Relu(float z) => MathF.Max(0f, z);
            }
            """);

    /// <summary>A newcomer's initialiser: the fan-in is the parameter 'inputs', the loop runs over the array.</summary>
    [Fact]
    public Task AG1001_he_fix_takes_a_fan_in_parameter_when_the_loop_runs_over_the_weights()
        => Verify.CodeFixAsync<DeadNeuronAnalyzer, HeInitializationCodeFixProvider>(
            """
            using System;

            public sealed class Layer
            {
                public void Init(float[] weights, int inputs, Random rng)
                {
                    for (int i = 0; i < weights.Length; i++) weights[i] = {|AG1001:(float)(rng.NextDouble() * 0.01)|};
                }

                public float Activate(float[] weights, float[] x)
                {
                    float s = 0;
                    for (int i = 0; i < x.Length; i++) s += weights[i] * x[i];
                    return Math.Max(0, s);
                }
            }
            """,
            """
            using System;

            public sealed class Layer
            {
                public void Init(float[] weights, int inputs, Random rng)
                {
                    for (int i = 0; i < weights.Length; i++) weights[i] = (float)((rng.NextDouble() * 2.0 - 1.0) * Math.Sqrt(6.0 / inputs));
                }

                public float Activate(float[] weights, float[] x)
                {
                    float s = 0;
                    for (int i = 0; i < x.Length; i++) s += weights[i] * x[i];
                    return Math.Max(0, s);
                }
            }
            """);

    /// <summary>
    /// The fan-in is written as it is reachable where the weight is drawn (found by fuzzing the fixes): in a static
    /// method the parameter nIn, not the instance field fanIn (CS0120); a loop bound shape.InputSize as written, not
    /// its bare name InputSize (CS0103).
    /// </summary>
    [Fact]
    public Task AG1001_he_fix_writes_a_fan_in_reachable_where_it_is_used()
        => Verify.CodeFixAsync<DeadNeuronAnalyzer, HeInitializationCodeFixProvider>(
            FanInScopes("{|AG1001:rng.NextDouble()|}", "{|AG1001:rng.NextDouble() * 0.1|}"),
            FanInScopes("(rng.NextDouble() * 2.0 - 1.0) * Math.Sqrt(6.0 / nIn)", "(rng.NextDouble() * 2.0 - 1.0) * Math.Sqrt(6.0 / shape.InputSize)"));

    private static string FanInScopes(string first, string second) => $$"""
            using System;

            public sealed class Net
            {
                private readonly int fanIn = 4;
                private readonly double[] _weights = new double[16];

                public static double[] Make(Random rng, int nIn)
                {
                    var weights = new double[8];
                    for (int i = 0; i < weights.Length; i++) weights[i] = {{first}};
                    return weights;
                }

                public static void Fill(double[,] w, Random rng, LayerShape shape)
                {
                    for (int k = 0; k < 3; k++)
                        for (int j = 0; j < shape.InputSize; j++) w[k, j] = {{second}};
                }

                public double Unit(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++) s += _weights[i] * x[i] + fanIn;
                    return Math.Max(0, s);
                }
            }

            public sealed class LayerShape
            {
                public int InputSize { get; set; } = 4;
            }
            """;

    [Fact]
    public Task AG1001_and_AG1003_leaky_fix_switches_the_generated_relu_once()
        => Verify.CodeFixAsync<DeadNeuronAnalyzer, LeakyReluCodeFixProvider>(
            """
            using System;
            using ActivationGen;

            public static partial class Act
            {
                [Activation(Kind.Relu)]
                public static partial float Relu(float z);
            }

            public sealed class Hidden
            {
                private readonly float[] w = new float[16];
                private readonly float[] bias = new float[4];

                public Hidden(Random rng)
                {
                    for (int i = 0; i < w.Length; i++) w[i] = {|AG1001:(float)(rng.NextDouble() * 0.01)|};
                    for (int j = 0; j < bias.Length; j++) bias[j] = {|AG1003:-0.5f|};
                }

                public float Unit(float z) => Act.Relu(z);
            }
            """,
            """
            using System;
            using ActivationGen;

            public static partial class Act
            {
                [Activation(Kind.LeakyRelu)]
                public static partial float Relu(float z);
            }

            public sealed class Hidden
            {
                private readonly float[] w = new float[16];
                private readonly float[] bias = new float[4];

                public Hidden(Random rng)
                {
                    for (int i = 0; i < w.Length; i++) w[i] = (float)(rng.NextDouble() * 0.01);
                    for (int j = 0; j < bias.Length; j++) bias[j] = -0.5f;
                }

                public float Unit(float z) => Act.Relu(z);
            }
            """);

    /// <summary>A Kind written through a constant of the user's (K.Relu) is replaced by ActivationGen's member in full,
    /// not renamed to K.LeakyRelu, which K does not have (CS0117; found by fuzzing the fixes).</summary>
    [Fact]
    public Task AG1001_leaky_fix_replaces_a_kind_constant_of_the_users()
        => Verify.CodeFixAsync<DeadNeuronAnalyzer, LeakyReluCodeFixProvider>(
            """
            using System;
            using ActivationGen;

            internal static class K
            {
                public const Kind Relu = Kind.Relu;
            }

            public static partial class Act
            {
                [Activation(K.Relu)]
                public static partial float Relu(float z);
            }

            public sealed class Hidden
            {
                private readonly float[] w = new float[16];

                public Hidden(Random rng)
                {
                    for (int i = 0; i < w.Length; i++) w[i] = {|AG1001:(float)(rng.NextDouble() * 0.01)|};
                }

                public float Unit(float z) => Act.Relu(z);
            }
            """,
            """
            using System;
            using ActivationGen;

            internal static class K
            {
                public const Kind Relu = Kind.Relu;
            }

            public static partial class Act
            {
                [Activation(global::ActivationGen.Kind.LeakyRelu)]
                public static partial float Relu(float z);
            }

            public sealed class Hidden
            {
                private readonly float[] w = new float[16];

                public Hidden(Random rng)
                {
                    for (int i = 0; i < w.Length; i++) w[i] = (float)(rng.NextDouble() * 0.01);
                }

                public float Unit(float z) => Act.Relu(z);
            }
            """);

    [Fact]
    public Task AG1005_leaky_fix_switches_the_enum_argument()
        => Verify.CodeFixAsync<DeadNeuronAnalyzer, LeakyReluCodeFixProvider>(
            """
            public enum Activation { Sigmoid, ReLU, LeakyReLU }
            public sealed class Mlp { public Mlp(int[] layerSizes, Activation hidden) { } }

            public static class Build
            {
                public static Mlp Deep() => new Mlp({|AG1005:new[] { 3, 2, 2, 2, 2, 2, 2, 1 }|}, Activation.ReLU);
            }
            """,
            """
            public enum Activation { Sigmoid, ReLU, LeakyReLU }
            public sealed class Mlp { public Mlp(int[] layerSizes, Activation hidden) { } }

            public static class Build
            {
                public static Mlp Deep() => new Mlp(new[] { 3, 2, 2, 2, 2, 2, 2, 1 }, Activation.LeakyReLU);
            }
            """);

    [Fact]
    public Task He_fix_uses_the_loop_bound_as_fan_in_and_is_not_offered_where_the_fan_in_is_ambiguous()
        => Verify.CodeFixAsync<DeadNeuronAnalyzer, HeInitializationCodeFixProvider>(
            """
            using System;

            public sealed class TwoLayerMlp
            {
                private readonly double[,] w1, w2;

                public TwoLayerMlp(int nIn, int nHidden, int nOut, Random rng)
                {
                    w1 = new double[nHidden, nIn];
                    w2 = new double[nOut, nHidden];
                    for (int k = 0; k < nHidden; k++)
                        for (int j = 0; j < nIn; j++) w1[k, j] = {|AG1001:rng.NextDouble() * 0.1|};
                    for (int k = 0; k < nOut; k++)
                        for (int j = 0; j < nHidden; j++) w2[k, j] = {|AG1001:rng.NextDouble() * 0.1|};
                }

                public double Hidden(double[] x, int k)
                {
                    double s = 0;
                    for (int j = 0; j < x.Length; j++) s += w1[k, j] * x[j];
                    return Math.Max(0, s);
                }

                public double Output(double[] h, int k)
                {
                    double s = 0;
                    for (int j = 0; j < h.Length; j++) s += w2[k, j] * h[j];
                    return s;
                }
            }
            """,
            """
            using System;

            public sealed class TwoLayerMlp
            {
                private readonly double[,] w1, w2;

                public TwoLayerMlp(int nIn, int nHidden, int nOut, Random rng)
                {
                    w1 = new double[nHidden, nIn];
                    w2 = new double[nOut, nHidden];
                    for (int k = 0; k < nHidden; k++)
                        for (int j = 0; j < nIn; j++) w1[k, j] = (rng.NextDouble() * 2.0 - 1.0) * Math.Sqrt(6.0 / nIn);
                    for (int k = 0; k < nOut; k++)
                        for (int j = 0; j < nHidden; j++) w2[k, j] = {|AG1001:rng.NextDouble() * 0.1|};
                }

                public double Hidden(double[] x, int k)
                {
                    double s = 0;
                    for (int j = 0; j < x.Length; j++) s += w1[k, j] * x[j];
                    return Math.Max(0, s);
                }

                public double Output(double[] h, int k)
                {
                    double s = 0;
                    for (int j = 0; j < h.Length; j++) s += w2[k, j] * h[j];
                    return s;
                }
            }
            """,
            fixedKeepsMarkedDiagnostics: true);
}
