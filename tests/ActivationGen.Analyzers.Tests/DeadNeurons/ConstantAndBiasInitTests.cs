using System.Threading.Tasks;
using ActivationGen.Analyzers.Tests.Infrastructure;
using ActivationGen.Generator.Analyzers;
using Xunit;

namespace ActivationGen.Analyzers.Tests.DeadNeurons;

/// <summary>AG1002 (weights set to one value), AG1003 (negative biases), AG1006 (scale unrelated to fan-in).</summary>
public class ConstantAndBiasInitTests
{
    [Fact]
    public Task AG1002_fires_on_Array_Fill_jagged_zero_and_Next_a_a_plus_1()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class Network
            {
                private readonly double[] W1 = new double[100];
                private readonly double[][] W2;
                private readonly double[] weights3 = new double[10];

                public Network(Random rng)
                {
                    Array.Fill(W1, {|AG1002:0.5|});
                    W2 = new double[10][];
                    for (int j = 0; j < 10; j++)
                    {
                        W2[j] = new double[10];
                        for (int i = 0; i < 10; i++) W2[j][i] = {|AG1002:0.0|};
                    }

                    for (int i = 0; i < 10; i++) weights3[i] = {|AG1002:rng.Next(3, 4)|};
                }

                public double Relu(double z) => Math.Max(0, z);
            }
            """);

    [Fact]
    public Task AG1002_fires_on_literal_array_of_one_value()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class XorNet
            {
                private double[] _w = {|AG1002:new double[] { 0.5, 0.5, 0.5, 0.5 }|};

                public double Hidden(double z) => z < 0 ? 0 : z;
            }
            """);

    [Fact]
    public Task AG1002_silent_on_gradients_decay_hand_set_weights_and_logistic_regression()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class Network
            {
                private readonly double[] _w = new double[4];
                private readonly double[] _dW = new double[4];
                private readonly double[] _velocityW = new double[4];
                private double _weightDecay = 0.0001;
                private readonly double[] _preset = new double[] { 0.5, -0.3, 0.8, 0.1 };
                private double[] weights = { 0.2, -0.7 };

                public void ZeroGrad()
                {
                    Array.Fill(_dW, 0.0);
                    for (int i = 0; i < 4; i++) _velocityW[i] = 0;
                }

                public void Init(Random rng)
                {
                    Array.Fill(_w, 0.0);
                    Randomize(_w, rng);
                }

                private static void Randomize(double[] a, Random rng)
                {
                    for (int i = 0; i < a.Length; i++) a[i] = (rng.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / a.Length);
                }

                public double Relu(double z) => Math.Max(0, z);
            }

            public sealed class LogisticRegression
            {
                private readonly double[] _weights = new double[784];

                public LogisticRegression() => Array.Fill(_weights, 0.0);

                public double Predict(double z) => 1 / (1 + Math.Exp(-z));
            }
            """);

    [Fact]
    public Task AG1003_fires_on_negative_constant_random_and_filled_biases()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;
            using ActivationGen;

            public static partial class Act
            {
                [Activation(Kind.Relu)]
                public static partial float Relu(float z);
            }

            public sealed class HiddenLayer
            {
                private readonly float[] bias = new float[64];
                private readonly double[] b2 = new double[64];
                private readonly double[] _biases = new double[64];

                public HiddenLayer(Random rng)
                {
                    for (int j = 0; j < bias.Length; j++)
                    {
                        bias[j] = {|AG1003:-0.5f|};
                        b2[j] = {|AG1003:-rng.NextDouble() * 0.1|};
                    }

                    Array.Fill(_biases, {|AG1003:-1.0|});
                }

                public float Unit(float z) => Act.Relu(z);
            }
            """);

    [Fact]
    public Task AG1003_silent_on_zero_and_small_positive_biases_and_sigmoid_networks()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class ReluLayer
            {
                private readonly double[] _bias = new double[64];
                private readonly double[] _b = new double[64];
                private readonly double[] _biasCentered = new double[64];

                public ReluLayer(Random rng)
                {
                    for (int j = 0; j < 64; j++)
                    {
                        _bias[j] = 0.1;
                        _b[j] = 0;
                        _biasCentered[j] = rng.NextDouble() - 0.5;
                    }
                }

                public double Activate(double z) => Math.Max(0, z);
            }

            public sealed class SigmoidLayer
            {
                private readonly double[] _bias = new double[8];

                public SigmoidLayer() => Array.Fill(_bias, -2.0);

                public double Activate(double z) => 1 / (1 + Math.Exp(-z));
            }
            """);

    [Fact]
    public Task AG1006_fires_on_centred_weights_with_a_fixed_scale()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class Mlp
            {
                private const double InitScale = 0.1;
                private readonly double[][] _w = new double[2][];

                public Mlp(Random rng)
                {
                    for (int l = 0; l < 2; l++)
                    {
                        _w[l] = new double[100];
                        for (int i = 0; i < 100; i++)
                        {
                            _w[l][i] = {|AG1006:(rng.NextDouble() * 2 - 1) * InitScale|};
                        }
                    }
                }

                public float[] Weights { get; } = new float[10];

                public void Reset(Random rng)
                {
                    for (int i = 0; i < Weights.Length; i++) Weights[i] = {|AG1006:(float)(rng.NextDouble() - 0.5)|};
                }

                public double Relu(double x) => Math.Max(0.0, x);
            }
            """);

    [Fact]
    public Task AG1006_silent_on_fan_in_scaled_and_glorot_init()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class Mlp
            {
                private readonly double[] _w;
                private readonly double[] _w2;

                public Mlp(int nIn, int nOut, Random rng)
                {
                    _w = new double[nIn * nOut];
                    _w2 = new double[nIn * nOut];
                    double he = Math.Sqrt(2.0 / nIn);
                    double glorot = Math.Sqrt(6.0 / (nIn + nOut));
                    for (int i = 0; i < _w.Length; i++)
                    {
                        _w[i] = (rng.NextDouble() * 2 - 1) * Math.Sqrt(3) * he;
                        _w2[i] = (rng.NextDouble() * 2 - 1) * glorot;
                    }
                }

                public double Relu(double x) => Math.Max(0.0, x);
            }
            """);
}
