using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace ActivationGen.Numerics.Tests;

/// <summary>
/// What each kind must compute, written here independently of the generator (PyTorch's definitions and
/// conventions), shared by the tests and the accuracy report (tests/ActivationGen.Accuracy) so both check
/// the same thing. No test framework here: the report links this file too.
/// </summary>
public static class KindDefinitions
{
    /// <summary>The stated accuracy bound in ulp (docs/numerics.md): 2 for sigmoid and tanh; 1.17 for the hard
    /// sigmoid, whose z + 3 rounds (at most 2/3 ulp of the result) before t/6 rounds once (1/2 ulp).</summary>
    public static double Bound(string kind) => kind == "HardSigmoid" ? 1.17 : 2.0;

    /// <summary>The mpmath reference of one function: "forward", "derivative" or "fromoutput".</summary>
    public static ReferenceTable<T> Table<T>(string kind, string function)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => ReferenceData.Load<T>(
            kind.ToLowerInvariant() + "." + function,
            function == "fromoutput" ? kind.ToLowerInvariant() + ".outputs" : kind == "HardSigmoid" ? "hardsigmoid.inputs" : "inputs");

    public static Func<T, T> Function<T>(Family<T> family, string function) => function switch
    {
        "forward" => family.Forward,
        "derivative" => family.Derivative,
        _ => family.DerivativeFromOutput!,
    };

    /// <summary>ReLU (slope 0) or leaky ReLU: every scalar member bit for bit over the reference grid; null
    /// when all agree, else the first difference. ReLU'(0) = 0, LeakyReLU'(0) = Slope; NaN gives NaN.</summary>
    public static string? ReluMismatch<T>(Family<T> family, T slope)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        bool relu = slope == T.Zero;
        foreach (T z in ReferenceData.Grid<T>())
        {
            T y = T.IsNaN(z) ? z : z > T.Zero ? z : relu ? T.Zero : slope * z;
            T dy = T.IsNaN(z) ? z : z > T.Zero ? T.One : slope;
            string? m = Mismatch(family, z, y, dy);
            if (m is not null)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>A clamp to [min, max] (ReLU6, hard tanh): every scalar member bit for bit over the grid and the
    /// values next to both edges; null when all agree. hardtanh_backward's convention: g' = 0 at both edges.</summary>
    public static string? ClampMismatch<T>(Family<T> family, T min, T max)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        foreach (T z in ReferenceData.Grid<T>().Concat(Near(min)).Concat(Near(max)).Concat([T.Zero, T.NegativeZero]))
        {
            T y = T.IsNaN(z) ? z : z <= min ? min : z >= max ? max : z;
            T dy = T.IsNaN(z) ? z : z > min && z < max ? T.One : T.Zero;
            string? m = Mismatch(family, z, y, dy);
            if (m is not null)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>The value and its eight neighbours on either side.</summary>
    public static IEnumerable<T> Near<T>(T value)
        where T : IBinaryFloatingPointIeee754<T>
    {
        T down = value, up = value;
        yield return value;
        for (int i = 0; i < 8; i++)
        {
            down = T.BitDecrement(down);
            up = T.BitIncrement(up);
            yield return down;
            yield return up;
        }
    }

    public static bool Same<T>(T expected, T actual)
        where T : IBinaryFloatingPointIeee754<T>
        => (T.IsNaN(expected) && T.IsNaN(actual)) || (expected == actual && T.IsNegative(expected) == T.IsNegative(actual));

    private static string? Mismatch<T>(Family<T> family, T z, T y, T dy)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        (string Member, T Expected, T Actual)[] checks =
        [
            (family.Name, y, family.Forward(z)),
            (family.Name + "Derivative", dy, family.Derivative(z)),
            (family.Name + "DerivativeFromOutput(" + family.Name + "(z))", dy, family.DerivativeFromOutput!(family.Forward(z))),
        ];
        foreach ((string member, T expected, T actual) in checks)
        {
            if (!Same(expected, actual))
            {
                return $"{member} at z = {z}: expected {expected}, got {actual}";
            }
        }

        return null;
    }
}
