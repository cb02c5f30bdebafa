using System;
using System.Globalization;
using ActivationGen.Generator.Kinds;

namespace ActivationGen.Generator.Analyzers;

/// <summary>The activation families the analyzers recognise in hand-written code.</summary>
internal enum FormFamily
{
    Sigmoid,
    Tanh,
    Relu,
    LeakyRelu,
    Elu,
    Relu6,
    HardTanh,
    HardSigmoid,
}

/// <summary>Facts about the families that the dead-neuron rules need.</summary>
internal static class FormFamilies
{
    /// <summary>
    /// ReLU and ReLU6: output 0 and gradient 0 for every z ≤ 0, so a unit pushed below zero for every input stays
    /// dead. (Leaky ReLU, ELU and the tanh/sigmoid family keep a gradient; hard tanh and hard sigmoid saturate at
    /// both ends but are not zero-gradient over the whole negative half-line at the default bounds.)
    /// </summary>
    public static bool DiesBelowZero(FormFamily family) => family is FormFamily.Relu or FormFamily.Relu6;
}

/// <summary>What a recognised function computes.</summary>
internal enum FormRole
{
    /// <summary>y = g(z).</summary>
    Forward,

    /// <summary>g'(z), written in the pre-activation z.</summary>
    DerivativeFromInput,

    /// <summary>g'(z), written in the output y = g(z).</summary>
    DerivativeFromOutput,

    /// <summary>g'(z) of a family whose derivative reads the same in z and in y (ReLU, leaky ReLU: a step at 0).</summary>
    Derivative,
}

/// <summary>A recognised function: family, role and the family's constant (slope, α; hard tanh's lower end) where
/// it has one, and hard tanh's upper end in <paramref name="Upper"/>.</summary>
internal readonly record struct ActivationForm(FormFamily Family, FormRole Role, double Parameter, double Upper = 0)
{
    /// <summary>Whether the derivative must be fed z (from input) or y (from output) and the two differ.</summary>
    public bool DerivativeDependsOnWhatItIsFed => Family is FormFamily.Sigmoid or FormFamily.Tanh or FormFamily.Elu;

    public string FamilyDisplayName => Family switch
    {
        FormFamily.Sigmoid => "sigmoid",
        FormFamily.Tanh => "tanh",
        FormFamily.Relu => "ReLU",
        FormFamily.LeakyRelu => "leaky ReLU",
        FormFamily.Relu6 => "ReLU6",
        FormFamily.HardTanh => "hard tanh",
        FormFamily.HardSigmoid => "hard sigmoid",
        _ => "ELU",
    };

    /// <summary>Name of the constant the family carries, for messages ("slope", "α").</summary>
    public string ParameterName => Family == FormFamily.LeakyRelu ? "slope" : "alpha";

    public bool HasParameter => Family is FormFamily.LeakyRelu or FormFamily.Elu;

    /// <summary>"sigmoid", "derivative of tanh (from its output)"….</summary>
    public string Description => DescriptionFor(single: false);

    /// <summary><see cref="Description"/> with constants written for a float (shortest float text) or double method.</summary>
    public string DescriptionFor(bool single) => Role switch
    {
        FormRole.Forward when Family == FormFamily.HardTanh => "hard tanh (clamp to [" + Format(Parameter, single) + ", " + Format(Upper, single) + "])",
        FormRole.Forward => FamilyDisplayName + (HasParameter ? " (" + ParameterName + " " + Format(Parameter) + ")" : string.Empty),
        FormRole.DerivativeFromInput => "derivative of " + FamilyDisplayName + " (from the pre-activation)",
        FormRole.DerivativeFromOutput => "derivative of " + FamilyDisplayName + " (from its output)",
        _ => "derivative of " + FamilyDisplayName,
    };

    /// <summary>The generator's kind for this family, or null where the generator has none yet.</summary>
    public ActivationKind? GeneratorKind => Family switch
    {
        FormFamily.Sigmoid => KindRegistry.Find((int)ActivationKindId.Sigmoid),
        FormFamily.Tanh => KindRegistry.Find((int)ActivationKindId.Tanh),
        FormFamily.Relu => KindRegistry.Find((int)ActivationKindId.Relu),
        FormFamily.LeakyRelu => KindRegistry.Find((int)ActivationKindId.LeakyRelu),
        FormFamily.Relu6 => KindRegistry.Find((int)ActivationKindId.Relu6),
        FormFamily.HardTanh => KindRegistry.Find((int)ActivationKindId.HardTanh),
        FormFamily.HardSigmoid => KindRegistry.Find((int)ActivationKindId.HardSigmoid),
        _ => null,
    };

    /// <summary>The attribute arguments that generate this family: "Kind.LeakyRelu, Slope = 0.1".</summary>
    public string AttributeArguments => AttributeArgumentsFor(single: false);

    /// <summary>
    /// <see cref="AttributeArguments"/> for a float or double method. Hard tanh's bounds are the values the method
    /// computes, exactly: a float method's 0.3f is written 0.3 (the generator folds it back to 0.3f), a double
    /// method's (double)0.3f is written 0.30000001192092896, so the generated family computes what the method did.
    /// </summary>
    public string AttributeArgumentsFor(bool single)
    {
        string name = GeneratorKind?.Name ?? Family.ToString();
        if (Family == FormFamily.HardTanh)
        {
            return "Kind." + name
                + (Parameter != HardTanhKind.Min.Default ? ", " + HardTanhKind.Min.Name + " = " + Format(Parameter, single) : string.Empty)
                + (Upper != HardTanhKind.Max.Default ? ", " + HardTanhKind.Max.Name + " = " + Format(Upper, single) : string.Empty);
        }

        return Family == FormFamily.LeakyRelu && Parameter != LeakyReluKind.Slope.Default
            ? "Kind." + name + ", " + LeakyReluKind.Slope.Name + " = " + Format(Parameter)
            : "Kind." + name;
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The shortest text that gives <paramref name="value"/> back in the method's element type.</summary>
    public static string Format(double value, bool single)
        => single && (double)(float)value == value ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : Format(value);
}

/// <summary>
/// Recognises a function of one real by its values, not its spelling: 1/(1+e^−z), e^z/(1+e^z),
/// 0.5·(1+tanh(z/2)) are all the sigmoid. The function is sampled at points away from 0 (where the kink
/// conventions differ) and compared with each family's reference within float accuracy.
/// </summary>
internal static class ActivationForms
{
    /// <summary>Where a function is sampled to recognise it; ±8 lie beyond the caps of ReLU6, the hard sigmoid
    /// and the usual hard tanh, so those are told from ReLU and from a plain line.</summary>
    public static readonly double[] SamplePoints = [-8, -3, -2, -1.25, -0.5, -0.25, 0.25, 0.5, 1.25, 2, 3, 8];

    /// <summary>
    /// Where the piecewise-linear families are checked once more, far above every sample point: a clamp to
    /// [0, 100] or [0, 1e6] agrees with ReLU at ±8 but not here. 2^100, exact in float and double. Kept out of
    /// <see cref="SamplePoints"/> because smooth functions written as e^z/(1 + e^z) are NaN there.
    /// </summary>
    public static readonly double FarPoint = Math.Pow(2, 100);

    /// <summary>Inputs far enough out to overflow e^|z| in float (88.7) or double (709.8).</summary>
    public static readonly double[] OverflowPoints = [-100, 100, -1000, 1000];

    private const double Tolerance = 2e-5;

    /// <summary>Recognises the sampled values (aligned with <see cref="SamplePoints"/>, then the value at
    /// <see cref="FarPoint"/>), or returns null.</summary>
    public static ActivationForm? Recognize(double[] values)
    {
        if (values.Length != SamplePoints.Length + 1)
        {
            return null;
        }

        for (int i = 0; i < SamplePoints.Length; i++)
        {
            if (double.IsNaN(values[i]) || double.IsInfinity(values[i]))
            {
                return null;
            }
        }

        double far = values[SamplePoints.Length];

        if (Matches(values, Sigmoid))
        {
            return new ActivationForm(FormFamily.Sigmoid, FormRole.Forward, 0);
        }

        if (Matches(values, Math.Tanh))
        {
            return new ActivationForm(FormFamily.Tanh, FormRole.Forward, 0);
        }

        if (Matches(values, z => Sigmoid(z) * (1 - Sigmoid(z))))
        {
            return new ActivationForm(FormFamily.Sigmoid, FormRole.DerivativeFromInput, 0);
        }

        if (Matches(values, y => y * (1 - y)))
        {
            return new ActivationForm(FormFamily.Sigmoid, FormRole.DerivativeFromOutput, 0);
        }

        if (Matches(values, z => 1 - (Math.Tanh(z) * Math.Tanh(z))))
        {
            return new ActivationForm(FormFamily.Tanh, FormRole.DerivativeFromInput, 0);
        }

        if (Matches(values, y => 1 - (y * y)))
        {
            return new ActivationForm(FormFamily.Tanh, FormRole.DerivativeFromOutput, 0);
        }

        if (far == 1 && Matches(values, z => z <= -3 ? 0 : z >= 3 ? 1 : (z + 3) / 6))
        {
            return new ActivationForm(FormFamily.HardSigmoid, FormRole.Forward, 0);
        }

        if (Clamp(values, far) is { } clamp)
        {
            return clamp;
        }

        // Piecewise families: identity above 0 (forward) or 1 above 0 (derivative); the negative side
        // determines the family and its constant.
        double atMinusOne = values[Array.IndexOf(SamplePoints, -1.25)];
        if (far == FarPoint && Matches(values, z => z > 0 ? z : double.NaN, positiveOnly: true))
        {
            double slope = atMinusOne / -1.25;
            if (Math.Abs(slope) <= Tolerance && Matches(values, z => Math.Max(0, z)))
            {
                return new ActivationForm(FormFamily.Relu, FormRole.Forward, 0);
            }

            if (slope > 0 && slope < 1 && Matches(values, z => z > 0 ? z : slope * z))
            {
                return new ActivationForm(FormFamily.LeakyRelu, FormRole.Forward, Round(slope));
            }

            double alpha = atMinusOne / (Math.Exp(-1.25) - 1);
            if (alpha > 0 && Matches(values, z => z > 0 ? z : alpha * (Math.Exp(z) - 1)))
            {
                return new ActivationForm(FormFamily.Elu, FormRole.Forward, Round(alpha));
            }

            return null;
        }

        if (far == 1 && Matches(values, z => z > 0 ? 1 : double.NaN, positiveOnly: true))
        {
            double below = atMinusOne;
            if (Math.Abs(below) <= Tolerance && Matches(values, z => z > 0 ? 1 : 0))
            {
                return new ActivationForm(FormFamily.Relu, FormRole.Derivative, 0);
            }

            if (below > 0 && below < 1 && Matches(values, z => z > 0 ? 1 : below))
            {
                return new ActivationForm(FormFamily.LeakyRelu, FormRole.Derivative, Round(below));
            }

            double alphaIn = below / Math.Exp(-1.25);
            if (alphaIn > 0 && Matches(values, z => z > 0 ? 1 : alphaIn * Math.Exp(z)))
            {
                return new ActivationForm(FormFamily.Elu, FormRole.DerivativeFromInput, Round(alphaIn));
            }

            double alphaOut = below + 1.25;
            if (alphaOut > 0 && Matches(values, y => y > 0 ? 1 : y + alphaOut))
            {
                return new ActivationForm(FormFamily.Elu, FormRole.DerivativeFromOutput, Round(alphaOut));
            }
        }

        return null;
    }

    /// <summary>
    /// z clamped to [lo, hi], with lo and hi read at ±8 where both are saturated, and at least two sample points
    /// in between where the function is the identity (otherwise a step would pass for a clamp): ReLU6 for [0, 6],
    /// hard tanh where the linear part straddles 0 (lo &lt; 0 &lt; hi). Other clamps (Clamp01, a clamp to [2, 5])
    /// are utilities more often than activations and are left alone.
    /// </summary>
    private static ActivationForm? Clamp(double[] values, double far)
    {
        // The bounds as the method computes them, not rounded: they go into the attribute as written there.
        double lo = values[0], hi = values[SamplePoints.Length - 1];
        if (far != hi)
        {
            return null;
        }

        int inside = 0;
        foreach (double z in SamplePoints)
        {
            inside += z > lo && z < hi ? 1 : 0;
        }

        bool relu6 = lo == 0 && hi == 6;
        if (!(relu6 || (lo < 0 && hi > 0)) || lo <= SamplePoints[0] || hi >= SamplePoints[SamplePoints.Length - 1] || inside < 2
            || !Matches(values, z => Math.Min(Math.Max(z, lo), hi)))
        {
            return null;
        }

        return relu6
            ? new ActivationForm(FormFamily.Relu6, FormRole.Forward, 0)
            : new ActivationForm(FormFamily.HardTanh, FormRole.Forward, lo, hi);
    }

    /// <summary>The reference value of a recognised function at z, for overflow checks.</summary>
    public static double Reference(ActivationForm form, double z) => (form.Family, form.Role) switch
    {
        (FormFamily.Sigmoid, FormRole.Forward) => Sigmoid(z),
        (FormFamily.Sigmoid, FormRole.DerivativeFromInput) => Sigmoid(z) * Sigmoid(-z),
        (FormFamily.Sigmoid, _) => z * (1 - z),
        (FormFamily.Tanh, FormRole.Forward) => Math.Tanh(z),
        (FormFamily.Tanh, FormRole.DerivativeFromInput) => 1 / (Math.Cosh(z) * Math.Cosh(z)),
        (FormFamily.Tanh, _) => 1 - (z * z),
        (FormFamily.Relu6, FormRole.Forward) => Math.Min(Math.Max(z, 0), 6),
        (FormFamily.HardTanh, FormRole.Forward) => Math.Min(Math.Max(z, form.Parameter), form.Upper),
        (FormFamily.HardSigmoid, FormRole.Forward) => Math.Min(Math.Max(z + 3, 0), 6) / 6,
        (_, FormRole.Forward) => z > 0 ? z : form.Family == FormFamily.Elu ? form.Parameter * (Math.Exp(z) - 1) : form.Parameter * z,
        (FormFamily.Elu, FormRole.DerivativeFromInput) => z > 0 ? 1 : form.Parameter * Math.Exp(z),
        (FormFamily.Elu, _) => z > 0 ? 1 : z + form.Parameter,
        _ => z > 0 ? 1 : form.Parameter,
    };

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static bool Matches(double[] values, Func<double, double> reference, bool positiveOnly = false)
    {
        for (int i = 0; i < SamplePoints.Length; i++)
        {
            double z = SamplePoints[i];
            if (positiveOnly && z <= 0)
            {
                continue;
            }

            double expected = reference(z);
            if (!(Math.Abs(values[i] - expected) <= Tolerance * Math.Max(1, Math.Abs(expected))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Constants written in source come back through float rounding (0.01f·z / z = 0.0099999998);
    /// six decimals restore the constant as written.</summary>
    private static double Round(double value) => Math.Round(value, 6);
}
