using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using ActivationGen.Numerics.Tests;

namespace ActivationGen.Accuracy;

/// <summary>
/// Every float (all 2^32 bit patterns) through the sigmoid and tanh members: the span forward and derivative
/// against a double-precision reference (for a float result exact to about 2^−29 ulp, far below the three
/// decimals printed, so over floats this completes the mpmath check), and bit for bit against the scalar
/// members and against NForward's two outputs. The span members run the short form on vectors inside its
/// range and the general form elsewhere; the scalar members always run the general form. About five minutes
/// on two cores. The ulp is the one of the mpmath check: the spacing above the correctly rounded result.
/// </summary>
internal static class Exhaustive
{
    private const int Chunk = 1 << 20;

    public static int Run()
    {
        Console.WriteLine("| member | type | points | max error (ulp) | bound | worst input z | span ≠ scalar or NForward |");
        Console.WriteLine("|---|---|---:|---:|---:|---|---:|");
        bool ok = true;
        foreach ((string kind, Func<double, double> forward, Func<double, double> derivative) in new (string, Func<double, double>, Func<double, double>)[]
        {
            ("Sigmoid", Sigmoid, z => Sigmoid(z) * Sigmoid(-z)),
            ("Tanh", Math.Tanh, TanhDerivative),
        })
        {
            Result[] results = Measure(Families.SingleNamed(kind), forward, derivative);
            for (int f = 0; f < 2; f++)
            {
                Result r = results[f];
                ok &= r.Max <= 2 && r.Mismatches == 0;
                string member = f == 0 ? kind : kind + "Derivative";
                Console.WriteLine($"| {member} | float | {r.Points:N0} | {r.Max.ToString("0.000", CultureInfo.InvariantCulture)} | 2 | {r.Worst.ToString("R", CultureInfo.InvariantCulture)} | {r.Mismatches:N0} |");
            }
        }

        Console.WriteLine($"Runtime {Environment.Version}; Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}, Vector128 {System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated}.");
        Console.WriteLine(ok ? "All within the stated bounds, and the same bits everywhere." : "SOME FIGURES EXCEED THEIR BOUND OR DIFFER.");
        return ok ? 0 : 1;
    }

    /// <summary>
    /// Writes <paramref name="count"/> double inputs and the span forward's outputs, as (z, y) pairs of
    /// little-endian doubles, to Sigmoid.bin and Tanh.bin in <paramref name="folder"/>, for
    /// tools/numerics/check_double.c (quad precision). A quarter each: uniform in [−40, 40], in [−4, 4], in
    /// [−700, 700], and magnitudes 2^−60…1 with either sign. Fixed seed.
    /// </summary>
    public static int DoubleSample(int count, string folder)
    {
        var random = new Random(7);
        var z = new double[count];
        for (int i = 0; i < count; i++)
        {
            z[i] = (i % 4) switch
            {
                0 => (random.NextDouble() * 80) - 40,
                1 => (random.NextDouble() * 8) - 4,
                2 => ((random.NextDouble() * 2) - 1) * Math.Pow(2, -random.Next(0, 60)),
                _ => (random.NextDouble() * 1400) - 700,
            };
        }

        Directory.CreateDirectory(folder);
        foreach (string kind in new[] { "Sigmoid", "Tanh" })
        {
            var y = new double[count];
            Families.DoubleNamed(kind).ForwardSpan(z, y);
            string path = Path.Combine(folder, kind + ".bin");
            using var writer = new BinaryWriter(File.Create(path));
            for (int i = 0; i < count; i++)
            {
                writer.Write(z[i]);
                writer.Write(y[i]);
            }

            Console.WriteLine($"{path}: {count:N0} (z, y) pairs");
        }

        return 0;
    }

    private sealed class Result
    {
        public double Max;
        public float Worst;
        public long Points;
        public long Mismatches;

        public void Add(Result other)
        {
            Points += other.Points;
            Mismatches += other.Mismatches;
            if (other.Max > Max)
            {
                (Max, Worst) = (other.Max, other.Worst);
            }
        }
    }

    /// <summary>σ(z) in double, in the form that neither overflows nor cancels.</summary>
    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>tanh'(z) = 4e/(1 + e)², e = e^(−2|z|).</summary>
    private static double TanhDerivative(double z)
    {
        double e = Math.Exp(-2 * Math.Abs(z));
        return 4 * e / ((1 + e) * (1 + e));
    }

    private static Result[] Measure(Family<float> family, Func<double, double> forward, Func<double, double> derivative)
    {
        object gate = new();
        Result[] total = [new(), new()];
        int chunks = (int)((1L << 32) / Chunk);
        Parallel.For(
            0,
            chunks,
            () => (Results: new Result[] { new(), new() }, Z: new float[Chunk], Y: new float[Chunk], D: new float[Chunk], Y2: new float[Chunk], D2: new float[Chunk]),
            (c, _, local) =>
            {
                uint first = (uint)c * Chunk;
                for (int i = 0; i < Chunk; i++)
                {
                    local.Z[i] = BitConverter.UInt32BitsToSingle(first + (uint)i);
                }

                family.ForwardSpan(local.Z, local.Y);
                family.DerivativeSpan(local.Z, local.D);
                family.ForwardWithDerivative(local.Z, local.Y2, local.D2);
                for (int i = 0; i < Chunk; i++)
                {
                    float z = local.Z[i];
                    Check(local.Results[0], z, local.Y[i], local.Y2[i], family.Forward(z), forward);
                    Check(local.Results[1], z, local.D[i], local.D2[i], family.Derivative(z), derivative);
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    total[0].Add(local.Results[0]);
                    total[1].Add(local.Results[1]);
                }
            });
        return total;
    }

    private static void Check(Result result, float z, float span, float paired, float scalar, Func<double, double> exact)
    {
        if (!SameBits(span, scalar) || !SameBits(span, paired))
        {
            result.Mismatches++;
        }

        double error = float.IsNaN(z) ? (float.IsNaN(span) ? 0 : double.PositiveInfinity) : UlpError(span, exact(z));
        result.Points++;
        if (error > result.Max)
        {
            (result.Max, result.Worst) = (error, z);
        }
    }

    /// <summary>Equal bits, any NaN equal to any NaN (payloads are not part of the contract).</summary>
    private static bool SameBits(float a, float b)
        => BitConverter.SingleToUInt32Bits(a) == BitConverter.SingleToUInt32Bits(b) || (float.IsNaN(a) && float.IsNaN(b));

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
