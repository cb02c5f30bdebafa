using System;
using System.Collections.Generic;
using System.Numerics;
using Xunit;

namespace ActivationGen.Numerics.Tests;

/// <summary>
/// Every transcendental member against the arbitrary-precision reference (≥ 10^5 points per function and
/// type: both tails, log-spaced magnitudes down to subnormals, exp under/overflow edges, special values).
/// The bound is the contract in docs/numerics.md: 2 ulp for sigmoid and tanh, 1.17 ulp for the hard sigmoid
/// (checked on its own grid, packed around the edges z = ±3).
/// </summary>
public class AccuracyTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (string type in new[] { "float", "double" })
        {
            foreach (string kind in new[] { "Sigmoid", "Tanh" })
            {
                foreach (string function in new[] { "forward", "derivative", "fromoutput" })
                {
                    yield return [type, kind, function];
                }
            }

            yield return [type, "HardSigmoid", "forward"];
            yield return [type, "HardSigmoid", "derivative"];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Max_ulp_error_is_within_the_stated_bound(string type, string kind, string function)
    {
        (double maxUlp, string worst, int points) = type == "float"
            ? Measure(Families.SingleNamed(kind), kind, function)
            : Measure(Families.DoubleNamed(kind), kind, function);
        Assert.True(points >= 100_000, "grid too small: " + points);
        Assert.True(maxUlp <= KindDefinitions.Bound(kind), $"{kind} {function} ({type}): max error {maxUlp:F3} ulp at z = {worst}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Infinities_give_the_exact_limits_and_NaN_gives_NaN(string type, string kind, string function)
    {
        if (type == "float")
        {
            CheckSpecials(Families.SingleNamed(kind), kind, function);
        }
        else
        {
            CheckSpecials(Families.DoubleNamed(kind), kind, function);
        }
    }

    internal static (double MaxUlp, string Worst, int Points) Measure<T>(Family<T> family, string kind, string function)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ReferenceTable<T> table = KindDefinitions.Table<T>(kind, function);
        Func<T, T> f = KindDefinitions.Function(family, function);
        double max = 0;
        string worst = "-";
        for (int i = 0; i < table.Inputs.Length; i++)
        {
            double error = table.UlpError(i, f(table.Inputs[i]));
            if (error > max)
            {
                max = error;
                worst = table.Inputs[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return (max, worst, table.Inputs.Length);
    }

    private static void CheckSpecials<T>(Family<T> family, string kind, string function)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Func<T, T> f = KindDefinitions.Function(family, function);
        Assert.True(T.IsNaN(f(T.NaN)), "NaN must give NaN");
        if (function == "fromoutput")
        {
            return;
        }

        T one = T.One, zero = T.Zero;
        (T atPlus, T atMinus) = (kind, function) switch
        {
            ("Sigmoid", "forward") => (one, zero),
            ("Tanh", "forward") => (one, -one),
            ("HardSigmoid", "forward") => (one, zero),
            _ => (zero, zero),
        };
        Assert.Equal(atPlus, f(T.PositiveInfinity));
        Assert.Equal(atMinus, f(T.NegativeInfinity));
        Assert.False(T.IsNegative(f(T.NegativeInfinity)) && atMinus == zero, "the limit 0 is +0");
    }
}
