using ActivationGen.Generator.Model;
using ActivationGen.Generator.Numerics;
using static ActivationGen.Generator.Numerics.E;

namespace ActivationGen.Generator.Kinds;

/// <summary>Logistic sigmoid σ(z) = 1 / (1 + e^(−z)).</summary>
internal sealed class SigmoidKind : ActivationKind
{
    public override ActivationKindId Id => ActivationKindId.Sigmoid;

    public override string Summary => "Logistic sigmoid σ(z) = 1 / (1 + e^(−z)), output in (0, 1).";

    public override string ForwardFormula => "g(z) = 1 / (1 + e^(−z))";

    public override string DerivativeFormula => "g'(z) = σ(z)·σ(−z) = 1 / (e^z + 2 + e^(−z)) = g(z)·(1 − g(z))";

    public override string DerivativeFromOutputFormula => "g'(z) = y·(1 − y) where y = g(z)";

    public override string NumericsNote =>
        "One range reduction of −|z| gives e = e^(−|z|) = s·(1 + q) and e^|z| = (1/s)·(1 + q̃) (s a power of two), so "
        + "nothing overflows for any z. g = 1/(1 + e^(−z)) with the denominator formed as (1 + m) + m·p from those parts "
        + "(m = s or 1/s), rounded once; g' = 1/(e^|z| + 2 + e^(−|z|)), a sum of positive terms, so it neither cancels "
        + "(as 1 − g does) nor overflows (as e^(−z)/(1 + e^(−z))² does). Beyond |z| = 15 (float) / 35 (double), where "
        + "1/s would no longer add exactly, g(−|z|) = e·(1 − e) and g' = e·(1 − 2e), both to well under an ulp.";

    public override KindKernels Build(ElementType type, ActivationModel model)
    {
        // Up to |z| = tail, 1/s = 2^(−n) ≤ 2^22 (float) / 2^51 (double), so 1 + 1/s and 1/s + 2 are exact; beyond it
        // e < 3.1e−7 / 6.4e−16, and σ(−|z|) = e(1 − e + e² − …), σ' = e(1 − 2e + 3e² − …) are e(1 − e), e(1 − 2e)
        // to e² relative.
        double tail = type == ElementType.Single ? 15 : 35;
        Expr a = Let("a", Abs(Z));
        ExpReduction reduction = ExpApproximation.Reduce(Let("x", -a, "x = −|z| ≤ 0"), type, nonPositive: true);
        Expr e = Let("e", reduction.Exp(), "e = e^(−|z|) = s·(1 + q)");
        Expr s = reduction.Scale, sInv = reduction.ScaleInverse, q = reduction.Q, qNeg = reduction.QNegated;

        Expr negative = Lt(Z, 0);
        Expr m = Let("m", Select(negative, sInv, s), "e^(−z) = m·(1 + p): m = s, p = q for z ≥ 0; m = 1/s, p = q̃ for z < 0");
        Expr p = Let("p", Select(negative, qNeg, q));
        Expr forward = Select(Lt(Z, -tail), e * (1 - e), 1 / ((1 + m) + (m * p)));

        // e^|z| + 2 + e^(−|z|) grouped as (1/s + 2) + ((1/s)·q̃ + e): the first sum is exact, the second is at
        // most 0.3 of the total, so its rounding is damped.
        Expr sum = (sInv + 2) + ((sInv * qNeg) + e);
        Expr derivative = Select(Gt(a, tail), e * (1 - (2 * e)), 1 / sum);
        return new KindKernels(forward, derivative, DerivativeFromOutput: Y * (1 - Y));
    }
}
