using System.Threading.Tasks;
using ActivationGen.Analyzers.Tests.Infrastructure;
using ActivationGen.Generator.Analyzers;
using Xunit;

namespace ActivationGen.Analyzers.Tests.DeadNeurons;

public class OneSidedInitTests
{
    [Fact]
    public Task Array_mlp_with_NextDouble_weights_and_MathMax_fires()
        => Verify.AnalyzerAsync<DeadNeuronAnalyzer>("""
            using System;

            public sealed class Mlp
            {
                private readonly double[] _w1 = new double[784 * 128];
                private readonly Random _rng = new(42);

                public Mlp()
                {
                    for (int i = 0; i < _w1.Length; i++)
                    {
                        _w1[i] = {|AG1001:_rng.NextDouble() * 0.01|};
                    }
                }

                public double Hidden(double z) => Math.Max(0, z);
            }
            """);
}
