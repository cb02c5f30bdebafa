using System.Threading.Tasks;
using ActivationGen.Analyzers.Tests.Infrastructure;
using ActivationGen.CodeFixes;
using ActivationGen.Generator.Analyzers;
using Xunit;

namespace ActivationGen.Analyzers.Tests.DeadNeurons;

/// <summary>
/// ReLU6 (min(max(0, z), 6)) outputs 0 with no gradient for every z ≤ 0, exactly as ReLU does, so the
/// initialisation rules (AG1001, AG1003) treat it as a ReLU; hard tanh at its default [−1, 1] keeps a gradient
/// around 0 and does not count. The leaky ReLU fix is not offered for a ReLU6: it would drop the cap at 6.
/// </summary>
public class Relu6InitTests
{
    [Fact]
    public Task AG1001_and_AG1003_fire_before_a_generated_relu6()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;
            using ActivationGen;

            public static partial class Act
            {
                [Activation(Kind.Relu6)]
                public static partial float Relu6(float z);
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

                public float Unit(float z) => Act.Relu6(z);
            }
            """);

    [Fact]
    public Task AG1001_fires_on_a_hand_written_relu6_layer()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class MobileBlock
            {
                private readonly double[] _w = new double[32 * 8];
                private readonly double[] _h = new double[8];

                public MobileBlock(Random rng)
                {
                    for (int i = 0; i < _w.Length; i++) _w[i] = {|AG1001:rng.NextDouble() * 0.1|};
                }

                public double[] Forward(double[] x)
                {
                    for (int j = 0; j < 8; j++)
                    {
                        double s = 0;
                        for (int i = 0; i < 32; i++) s += _w[j * 32 + i] * x[i];
                        _h[j] = Math.Min(Math.Max(0, s), 6);
                    }

                    return _h;
                }
            }
            """);

    [Fact]
    public Task Silent_before_hard_tanh_and_for_centred_weights_before_relu6()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;
            using ActivationGen;

            public static partial class Act
            {
                [Activation(Kind.HardTanh)]
                public static partial float HardTanh(float z);

                [Activation(Kind.Relu6)]
                public static partial double Relu6(double z);
            }

            public sealed class TanhLayer
            {
                private readonly float[] w = new float[16];

                public TanhLayer(Random rng)
                {
                    for (int i = 0; i < w.Length; i++) w[i] = (float)(rng.NextDouble() * 0.01);
                }

                public float Unit(float z) => Act.HardTanh(z);
            }

            public sealed class Relu6Layer
            {
                private readonly double[] w = new double[16];
                private readonly double[] b = new double[4];

                public Relu6Layer(Random rng, int fanIn)
                {
                    for (int i = 0; i < w.Length; i++) w[i] = (rng.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / fanIn);
                    for (int j = 0; j < b.Length; j++) b[j] = 0.01;
                }

                public double Unit(double z) => Act.Relu6(z);
            }
            """);

    [Fact]
    public Task The_leaky_relu_fix_is_not_offered_for_a_relu6()
        => Verify.CodeFixAsync<DeadNeuronAnalyzer, LeakyReluCodeFixProvider>(
            Source,
            Source,
            fixedKeepsMarkedDiagnostics: true);

    private const string Source = """
        using System;
        using ActivationGen;

        public static partial class Act
        {
            [Activation(Kind.Relu6)]
            public static partial float Relu6(float z);
        }

        public sealed class Hidden
        {
            private readonly float[] bias = new float[4];

            public Hidden()
            {
                for (int j = 0; j < bias.Length; j++) bias[j] = {|AG1003:-0.5f|};
            }

            public float Unit(float z) => Act.Relu6(z);
        }
        """;
}
