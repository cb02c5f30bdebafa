using System.Threading.Tasks;
using ActivationGen.Analyzers.Tests.Infrastructure;
using ActivationGen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ActivationGen.Analyzers.Tests.DeadNeurons;

/// <summary>AG1004 (ReLU on the output layer) and AG1005 (deep, narrow ReLU stack).</summary>
public class ArchitectureTests
{
    private const string LayerLibrary = """
        using System;
        using System.Collections.Generic;

        public interface ILayer { double[] Forward(double[] x); }

        public sealed class Dense : ILayer
        {
            public Dense(int inputs, int outputs) { }
            public double[] Forward(double[] x) => x;
        }

        public sealed class ReLU : ILayer
        {
            public double[] Forward(double[] x) { var y = new double[x.Length]; for (int i = 0; i < x.Length; i++) y[i] = Math.Max(0, x[i]); return y; }
        }

        public sealed class Softmax : ILayer
        {
            public double[] Forward(double[] x) => x;
        }

        public enum ActivationType { Identity, Sigmoid, ReLU, LeakyReLU }

        public sealed class Layer
        {
            public Layer(int inputs, int outputs, ActivationType activation) { }
        }

        public sealed class Sequential
        {
            public Sequential(params ILayer[] layers) { }
            public void Add(ILayer layer) { }
        }

        public sealed class Mlp
        {
            public Mlp(int[] layerSizes, ActivationType hidden) { }
        }

        """;

    [Fact]
    public Task AG1004_fires_on_a_layer_array_ending_in_relu()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>(LayerLibrary + """
            public static class Program
            {
                public static ILayer[] Build()
                {
                    ILayer[] layers = { new Dense(784, 128), new ReLU(), new Dense(128, 10), {|AG1004:new ReLU()|} };
                    return layers;
                }
            }
            """);

    [Fact]
    public Task AG1004_fires_on_layers_added_one_by_one_and_on_an_enum_argument()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>(LayerLibrary + """
            public static class Program
            {
                public static void Build(Sequential model)
                {
                    model.Add(new Dense(784, 64));
                    model.Add(new ReLU());
                    model.Add(new Dense(64, 1));
                    model.Add({|AG1004:new ReLU()|});
                }

                public static List<Layer> Layers() => new List<Layer>
                {
                    new Layer(784, 64, ActivationType.ReLU),
                    new Layer(64, 10, {|AG1004:ActivationType.ReLU|}),
                };
            }
            """);

    [Fact]
    public Task AG1004_fires_on_a_network_forward_that_rectifies_every_layer()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class NeuralNetwork
            {
                private readonly double[][][] _w;

                public NeuralNetwork(double[][][] w) => _w = w;

                public double[] Predict(double[] input)
                {
                    double[] a = input;
                    for (int l = 0; l < _w.Length; l++)
                    {
                        var next = new double[_w[l].Length];
                        for (int j = 0; j < next.Length; j++)
                        {
                            double z = 0;
                            for (int i = 0; i < a.Length; i++) z += _w[l][j][i] * a[i];
                            next[j] = {|AG1004:Math.Max(0, z)|};
                        }

                        a = next;
                    }

                    return a;
                }
            }
            """);

    /// <summary>
    /// From a beginner's tutorial network (sherbeenyy/Neural-Networks): the activation is chosen by a string,
    /// the outputs are read back through a lambda. The lambda's return is not the forward method's, and a
    /// field written in two branches (sigmoid or ReLU) is not a ReLU output.
    /// </summary>
    [Fact]
    public Task AG1004_silent_when_the_activation_is_chosen_per_call_or_read_back_through_a_lambda()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System.Linq;

            public class Neuron { public double Output; }

            public class Network
            {
                private readonly Neuron[] hidden_layer = new Neuron[4];
                private double last;

                private static double sigmoid(double x) => 1 / (1 + System.Math.Exp(-x));
                private static double reLU(double x) => System.Math.Max(0, x);

                public double[] feedForward(double[] inputs, string activation)
                {
                    for (int i = 0; i < hidden_layer.Length; i++)
                    {
                        double sum = inputs[i];
                        if (activation == "sigmoid") hidden_layer[i].Output = sigmoid(sum);
                        else if (activation == "reLU") hidden_layer[i].Output = reLU(sum);
                    }

                    return hidden_layer.Select(n => n.Output).ToArray();
                }

                public double Forward(double x, bool useRelu)
                {
                    if (useRelu) last = reLU(x);
                    else last = sigmoid(x);
                    return last;
                }
            }
            """);

    [Fact]
    public Task AG1004_silent_on_linear_or_softmax_outputs_hidden_lists_and_layer_classes()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>(LayerLibrary + """
            public static class Program
            {
                public static void Build(Sequential model)
                {
                    ILayer[] layers = { new Dense(784, 128), new ReLU(), new Dense(128, 10), new Softmax() };
                    ILayer[] hiddenLayers = { new Dense(784, 128), new ReLU() };
                    model.Add(new Dense(784, 64));
                    model.Add(new ReLU());
                    model.Add(new Dense(64, 1));
                    var list = new List<Layer> { new Layer(784, 64, ActivationType.ReLU), new Layer(64, 1, ActivationType.Identity) };
                }
            }

            public sealed class HiddenDense
            {
                public double[] Forward(double[] x)
                {
                    var y = new double[x.Length];
                    for (int i = 0; i < y.Length; i++) y[i] = Math.Max(0, x[i]);
                    return y;
                }
            }

            public sealed class Network
            {
                public double[] Forward(double[] x, double[][] w1, double[][] w2)
                {
                    var h = new double[w1.Length];
                    for (int j = 0; j < h.Length; j++) { double s = 0; for (int i = 0; i < x.Length; i++) s += w1[j][i] * x[i]; h[j] = Math.Max(0, s); }
                    var y = new double[w2.Length];
                    for (int k = 0; k < y.Length; k++) { double s = 0; for (int j = 0; j < h.Length; j++) s += w2[k][j] * h[j]; y[k] = s; }
                    return y;
                }
            }
            """);

    /// <summary>
    /// The layers a method adds are judged together, in the order of the text: ReLUs added in a loop are hidden when
    /// output layers follow the loop (the shape of ConvNetSharp's benchmark network, where AG1004 fired and its fix
    /// deleted every hidden ReLU); an Add on one branch of an if is not known to be the last layer. A loop that ends
    /// the network with a ReLU is still reported.
    /// </summary>
    [Fact]
    public Task AG1004_judges_the_layers_of_a_method_in_order_across_loops_and_branches()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>(LayerLibrary + """
            public static class Program
            {
                public static void Hidden(Sequential net, int depth)
                {
                    for (var i = 0; i < depth; i++)
                    {
                        net.Add(new Dense(64, 64));
                        net.Add(new ReLU());
                    }

                    net.Add(new Dense(64, 10));
                    net.Add(new Softmax());
                }

                public static void Branches(Sequential net, bool classify)
                {
                    net.Add(new Dense(784, 64));
                    net.Add(new ReLU());
                    if (classify)
                    {
                        net.Add(new Softmax());
                    }
                    else
                    {
                        net.Add(new ReLU());
                    }
                }

                public static void EndsInRelu(Sequential model, int depth)
                {
                    model.Add(new Dense(784, 64));
                    for (var i = 0; i < depth; i++)
                    {
                        model.Add(new Dense(64, 64));
                        model.Add({|AG1004:new ReLU()|});
                    }
                }
            }
            """);

    /// <summary>
    /// Shape, dims and dimensions are a tensor's extents, not layer widths: ConvNetSharp's
    /// <c>Shape.From(params int[] dimensions)</c> in a type that also applies ReLU drew AG1005 ("born dead with
    /// probability 75 %") on every tensor it built.
    /// </summary>
    [Fact]
    public Task AG1005_silent_on_tensor_shapes()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>(LayerLibrary + """
            public sealed class Shape
            {
                public static Shape From(params int[] dimensions) => new Shape();
                public Shape(params int[] dims) { }
            }

            public sealed class OpTests
            {
                public void Run(Sequential model)
                {
                    var input = Shape.From(28, 28, 1, 4);
                    var labels = Shape.From(1, 1, 10, 4);
                    var kernel = new Shape(1, 1, 1, 1);
                    int[] shape = { 8, 1, 1, 1, 3 };
                    model.Add(new Dense(784, 10));
                    model.Add(new ReLU());
                    model.Add(new Dense(10, 10));
                }

                public double Relu(double x) => Math.Max(0, x);
            }
            """);

    /// <summary>Depth 10, width 2: 1 − 0.75¹⁰ = 94.4 % (Lu et al. 2019).</summary>
    [Fact]
    public Task AG1005_fires_on_sizes_passed_with_relu_and_reports_the_probability()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>(LayerLibrary + """
            public static class Program
            {
                public static Mlp Deep() => new Mlp({|#0:new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1 }|}, ActivationType.ReLU);
            }
            """,
            null,
            new DiagnosticResult("AG1005", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("[2, 2, 2, 2, 2, 2, 2, 2, 2, 2]", "94.4 %", 10, "10 %").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    /// <summary>1 − (1 − 2⁻⁴)¹⁰ = 1 − 0.52446 = 47.6 % (the figure), computed here by hand.</summary>
    [Fact]
    public Task AG1005_message_gives_Lu_et_al_probability_for_width_four()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>(
            """
            using System;

            public sealed class DeepNet
            {
                private static readonly int[] LayerSizes = {|#0:{ 784, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 10 }|};

                public double Hidden(double z) => Math.Max(0, z);
            }
            """,
            null,
            new DiagnosticResult("AG1005", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("[4, 4, 4, 4, 4, 4, 4, 4, 4, 4]", "47.6 %", 10, "10 %"));

    [Fact]
    public Task AG1005_threshold_is_read_from_editorconfig()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>(
            """
            using System;

            public sealed class DeepNet
            {
                private static readonly int[] LayerSizes = { 784, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 10 };

                public double Hidden(double z) => Math.Max(0, z);
            }
            """,
            editorConfig: "activationgen.dead_neuron_probability_threshold = 50%");

    [Fact]
    public Task AG1005_silent_on_wide_sigmoid_leaky_and_single_hidden_layer_networks()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>(LayerLibrary + """
            public static class Program
            {
                public static void Build()
                {
                    var wide = new Mlp(new[] { 784, 128, 128, 128, 128, 10 }, ActivationType.ReLU);
                    var sigmoid = new Mlp(new[] { 2, 2, 2, 2, 2, 2, 1 }, ActivationType.Sigmoid);
                    var leaky = new Mlp(new[] { 2, 2, 2, 2, 2, 2, 1 }, ActivationType.LeakyReLU);
                    var xor = new Mlp(new[] { 2, 2, 1 }, ActivationType.ReLU);
                }
            }
            """);
}
