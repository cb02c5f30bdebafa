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

    public override string DerivativeFromOutputFormula => "g'(z) = y·(1 − y) = y − y² where y = g(z) (one fused multiply-add)";

    public override string NumericsNote =>
        "One range reduction of −|z| gives e = e^(−|z|) = s·(1 + q) (s a power of two), so nothing overflows for any z. "
        + "g(|z|) = 1/(1 + e) with the sum (1 + s) + s·q and the division both compensated (Fast2Sum and an exact "
        + "fused multiply-add residual); g(−|z|) = e·g(|z|) with e kept unrounded as s + s·q. "
        + "g' = 1/(e^|z| + 2 + e^(−|z|)) with e^|z| = (1/s)·(1 + q̃) from the same reduction: a sum of positive terms, "
        + "compensated likewise, so it neither cancels (as 1 − g does) nor overflows (as e^(−z)/(1 + e^(−z))², NaN for "
        + "z < −88 in float); beyond |z| = 15 (float) / 35 (double), where 1/s would no longer add exactly, g' = e·(1 − 2e) "
        + "formed as s + (s·q − 2e²). "
        + "Vector kernels whose every lane has |z| ≤ 64 (float) / 600 (double) take a shorter form of the same operations (no range clamp, 2^n as one factor): the same bits.";

    public override KindKernels Build(ElementType type, ActivationModel model)
        => Build(type, normalRange: false) with
        {
            NormalRange = new NormalRangeKernels(ExpApproximation.NormalRangeLimit(type), Build(type, normalRange: true)),
        };

    /// <param name="type">Element type.</param>
    /// <param name="normalRange">Write the kernels for |z| ≤ <see cref="ExpApproximation.NormalRangeLimit"/> only.</param>
    private static KindKernels Build(ElementType type, bool normalRange)
    {
        // Up to |z| = tail, 1/s = 2^(−n) ≤ 2^22 (float) / 2^51 (double), so 1/s + 2 is exact; beyond it
        // e < 3.1e−7 / 6.4e−16 and σ'(z) = e(1 − 2e + 3e² − …) = e(1 − 2e) to 3e² relative.
        double tail = type == ElementType.Single ? 15 : 35;
        Expr a = Let("a", Abs(Z));
        ExpReduction reduction = ExpApproximation.Reduce(Let("x", -a, "x = −|z| ≤ 0"), type, nonPositive: true, normalRange);
        Expr s = reduction.Scale, q = reduction.Q, s1 = reduction.Scale1, sInv = reduction.ScaleInverse, qNeg = reduction.QNegated;

        Expr sq = Let("sq", s * q, "s·q (exact unless subnormal): e = s + s·q, kept unrounded");
        Expr positive = Let("g", CompensatedReciprocalOfOnePlus(s, sq, "d"), "g = σ(|z|) = 1/(1 + e), e = e^(−|z|)");

        // σ(−|z|) = e·g = (s1·g + (q·s1)·g)·s2 with s = s1·s2: the products with s1 are exact and the fused
        // multiply-add rounds once (then s2 scales exactly, or rounds once onto the subnormal grid). In the
        // normal range s1 = s and there is no s2: the same products, exact, and the same one rounding.
        Expr negative = Let("gNeg", reduction.ApplyScale2(MulAdd(q * s1, positive, s1 * positive)), "gNeg = σ(−|z|) = e·g");
        Expr forward = Select(Ge(Z, 0), positive, negative);

        // σ'(z) = 1/(e^|z| + 2 + e^(−|z|)) grouped as (1/s + 2) + ((1/s)·q̃ + e): the first sum is exact, the
        // second at most 0.3 of the total; the final sum and the division are compensated. (n − n² would share
        // the forward's division but measured 1.9 ulp on a dense check; this form stays near 1.2.)
        Expr e = Let("e", reduction.Exp(), "e = e^(−|z|) = s·(1 + q)");
        Expr tailValue = s + MulAdd(-2 * e, e, sq);
        Expr derivative = Select(Gt(a, tail), tailValue, CompensatedReciprocal(sInv + 2, MulAdd(sInv, qNeg, e), "c"));
        return new KindKernels(forward, derivative, DerivativeFromOutput: MulAdd(-Y, Y, Y, unfused: Y * (1 - Y)));
    }
}
