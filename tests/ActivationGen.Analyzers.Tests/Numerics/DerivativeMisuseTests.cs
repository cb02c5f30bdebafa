using System.Threading.Tasks;
using ActivationGen.Analyzers.Tests.Infrastructure;
using ActivationGen.Generator.Analyzers;
using Xunit;

namespace ActivationGen.Analyzers.Tests.Numerics;

/// <summary>AG2001: a derivative fed the wrong side of its activation.</summary>
public class DerivativeMisuseTests
{
    private const string Generated = """
        using System;
        using ActivationGen;

        public static partial class Act
        {
            [Activation(Kind.Sigmoid)]
            public static partial double Sigmoid(double z);

            [Activation(Kind.Tanh)]
            public static partial void Tanh(ReadOnlySpan<float> z, Span<float> y);
        }

        """;

    [Fact]
    public Task Fires_on_hand_written_from_input_derivative_of_the_output()
        => Verify.AnalyzerAsync<DerivativeMisuseAnalyzer>("""
            using System;

            public static class Activations
            {
                public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                public static double SigmoidDerivative(double x) => Sigmoid(x) * (1 - Sigmoid(x));
            }

            public sealed class Network
            {
                private readonly double[] _z = new double[10];
                private readonly double[] _a = new double[10];

                public void Forward()
                {
                    for (int j = 0; j < 10; j++) _a[j] = Activations.Sigmoid(_z[j]);
                }

                public double Delta(int j, double error) => error * {|AG2001:Activations.SigmoidDerivative(_a[j])|};

                public double Twice(double x) => {|AG2001:Activations.SigmoidDerivative(Activations.Sigmoid(x))|};
            }
            """);

    [Fact]
    public Task Fires_on_generated_members_given_the_wrong_side()
        => Verify.AnalyzerAsync<DerivativeMisuseAnalyzer>(Generated + """
            public sealed class Layer
            {
                private readonly double[] z = new double[8];
                private readonly double[] a = new double[8];
                private readonly float[] zs = new float[8];
                private readonly float[] hs = new float[8];
                private readonly float[] g = new float[8];

                public void Forward()
                {
                    for (int j = 0; j < 8; j++) a[j] = Act.Sigmoid(z[j]);
                    Act.Tanh(zs, hs);
                }

                public void Backward(double[] delta, float[] gradOut)
                {
                    for (int j = 0; j < 8; j++)
                    {
                        delta[j] *= {|AG2001:Act.SigmoidDerivative(a[j])|};
                        delta[j] *= {|AG2001:Act.SigmoidDerivativeFromOutput(z[j])|};
                    }

                    {|AG2001:Act.TanhBackward(hs, gradOut, g)|};
                }
            }
            """);

    [Fact]
    public Task Fires_on_inline_output_formula_applied_to_the_pre_activation()
        => Verify.AnalyzerAsync<DerivativeMisuseAnalyzer>("""
            using System;

            public sealed class Mlp
            {
                private readonly double[] _sum = new double[4];
                private readonly double[] _out = new double[4];
                private readonly double[] _hSum = new double[4];
                private readonly double[] _h = new double[4];

                private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

                public void Forward()
                {
                    for (int k = 0; k < 4; k++) _out[k] = Sigmoid(_sum[k]);
                    for (int k = 0; k < 4; k++) _h[k] = Math.Tanh(_hSum[k]);
                }

                public double Gradient(int k, double e) => e * ({|AG2001:_sum[k] * (1 - _sum[k])|});

                public double HiddenGradient(int k, double e) => e * ({|AG2001:1 - _hSum[k] * _hSum[k]|});
            }
            """);

    [Fact]
    public Task Silent_on_correct_uses()
        => Verify.AnalyzerAsync<DerivativeMisuseAnalyzer>(Generated + """
            public sealed class Mlp
            {
                private readonly double[] _z = new double[4];
                private readonly double[] _a = new double[4];
                private readonly double[][] _acts = new double[3][];
                private readonly float[] zs = new float[8];
                private readonly float[] hs = new float[8];
                private readonly float[] g = new float[8];

                private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
                private static double Dsigmoid(double y) => y * (1 - y);

                public void Forward(double[] input)
                {
                    _acts[0] = input;
                    for (int k = 0; k < 4; k++)
                    {
                        _a[k] = Sigmoid(_z[k]);
                        _acts[1][k] = Act.Sigmoid(_z[k]);
                    }

                    Act.Tanh(zs, hs);
                }

                public double Backward(int k, double e, float[] gradOut)
                {
                    double d = e * _a[k] * (1 - _a[k]);
                    d += Dsigmoid(_a[k]);
                    d += Act.SigmoidDerivative(_z[k]);
                    d += Act.SigmoidDerivativeFromOutput(_acts[1][k]);
                    Act.TanhBackwardFromOutput(hs, gradOut, g);
                    Act.TanhBackward(zs, gradOut, g);
                    return d;
                }

                public double Relu(double x) => Math.Max(0, x);
                public double ReluDerivative(double x) => x > 0 ? 1 : 0;
                public double ReluGrad(double y) => ReluDerivative(Relu(y));
            }
            """);
}
