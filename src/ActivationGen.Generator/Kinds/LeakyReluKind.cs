using System.Collections.Immutable;
using ActivationGen.Generator.Model;
using ActivationGen.Generator.Numerics;
using static ActivationGen.Generator.Numerics.E;

namespace ActivationGen.Generator.Kinds;

/// <summary>Leaky ReLU with PyTorch's negative_slope, named Slope.</summary>
internal sealed class LeakyReluKind : ActivationKind
{
    public static readonly KindParameter Slope = new(
        "Slope",
        Default: 0.01,
        Minimum: 0,
        MinimumExclusive: true,
        Maximum: 1,
        MaximumExclusive: true,
        Description: "Slope of the negative part (PyTorch's negative_slope); default 0.01, valid 0 < Slope < 1.");

    public override ActivationKindId Id => ActivationKindId.LeakyRelu;

    public override ImmutableArray<KindParameter> Parameters => ImmutableArray.Create(Slope);

    public override string Summary => "Leaky ReLU: z for z > 0, Slope·z otherwise (Slope default 0.01).";

    public override string ForwardFormula => "g(z) = z for z > 0, Slope·z for z ≤ 0";

    public override string DerivativeFormula => "g'(z) = 1 for z > 0, Slope for z ≤ 0 (PyTorch's convention: g'(0) = Slope)";

    public override string DerivativeFromOutputFormula => "g'(z) = 1 for y > 0, Slope for y ≤ 0 where y = g(z) (0 < Slope keeps the sign of z)";

    public override string NumericsNote => "Exact up to the one rounding of Slope·z (the vector forward is one multiply and one MAXPS on x86). NaN in gives NaN out, also for the derivative.";

    public override int UnrollFactor => 4;

    public override KindKernels Build(ElementType type, ActivationModel model)
    {
        double slope = model.GetParameter(Slope.Name);
        Expr forward = Select(Gt(Z, 0), Z, slope * Z);

        // With s = Slope rounded to the element type and 0 < s ≤ 1, z > s·z ? z : s·z has forward's bits on every
        // input, so x86 computes it as one MAXPS(z, s·z) instead of a compare and a select. z > 0: s·z rounds to at
        // most z (z is representable), and where it equals z it has z's bits. z < 0: s·z rounds to at least z,
        // likewise. ±0 and NaN: the compare is false and both give s·z (same signed zero; the same quieted NaN).
        // +∞: s·∞ = ∞. AG0007 already rejects a Slope whose rounding leaves (0, 1); the guard keeps the select
        // should that rule ever loosen (s = 0 would give 0·∞ = NaN).
        double rounded = type == ElementType.Single ? (float)slope : slope;
        if (rounded > 0 && rounded <= 1)
        {
            forward = GreaterOf(Z, slope * Z, equivalent: forward);
        }

        return new KindKernels(
            Forward: forward,
            Derivative: Step(Z, 1, slope),
            DerivativeFromOutput: Step(Y, 1, slope));
    }
}
