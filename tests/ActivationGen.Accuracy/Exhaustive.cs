using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ActivationGen.Numerics.Tests;

namespace ActivationGen.Accuracy;

/// <summary>
/// Every float (all 2^32 bit patterns) through the span members of sigmoid and tanh, forward and derivative,
/// against a double-precision reference. For a float result a double reference is exact to about 2^−29 ulp,
/// far below the three decimals printed, so over floats this is the arbitrary-precision check made complete.
/// The span members run the short form on vectors inside its range and the general form elsewhere (the scalar
/// members, the general form, return the same bits: RangeBranchTests). Takes about a minute per function on
/// two cores. The ulp is the one of the mpmath check: the spacing above the correctly rounded result.
/// </summary>
internal static class Exhaustive
{
    private const int Chunk = 1 << 20;

    public static int Run()
    {
        Family<float> sigmoid = Families.SingleNamed("Sigmoid");
        Family<float> tanh = Families.SingleNamed("Tanh");
        var functions = new (string Member, SpanMap<float> Span, Func<double, double> Exact)[]
        {
            ("Sigmoid", sigmoid.ForwardSpan, Sigmoid),
            ("SigmoidDerivative", sigmoid.DerivativeSpan, z => Sigmoid(z) * Sigmoid(-z)),
            ("Tanh", tanh.ForwardSpan, Math.Tanh),
            ("TanhDerivative", tanh.DerivativeSpan, TanhDerivative),
        };

        Console.WriteLine("| member | type | points | max error (ulp) | bound | worst input z |");
        Console.WriteLine("|---|---|---:|---:|---:|---|");
        bool ok = true;
        foreach ((string member, SpanMap<float> span, Func<double, double> exact) in functions)
        {
            (double max, float worst, long points) = Measure(span, exact);
            ok &= max <= 2;
            Console.WriteLine($"| {member} | float | {points:N0} | {max.ToString("0.000", CultureInfo.InvariantCulture)} | 2 | {worst.ToString("R", CultureInfo.InvariantCulture)} |");
        }

        Console.WriteLine(ok ? "All within the stated bounds." : "SOME FIGURES EXCEED THEIR BOUND.");
        return ok ? 0 : 1;
    }

    /// <summary>σ(z) in double, in the form that neither overflows nor cancels.</summary>
    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>tanh'(z) = 4e/(1 + e)², e = e^(−2|z|).</summary>
    private static double TanhDerivative(double z)
    {
        double e = Math.Exp(-2 * Math.Abs(z));
        return 4 * e / ((1 + e) * (1 + e));
    }

    private static (double Max, float Worst, long Points) Measure(SpanMap<float> span, Func<double, double> exact)
    {
        object gate = new();
        double max = 0;
        float worst = 0;
        long points = 0;
        int chunks = (int)((1L << 32) / Chunk);
        Parallel.For(
            0,
            chunks,
            () => (Max: 0.0, Worst: 0f, Points: 0L, Z: new float[Chunk], Y: new float[Chunk]),
            (c, _, local) =>
            {
                uint first = (uint)c * Chunk;
                for (int i = 0; i < Chunk; i++)
                {
                    local.Z[i] = BitConverter.UInt32BitsToSingle(first + (uint)i);
                }

                span(local.Z, local.Y);
                for (int i = 0; i < Chunk; i++)
                {
                    float z = local.Z[i];
                    if (float.IsNaN(z))
                    {
                        if (!float.IsNaN(local.Y[i]))
                        {
                            local.Max = double.PositiveInfinity;
                            local.Worst = z;
                        }

                        continue;
                    }

                    double error = UlpError(local.Y[i], exact(z));
                    local.Points++;
                    if (error > local.Max)
                    {
                        (local.Max, local.Worst) = (error, z);
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    points += local.Points;
                    if (local.Max > max)
                    {
                        (max, worst) = (local.Max, local.Worst);
                    }
                }
            });
        return (max, worst, points);
    }

    /// <summary>|computed − exact| in ulps of the correctly rounded exact value (the spacing above it).</summary>
    private static double UlpError(float computed, double exact)
    {
        float rounded = (float)exact;
        if (float.IsInfinity(rounded) || float.IsNaN(computed))
        {
            return computed == rounded ? 0 : double.PositiveInfinity;
        }

        float magnitude = Math.Abs(rounded);
        double ulp = (double)MathF.BitIncrement(magnitude) - magnitude;
        return Math.Abs(computed - exact) / ulp;
    }
}
