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
    private static int Main(string[] args)
    {
        if (args.Contains("--exhaustive"))
        {
            return Exhaustive.Run();
        }

        int sample = Array.IndexOf(args, "--double-sample");
        if (sample >= 0)
        {
            if (args.Length < sample + 3 || !int.TryParse(args[sample + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count <= 0)
            {
                Console.Error.WriteLine("usage: --double-sample COUNT FOLDER (COUNT a positive integer)");
                return 2;
            }

            return Exhaustive.DoubleSample(count, args[sample + 2]);
        }

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

        foreach (string function in new[] { "forward", "derivative" })
        {
            rows.Add(Measure(Families.SingleNamed("HardSigmoid"), "HardSigmoid", function, "float"));
            rows.Add(Measure(Families.DoubleNamed("HardSigmoid"), "HardSigmoid", function, "double"));
        }

        foreach ((string name, double slope) in new[] { ("Relu", 0.0), ("LeakyRelu", 0.01) })
        {
            rows.Add(Exact(name, "float", () => KindDefinitions.ReluMismatch(Families.SingleNamed(name), (float)slope)));
            rows.Add(Exact(name, "double", () => KindDefinitions.ReluMismatch(Families.DoubleNamed(name), slope)));
        }

        foreach ((string name, double min, double max) in new[] { ("Relu6", 0.0, 6.0), ("HardTanh", -1.0, 1.0) })
        {
            rows.Add(Exact(name, "float", () => KindDefinitions.ClampMismatch(Families.SingleNamed(name), (float)min, (float)max)));
            rows.Add(Exact(name, "double", () => KindDefinitions.ClampMismatch(Families.DoubleNamed(name), min, max)));
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
        ReferenceTable<T> table = KindDefinitions.Table<T>(kind, function);
        Func<T, T> f = KindDefinitions.Function(family, function);
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
        return new Row(kind, member, type, table.Inputs.Length, max, KindDefinitions.Bound(kind), worst.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>An exact kind checked bit for bit against its definition (the unit tests' check, over the
    /// reference grid and the values next to each edge): any difference is reported as ∞.</summary>
    private static Row Exact(string kind, string type, Func<string?> firstMismatch)
    {
        string? mismatch = firstMismatch();
        int points = type == "float" ? ReferenceData.Grid<float>().Length : ReferenceData.Grid<double>().Length;
        return new Row(kind, "all members", type, points, mismatch is null ? 0 : double.PositiveInfinity, 0, mismatch ?? "exact");
    }
}
