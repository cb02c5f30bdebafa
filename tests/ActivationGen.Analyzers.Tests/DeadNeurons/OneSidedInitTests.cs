using System.Threading.Tasks;
using ActivationGen.Analyzers.Tests.Infrastructure;
using ActivationGen.Generator.Analyzers;
using Xunit;

namespace ActivationGen.Analyzers.Tests.DeadNeurons;

/// <summary>AG1001: weights drawn from a one-signed range in a network that applies ReLU.</summary>
public class OneSidedInitTests
{
    [Fact]
    public Task Fires_on_flat_array_mlp_with_NextDouble_and_MathMax()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class Mlp
            {
                private readonly double[] _w1 = new double[784 * 128];
                private readonly double[] _h = new double[128];
                private readonly Random _rng = new(42);

                public Mlp()
                {
                    for (int i = 0; i < _w1.Length; i++)
                    {
                        _w1[i] = {|AG1001:_rng.NextDouble() * 0.01|};
                    }
                }

                public double[] Hidden(double[] x)
                {
                    for (int j = 0; j < 128; j++)
                    {
                        double s = 0;
                        for (int i = 0; i < 784; i++) s += _w1[j * 784 + i] * x[i];
                        _h[j] = Math.Max(0, s);
                    }
                    return _h;
                }
            }
            """);

    /// <summary>The generic-math statics (.NET 7+) read like Math's: a one-sided He scale written with double.Sqrt and a
    /// ReLU written double.Max(0, s) (the shape of a public RELU class with RandomWeight and Value).</summary>
    [Fact]
    public Task Fires_on_double_Sqrt_scale_before_double_Max()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class Mlp
            {
                private readonly double[] _weights = new double[784 * 128];

                public Mlp(double fanIn)
                {
                    for (int i = 0; i < _weights.Length; i++)
                    {
                        _weights[i] = {|AG1001:Random.Shared.NextDouble() * double.Sqrt(2 / fanIn)|};
                    }
                }

                public double Unit(double[] x, int j)
                {
                    double s = 0;
                    for (int i = 0; i < 784; i++) s += _weights[j * 784 + i] * x[i];
                    return double.Max(0, s);
                }
            }
            """);

    /// <summary>
    /// A newcomer's MLP: ReLU hidden layer, sigmoid output, both layers drawn one-sided. Only the hidden weights
    /// feed ReLU units; the output weights' sums go into the sigmoid, where no unit can die.
    /// </summary>
    [Fact]
    public Task Fires_on_the_hidden_weights_only_when_the_output_layer_is_a_sigmoid()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class Mlp
            {
                private readonly double[] w1, w2;
                private readonly double[] h = new double[16], o = new double[1];
                private readonly int nIn = 4, nHidden = 16, nOut = 1;

                public Mlp(int seed)
                {
                    var rng = new Random(seed);
                    w1 = new double[nIn * nHidden];
                    w2 = new double[nHidden * nOut];
                    for (int i = 0; i < w1.Length; i++) w1[i] = {|AG1001:rng.NextDouble() * 0.01|};
                    for (int i = 0; i < w2.Length; i++) w2[i] = rng.NextDouble() * 0.01;
                }

                private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

                public double[] Forward(double[] x)
                {
                    for (int j = 0; j < nHidden; j++)
                    {
                        double s = 0;
                        for (int i = 0; i < nIn; i++) s += w1[j * nIn + i] * x[i];
                        h[j] = Math.Max(0, s);
                    }

                    for (int k = 0; k < nOut; k++)
                    {
                        double s = 0;
                        for (int j = 0; j < nHidden; j++) s += w2[k * nHidden + j] * h[j];
                        o[k] = Sigmoid(s);
                    }

                    return o;
                }
            }
            """);

    [Fact]
    public Task Fires_on_float_weights_feeding_a_generated_relu_as_in_the_DeadNeurons_sample()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;
            using ActivationGen;

            public static partial class Act
            {
                [Activation(Kind.Relu)]
                public static partial void Relu(ReadOnlySpan<float> z, Span<float> y);
            }

            public sealed class BrokenNet
            {
                private readonly float[] w;
                private readonly float[] bias;

                public BrokenNet(int fanIn, int units, Random rng)
                {
                    w = new float[fanIn * units];
                    bias = new float[units];
                    for (int i = 0; i < w.Length; i++) w[i] = {|AG1001:(float)(rng.NextDouble() * 0.01)|};
                }

                public void Forward(float[] z, float[] a) => Act.Relu(z, a);
            }
            """);

    [Fact]
    public Task Fires_on_he_scale_that_forgot_to_centre()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public class Dense
            {
                public double[][] W;

                public Dense(int fanIn, int fanOut, Random rng)
                {
                    W = new double[fanOut][];
                    double scale = Math.Sqrt(2.0 / fanIn);
                    for (int o = 0; o < fanOut; o++)
                    {
                        W[o] = new double[fanIn];
                        for (int i = 0; i < fanIn; i++) W[o][i] = {|AG1001:rng.NextDouble() * scale|};
                    }
                }

                public double Activate(double z) => z > 0 ? z : 0;
            }
            """);

    [Fact]
    public Task Fires_in_a_layer_class_when_the_project_declares_a_relu_layer()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>($$"""
            using System;

            public interface ILayer { double[] Forward(double[] x); }

            {{FullyConnected("{|AG1001:random.Next(0, 100) / 1000.0|}", " : ILayer")}}

            public sealed class ReLULayer : ILayer
            {
                public double[] Forward(double[] x)
                {
                    var y = new double[x.Length];
                    for (int i = 0; i < x.Length; i++) y[i] = x[i] > 0 ? x[i] : 0;
                    return y;
                }
            }
            """);

    /// <summary>
    /// The project-wide ReLU evidence comes from names, and a name is read with care: LReLu (Lein3/NeuralNetwork's
    /// leaky ReLU, Math.Max(0.01·x, x)) is not a ReLU, and a test method named LinearWithReLU_FeedForward_Matches
    /// (Daneaux/NeuralNets) says nothing about the project's networks; both used to draw AG1001/AG1006 here.
    /// </summary>
    [Fact]
    public Task Silent_when_the_only_relu_names_are_a_leaky_lrelu_and_a_test_method()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>($$"""
            using System;

            {{FullyConnected("random.Next(0, 100) / 1000.0")}}

            public sealed class LReLu
            {
                public double Function(double input) => Math.Max(0.01 * input, input);
            }

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class FactAttribute : Attribute { }

            public sealed class ComparisonChecks
            {
                [Fact]
                public void LinearWithReLU_FeedForward_ZAndAOutputsMatch(int seed) { }
            }
            """);

    /// <summary>The same network's evidence under names that are plain ReLUs: a ReLU layer named after its role.</summary>
    [Fact]
    public Task Fires_when_the_project_declares_a_layer_relu()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>($$"""
            using System;

            {{FullyConnected("{|AG1001:random.Next(0, 100) / 1000.0|}")}}

            public sealed class LayerReLU
            {
                public double[] Forward(double[] x) => x;
            }
            """);

    /// <summary>Unity's UnityEngine.Random.Range(a, b) and Random.value are draws like System.Random's (Tulsonic/AIAttempt
    /// style game-AI code was never judged before): one-sided draws are AG1001, a zero-centred one of fixed scale AG1006.</summary>
    [Fact]
    public Task Fires_on_unity_random_range_before_a_mathf_max()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            namespace UnityEngine
            {
                public static class Random
                {
                    public static float Range(float minInclusive, float maxInclusive) => minInclusive;
                    public static int Range(int minInclusive, int maxExclusive) => minInclusive;
                    public static float value => 0.5f;
                }

                public static class Mathf
                {
                    public static float Max(float a, float b) => a > b ? a : b;
                }
            }

            namespace Game
            {
                using UnityEngine;

                public class NeuralNet
                {
                    private readonly float[] weights = new float[64];
                    private readonly float[] gateWeights = new float[64];
                    private readonly float[] centredWeights = new float[64];

                    public NeuralNet()
                    {
                        for (int i = 0; i < weights.Length; i++)
                        {
                            weights[i] = {|AG1001:Random.Range(0f, 1f)|};
                            gateWeights[i] = {|AG1001:Random.value * 0.1f|};
                            centredWeights[i] = {|AG1006:Random.Range(-1f, 1f)|};
                        }
                    }

                    public float Neuron(float[] x)
                    {
                        float s = 0, t = 0, u = 0;
                        for (int i = 0; i < x.Length; i++) { s += weights[i] * x[i]; t += gateWeights[i] * x[i]; u += centredWeights[i] * x[i]; }
                        return Mathf.Max(0, s) + Mathf.Max(0, t) + Mathf.Max(0, u);
                    }
                }
            }
            """);

    [Fact]
    public Task Fires_on_list_of_rows_with_an_activation_enum_switch()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;
            using System.Collections.Generic;

            public enum Activation { Sigmoid, ReLU }

            public class Layer
            {
                public readonly List<double[]> Weights = new();
                private readonly Activation _activation;

                public Layer(int inputs, int outputs, Activation activation)
                {
                    _activation = activation;
                    var rng = new Random();
                    for (int o = 0; o < outputs; o++)
                    {
                        var row = new double[inputs];
                        for (int i = 0; i < inputs; i++) row[i] = {|AG1001:Math.Abs(rng.NextDouble() - 0.5)|};
                        Weights.Add(row);
                    }
                }

                public double Apply(double z) => _activation switch
                {
                    Activation.ReLU => Math.Max(0.0, z),
                    _ => 1.0 / (1.0 + Math.Exp(-z)),
                };
            }
            """);

    [Fact]
    public Task Fires_on_linq_initialiser()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;
            using System.Linq;

            public class TinyNet
            {
                private static readonly Random Rng = Random.Shared;
                private float[] _kernel = Enumerable.Range(0, 256).Select(_ => {|AG1001:Rng.NextSingle()|}).ToArray();

                public float Unit(float z) => MathF.Max(0f, z);
            }
            """);

    [Fact]
    public Task Silent_on_he_uniform_init()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class Mlp
            {
                private readonly double[] _w1;
                private readonly Random _rng = new(42);

                public Mlp(int fanIn, int units)
                {
                    _w1 = new double[fanIn * units];
                    double limit = Math.Sqrt(6.0 / fanIn);
                    for (int i = 0; i < _w1.Length; i++)
                    {
                        _w1[i] = (_rng.NextDouble() * 2 - 1) * limit;
                    }
                }

                public double Hidden(double z) => Math.Max(0, z);
            }
            """);

    [Fact]
    public Task Silent_on_he_normal_box_muller_init()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class Dense
            {
                public float[] W;

                public Dense(int fanIn, int fanOut, Random rng)
                {
                    W = new float[fanIn * fanOut];
                    float std = MathF.Sqrt(2f / fanIn);
                    for (int i = 0; i < W.Length; i++)
                    {
                        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
                        W[i] = (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2)) * std;
                    }
                }

                public float Relu(float z) => z > 0 ? z : 0;
            }
            """);

    [Fact]
    public Task Silent_on_one_sided_init_in_a_sigmoid_network()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class SigmoidNet
            {
                private readonly double[] _weights = new double[100];

                public SigmoidNet(Random rng)
                {
                    for (int i = 0; i < _weights.Length; i++) _weights[i] = rng.NextDouble();
                }

                public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
            }
            """);

    [Fact]
    public Task Silent_on_one_sided_data_masks_and_names_that_are_not_weights()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class Trainer
            {
                private readonly double[] _inputs = new double[64];
                private readonly double[] _dropoutMask = new double[64];
                private readonly double[] _dW = new double[64];

                public void Prepare(Random rng)
                {
                    for (int i = 0; i < 64; i++)
                    {
                        _inputs[i] = rng.NextDouble();
                        _dropoutMask[i] = rng.NextDouble() < 0.5 ? 0 : 2;
                        _dW[i] = rng.NextDouble();
                    }
                }

                public double Relu(double z) => Math.Max(0, z);
            }
            """);

    [Fact]
    public Task Silent_when_the_draw_is_centred_later_in_the_same_method()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class Net
            {
                private readonly double[] w = new double[10];

                public void Init(Random rng, int fanIn)
                {
                    for (int i = 0; i < w.Length; i++)
                    {
                        w[i] = rng.NextDouble();
                        w[i] = (2 * w[i] - 1) * Math.Sqrt(6.0 / fanIn);
                    }
                }

                public double Relu(double z) => Math.Max(0, z);
            }
            """);

    [Fact]
    public Task Silent_on_leaky_relu_network()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class LeakyNet
            {
                private readonly double[] w = new double[10];

                public LeakyNet(Random rng)
                {
                    for (int i = 0; i < w.Length; i++) w[i] = rng.NextDouble() * 0.1;
                }

                public double Activate(double z) => z > 0 ? z : 0.01 * z;
            }
            """);

    [Fact]
    public Task Silent_on_positive_sampling_weights_and_an_inline_logistic_regression_in_a_project_with_relu()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;
            using ActivationGen;

            public static partial class Acts
            {
                [Activation(Kind.Relu)]
                public static partial void Relu(ReadOnlySpan<float> z, Span<float> y);
            }

            // Not a layer: sampling weights must be positive, and they never multiply an input.
            public sealed class WeightedSampler
            {
                private readonly double[] weights;
                private readonly Random rng = new Random(3);

                public WeightedSampler(int n)
                {
                    weights = new double[n];
                    for (int i = 0; i < n; i++) weights[i] = rng.NextDouble() + 0.1;
                }

                public int Next()
                {
                    double total = 0;
                    foreach (double w in weights) total += w;
                    double u = rng.NextDouble() * total;
                    for (int i = 0; i < weights.Length; i++) { u -= weights[i]; if (u <= 0) return i; }
                    return weights.Length - 1;
                }
            }

            // Its own activation is an inline sigmoid, so the project's ReLU says nothing about it.
            public sealed class LogisticRegression
            {
                private readonly double[] w;
                private double b;

                public LogisticRegression(int n, Random rng)
                {
                    w = new double[n];
                    for (int i = 0; i < n; i++) w[i] = rng.NextDouble() * 0.01;
                    b = -0.5;
                }

                public double Predict(double[] x)
                {
                    double s = b;
                    for (int i = 0; i < w.Length; i++) s += w[i] * x[i];
                    return 1.0 / (1.0 + Math.Exp(-s));
                }
            }
            """);

    /// <summary>A layer class whose weights are drawn by <paramref name="initialiser"/>; its Forward applies no activation.</summary>
    private static string FullyConnected(string initialiser, string bases = "") => $$"""
        public sealed class FullyConnected{{bases}}
        {
            private readonly double[,] _weights;

            public FullyConnected(int inputs, int outputs, Random random)
            {
                _weights = new double[outputs, inputs];
                for (int o = 0; o < outputs; o++)
                    for (int i = 0; i < inputs; i++)
                        _weights[o, i] = {{initialiser}};
            }

            public double[] Forward(double[] x)
            {
                var y = new double[_weights.GetLength(0)];
                for (int o = 0; o < y.Length; o++)
                    for (int i = 0; i < x.Length; i++) y[o] += _weights[o, i] * x[i];
                return y;
            }
        }
        """;
}
