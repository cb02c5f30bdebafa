using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Runtime.Intrinsics;
using ActivationGen.Numerics.Tests;

namespace ActivationGen.Accuracy;

/// <summary>
/// Prints the maximum ulp error of every member against the arbitrary-precision reference
/// (tools/numerics/make_reference.py, mpmath at 60 digits), with the input where it occurs, and checks
/// the exact kinds bit for bit. Exit code 1 if any figure exceeds the bound stated in docs/numerics.md.
/// </summary>
internal static class Program
{
    private const double TranscendentalBound = 2.0;

    private static int Main(string[] args)
    {
        bool markdown = args.Contains("--markdown");
        var rows = new List<Row>();
        foreach (string kind in new[] { "Sigmoid", "Tanh" })
        {
            foreach (string function in new[] { "forward", "derivative", "fromoutput" })
            {
                rows.Add(Measure(Families.SingleNamed(kind), kind, function, "float"));
                rows.Add(Measure(Families.DoubleNamed(kind), kind, function, "double"));
            }
        }

        foreach ((string name, double slope) in new[] { ("Relu", 0.0), ("LeakyRelu", 0.01) })
        {
            rows.Add(Exact(Families.SingleNamed(name), name, (float)slope, "float"));
            rows.Add(Exact(Families.DoubleNamed(name), name, slope, "double"));
        }

        // Columns as wide as their longest entry (LeakyReluDerivativeFromOutput is 29 characters).
        int kindWidth = Math.Max("kind".Length, rows.Max(r => r.Kind.Length));
        int memberWidth = Math.Max("member".Length, rows.Max(r => r.Member.Length));
        string Plain(string kind, string member, string type, string points, string error, string bound, string worst)
            => $"{kind.PadRight(kindWidth)} {member.PadRight(memberWidth)} {type,-7} {points,8} {error,9} {bound,6}  {worst}";

        Console.WriteLine(markdown
            ? "| kind | member | type | points | max error (ulp) | bound | worst input z (or y) |\n|---|---|---|---:|---:|---:|---|"
            : Plain("kind", "member", "type", "points", "max ulp", "bound", "worst input"));
        foreach (Row r in rows)
        {
            string bound = r.Bound.ToString("0.##", CultureInfo.InvariantCulture);
            string error = r.MaxUlp.ToString("0.000", CultureInfo.InvariantCulture);
            Console.WriteLine(markdown
                ? $"| {r.Kind} | {r.Member} | {r.Type} | {r.Points:N0} | {error} | {bound} | {r.Worst} |"
                : Plain(r.Kind, r.Member, r.Type, r.Points.ToString(CultureInfo.InvariantCulture), error, bound, r.Worst));
        }

        Console.WriteLine();
        Console.WriteLine($"Runtime {Environment.Version}; Vector512 {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, Vector128 {Vector128.IsHardwareAccelerated}. Scalar members measured; span members are bit-identical (tests).");
        bool ok = rows.All(r => r.MaxUlp <= r.Bound);
        Console.WriteLine(ok ? "All within the stated bounds." : "SOME FIGURES EXCEED THEIR BOUND.");
        return ok ? 0 : 1;
    }

    private sealed record Row(string Kind, string Member, string Type, int Points, double MaxUlp, double Bound, string Worst);

    private static Row Measure<T>(Family<T> family, string kind, string function, string type)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ReferenceTable<T> table = ReferenceData.Load<T>(
            kind.ToLowerInvariant() + "." + function,
            function == "fromoutput" ? kind.ToLowerInvariant() + ".outputs" : "inputs");
        Func<T, T> f = function switch
        {
            "forward" => family.Forward,
            "derivative" => family.Derivative,
            _ => family.DerivativeFromOutput!,
        };
        double max = 0;
        T worst = T.Zero;
        for (int i = 0; i < table.Inputs.Length; i++)
        {
            double error = table.UlpError(i, f(table.Inputs[i]));
            if (error > max)
            {
                (max, worst) = (error, table.Inputs[i]);
            }
        }

        string member = function switch
        {
            "forward" => kind,
            "derivative" => kind + "Derivative",
            _ => kind + "DerivativeFromOutput",
        };
        return new Row(kind, member, type, table.Inputs.Length, max, TranscendentalBound, worst.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>ReLU and leaky ReLU against their definitions: any difference is reported as ∞.</summary>
    private static Row Exact<T>(Family<T> family, string kind, T slope, string type)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T[] grid = ReferenceData.Grid<T>();
        bool relu = slope == T.Zero;
        int mismatches = 0;
        foreach (T z in grid)
        {
            T y = T.IsNaN(z) ? z : z > T.Zero ? z : relu ? T.Zero : slope * z;
            T dy = T.IsNaN(z) ? z : z > T.Zero ? T.One : slope;
            mismatches += Same(y, family.Forward(z)) && Same(dy, family.Derivative(z)) && Same(dy, family.DerivativeFromOutput!(y)) ? 0 : 1;
        }

        return new Row(kind, "all members", type, grid.Length, mismatches == 0 ? 0 : double.PositiveInfinity, 0, mismatches == 0 ? "exact" : mismatches + " mismatches");
    }

    private static bool Same<T>(T a, T b)
        where T : IBinaryFloatingPointIeee754<T>
        => (T.IsNaN(a) && T.IsNaN(b)) || (a == b && T.IsNegative(a) == T.IsNegative(b));
}
