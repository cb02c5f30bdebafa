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
        "For |z| ≤ 16 (float) / 36 (double), g = 1/(1 + e^(−z)) as written: e^(−z) = s·(1 + q) with s = 2^n, |n| ≤ 23 / 52, "
        + "so 1 + s is exact and the denominator (1 + s) + s·q rounds once (one fused multiply-add), the quotient once: "
        + "measured within 1.70 ulp over every float and 1.74 over 20 million doubles (bound 2), and nothing overflows. Beyond, g = 1 − e for z > 0 and "
        + "g = e·(1 − e) = s·(1 + (q − e)) for z < 0, with e = e^(−|z|) < 1.2e−7 / 2.4e−16 (down to the subnormals). "
        + "g' = 1/(e^|z| + 2 + e^(−|z|)) from one range reduction of −|z|, e^(−|z|) = s·(1 + q) and e^|z| = (1/s)·(1 + q̃): a sum "
        + "of positive terms, compensated, so it neither cancels (as 1 − g does) nor overflows (as e^(−z)/(1 + e^(−z))², NaN for "
        + "z < −88 in float); beyond |z| = 15 (float) / 35 (double), where 1/s would no longer add exactly, g' = e·(1 − 2e) "
        + "formed as s + (s·q − 2e²). "
        + "Vector kernels whose every lane has |z| ≤ 16 / 36 (forward) or 64 / 600 (derivative) take a shorter form of the same "
        + "operations (no range clamp, 2^n as one factor, the forward's reduction of −z itself): the same bits.";

    /// <summary>Four vectors per iteration where all four take the short form (forward, derivative, NBackward).</summary>
    public override int UnrollFactor => 4;

    public override KindKernels Build(ElementType type, ActivationModel model)
    {
        KindKernels normal = Build(type, normalRange: true);

        // The forward alone reduces −z itself: for z < 0 that is n → −n, r → −r, so s → 1/s and q → q̃ exactly,
        // and the same bits as the general form's selects, with neither the selects nor q̃.
        Expr forward = 1 / ExpApproximation.OnePlusExpScaled(Z, -1, type);
        return Build(type, normalRange: false) with
        {
            NormalRange = new NormalRangeKernels(ExpApproximation.NormalRangeLimit(type), normal with { Forward = forward, ForwardPaired = normal.Forward })
            {
                ForwardLimit = ExpApproximation.ExactOnePlusLimit(type),
            },
        };
    }

    /// <param name="type">Element type.</param>
    /// <param name="normalRange">Write the kernels for |z| ≤ <see cref="ExpApproximation.NormalRangeLimit"/> only
    /// (the forward for |z| ≤ <see cref="ExpApproximation.ExactOnePlusLimit"/> only).</param>
    private static KindKernels Build(ElementType type, bool normalRange)
    {
        // Up to |z| = tail, 1/s = 2^(−n) ≤ 2^22 (float) / 2^51 (double), so 1/s + 2 is exact; beyond it
        // e < 3.1e−7 / 6.4e−16 and σ'(z) = e(1 − 2e + 3e² − …) = e(1 − 2e) to 3e² relative.
        double tail = type == ElementType.Single ? 15 : 35;
        double exactLimit = ExpApproximation.ExactOnePlusLimit(type);
        Expr a = Let("a", Abs(Z));
        ExpReduction reduction = ExpApproximation.Reduce(Let("x", -a, "x = −|z| ≤ 0"), type, nonPositive: true, normalRange);
        Expr s = reduction.Scale, q = reduction.Q, sInv = reduction.ScaleInverse, qNeg = reduction.QNegated;
        Expr e = Let("e", reduction.Exp(), "e = e^(−|z|) = s·(1 + q)");

        // σ(z) = 1/(1 + e^(−z)) where |z| ≤ exactLimit, e^(−z) being e (z ≥ 0) or 1/e = (1/s)·(1 + q̃) (z < 0).
        Expr positive = Ge(Z, 0);
        Expr sE = Let("sE", Select(positive, s, sInv), "e^(−z) = sE·(1 + qE): e itself for z ≥ 0, 1/e = 2^(−n)·e^(−r) for z < 0");
        Expr qE = Let("qE", Select(positive, q, qNeg));
        Expr core = ReciprocalOfOnePlusExp(sE, qE);

        // Beyond it e < 2^−23 (2^−52): σ(|z|) = 1/(1 + e) = 1 − e to e² and σ(−|z|) = e/(1 + e) = e·(1 − e) =
        // s·(1 + (q − e)) to e² relative, one rounding (then an exact scaling, or one onto the subnormal grid).
        Expr forward = normalRange
            ? core
            : Select(Gt(a, exactLimit), Select(positive, 1 - e, reduction.ExpTimesOneMinusExp(e)), core);

        // σ'(z) = 1/(e^|z| + 2 + e^(−|z|)) grouped as (1/s + 2) + ((1/s)·q̃ + e): the first sum is exact, the
        // second at most 0.3 of the total; the final sum and the division are compensated.
        Expr sq = Let("sq", s * q, "s·q (exact unless subnormal)");
        Expr tailValue = s + MulAdd(-2 * e, e, sq);
        Expr derivative = Select(Gt(a, tail), tailValue, CompensatedReciprocal(sInv + 2, MulAdd(sInv, qNeg, e), "c"));
        return new KindKernels(forward, derivative, DerivativeFromOutput: MulAdd(-Y, Y, Y, unfused: Y * (1 - Y)));
    }
}
