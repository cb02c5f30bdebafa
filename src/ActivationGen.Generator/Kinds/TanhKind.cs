using ActivationGen.Generator.Model;
using ActivationGen.Generator.Numerics;
using static ActivationGen.Generator.Numerics.E;

namespace ActivationGen.Generator.Kinds;

/// <summary>Hyperbolic tangent.</summary>
internal sealed class TanhKind : ActivationKind
{
    public override ActivationKindId Id => ActivationKindId.Tanh;

    public override string Summary => "Hyperbolic tangent tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)), output in (−1, 1).";

    public override string ForwardFormula => "g(z) = tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))";

    public override string DerivativeFormula => "g'(z) = 1 − tanh²(z) = 1 / cosh²(z) = 4 / (e^(2z) + 2 + e^(−2z))";

    public override string DerivativeFromOutputFormula => "g'(z) = 1 − y² where y = g(z) (one fused multiply-add)";

    // tanh(a) = a + a³·T(a²) on 0 ≤ a ≤ 0.55, near-minimax (tools/numerics/fit_polynomials.py): 0.09 ulp float,
    // 0.051 ulp double (degree 10 in a²; degree 11 bought 0.045). Lowest degree first, rounded to the element type.
    private static readonly double[] SingleT =
    [
        -0.3333333134651184, 0.13333113491535187, -0.053909413516521454, 0.02130929008126259, -0.0066100419498980045,
    ];

    private static readonly double[] DoubleT =
    [
        -0.3333333333333333, 0.13333333333332714, -0.05396825396743333, 0.021869488493635535, -0.00886323439708993,
        0.003592110369136933, -0.001455661753739356, 0.0005889356755666889, -0.0002346336232753106, 8.511130450065171e-05,
        -2.060149214083168e-05,
    ];

    public override string NumericsNote =>
        "For |z| < 0.55, tanh|z| = a + a³·T(a²) with a near-minimax polynomial T (one rounding that matters, the last "
        + "add). Beyond, tanh|z| = 1 − 2m with m = σ(−2|z|) = 1/(1 + e^(2|z|)), whose rounding the subtraction damps (1.37 ulp measured over every float, 1.36 over 20 million doubles; bound 2); the sign "
        + "is copied from z. Up to |z| = 8 (float) / 18 (double), e^(2|z|) = s·(1 + q) with s = 2^n, n ≤ 23 / 52, so 1 + s is "
        + "exact and the denominator (1 + s) + s·q rounds once (one fused multiply-add), the quotient once; beyond, "
        + "m = e·(1 − e) = s·(1 + (q − e)) with e = e^(−2|z|) < 1.2e−7 / 2.4e−16. "
        + "g' = 4/(e^(2|z|) + 2 + e^(−2|z|)) from one range reduction of −2|z|, a sum of "
        + "positive terms (compensated) that neither cancels (as 1 − tanh² does) nor overflows; beyond |z| = 7.5 (float) "
        + "/ 17.5 (double), g' = 4e·(1 − 2e) formed as 4s + (4s·q − 8e²). "
        + "The general forward caps |z| at 10 / 20, where tanh|z| already rounds to 1, so that nothing goes subnormal. "
        + "Vector kernels whose every lane has |z| ≤ 8 / 18 (forward) or 32 / 300 (derivative) take a shorter form of the same "
        + "operations (no range clamp, 2^n as one factor, the forward's reduction of +2|z| itself): the same bits.";

    /// <summary>Four vectors per iteration where all four take the short form (forward, derivative, NBackward).</summary>
    public override int UnrollFactor => 4;

    public override KindKernels Build(ElementType type, ActivationModel model)
    {
        KindKernels normal = Build(type, normalRange: true);

        // The forward alone reduces +2|z| itself: n → −n, r → −r, so s → 1/s and q → q̃ exactly, the same bits
        // as the general form's 1/s and q̃ of −2|z|, without computing q̃.
        Expr a = Let("a", Abs(Z));
        Expr forward = Tanh(type, a, M(1 / ExpApproximation.OnePlusExpScaled(a, 2, type, shorter: true)));
        return Build(type, normalRange: false) with
        {
            // x = −2|z| is in exp's normal range for |z| up to half its limit.
            NormalRange = new NormalRangeKernels(ExpApproximation.NormalRangeLimit(type) / 2, normal with { Forward = forward, ForwardPaired = normal.Forward })
            {
                ForwardLimit = ExpApproximation.ExactOnePlusLimit(type) / 2,
            },
        };
    }

    /// <param name="type">Element type.</param>
    /// <param name="normalRange">Write the kernels for |z| ≤ half of <see cref="ExpApproximation.NormalRangeLimit"/> only
    /// (the forward for |z| ≤ half of <see cref="ExpApproximation.ExactOnePlusLimit"/> only).</param>
    private static KindKernels Build(ElementType type, bool normalRange)
    {
        // Up to |z| = tail, 1/s ≤ 2^22 (float) / 2^51 (double) so e^(2|z|) + 2 is formed exactly; beyond it
        // g' = 4e(1 − 2e + 3e² − …) = 4e(1 − 2e) to 3e² relative.
        double tail = type == ElementType.Single ? 7.5 : 17.5;
        Expr a = Let("a", Abs(Z));
        ExpReduction reduction = ExpApproximation.Reduce(Let("x", -2 * a, "x = −2|z| ≤ 0"), type, nonPositive: true, normalRange, shorter: true);
        Expr q = reduction.Q, sInv = reduction.ScaleInverse, qNeg = reduction.QNegated;
        Expr e = Let("e", reduction.Exp(), "e = e^(−2|z|) = s·(1 + q)");

        // In the normal range the forward (used by NForward only, within ForwardLimit) shares this reduction:
        // m = σ(−2|z|) = 1/(1 + e^(2|z|)) with e^(2|z|) = (1/s)·(1 + q̃).
        Expr forward = normalRange
            ? Tanh(type, a, M(ReciprocalOfOnePlusExp(sInv, qNeg)))
            : GeneralForward(type);

        // Tail 4e(1 − 2e) as 4s + (4s·q − 8e²): 4s is exact, so only the small terms round (once on the result's
        // grid even where e itself would be subnormal).
        Expr fourS = Let("s4", reduction.ApplyScale2(4 * reduction.Scale1), "4s = 2^(n+2), exact even where s = 2^n would underflow");
        Expr tailValue = fourS + MulAdd(-8 * e, e, fourS * q);
        Expr derivative = Select(Gt(a, tail), tailValue, 4 * CompensatedReciprocal(sInv + 2, MulAdd(sInv, qNeg, e), "c"));
        return new KindKernels(forward, derivative, DerivativeFromOutput: MulAdd(-Y, Y, 1, unfused: (1 - Y) * (1 + Y)));
    }

    /// <summary>
    /// The forward for any z: |z| capped at 10 (float) / 20 (double), where tanh|z| already rounds to 1 (1 − 2m with
    /// m &lt; e^(−20) / e^(−40), below a quarter ulp of 1), so that no lane's e^(−2|z|) goes subnormal: x86 takes
    /// subnormal operands slowly, and tanh of [−80, 80] ran 4× slower than of [−40, 40] without the cap. NaN passes
    /// the cap; ±∞ give ±1. Its own reduction: the derivative needs the true |z|.
    /// </summary>
    private static Expr GeneralForward(ElementType type)
    {
        bool single = type == ElementType.Single;
        double cap = single ? 10 : 20;
        double exactLimit = ExpApproximation.ExactOnePlusLimit(type) / 2;
        Expr a = Let("aF", AtMost(Abs(Z), cap), "|z| capped at " + (single ? "10" : "20") + ", where tanh|z| rounds to 1 already");
        ExpReduction reduction = ExpApproximation.Reduce(Let("xF", -2 * a, "x = −2|z| ≤ 0"), type, nonPositive: true, shorter: true);
        Expr e = Let("eF", reduction.Exp(), "e = e^(−2|z|) = s·(1 + q)");

        // m = σ(−2|z|) = 1/(1 + e^(2|z|)) with e^(2|z|) = (1/s)·(1 + q̃) where |z| ≤ exactLimit; beyond,
        // e < 2^−23 (2^−52) and m = e/(1 + e) = e·(1 − e) to e² relative.
        Expr core = ReciprocalOfOnePlusExp(reduction.ScaleInverse, reduction.QNegated);
        return Tanh(type, a, M(Select(Gt(a, exactLimit), reduction.ExpTimesOneMinusExp(e), core)));
    }

    /// <summary>The local m = σ(−2|z|) = 1/(1 + e^(2|z|)).</summary>
    private static Expr M(Expr value) => Let("m", value, "m = σ(−2|z|) = 1/(1 + e^(2|z|))");

    /// <summary>tanh(z) = ±(a + a³·T(a²)) for a = |z| &lt; 0.55, ±(1 − 2m) beyond, m = σ(−2a).</summary>
    private static Expr Tanh(ElementType type, Expr a, Expr m)
    {
        Expr a2 = Let("a2", a * a);
        Expr small = MulAdd(a * a2, Polynomial(a2, type == ElementType.Single ? SingleT : DoubleT), a);
        Expr large = MulAdd(-2, m, 1);
        return CopySign(Select(Lt(a, 0.55), small, large), Z);
    }
}
