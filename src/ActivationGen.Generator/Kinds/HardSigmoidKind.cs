using ActivationGen.Generator.Model;
using ActivationGen.Generator.Numerics;
using static ActivationGen.Generator.Numerics.E;

namespace ActivationGen.Generator.Kinds;

/// <summary>Hard sigmoid relu6(z + 3) / 6 (PyTorch's nn.Hardsigmoid).</summary>
internal sealed class HardSigmoidKind : ActivationKind
{
    public override ActivationKindId Id => ActivationKindId.HardSigmoid;

    public override string Summary => "Hard sigmoid relu6(z + 3) / 6, output in [0, 1], PyTorch's nn.Hardsigmoid.";

    public override string ForwardFormula => "g(z) = 0 for z ≤ −3, 1 for z ≥ 3, (z + 3)/6 between";

    public override string DerivativeFormula
        => "g'(z) = 1/6 for −3 < z < 3, 0 for z ≤ −3 or z ≥ 3 (PyTorch's convention, hardsigmoid_backward: 0 at both edges)";

    // No from-output form: t = z + 3 rounds, so y = 1 already for z just below 3 (float 3 − 2^−22: t = 6 − 2^−22 is a
    // tie and rounds to 6), where g'(z) = 1/6, while g'(3) = 0. PyTorch has no such member either.
    public override string NumericsNote =>
        "(z + 3)/6 as PyTorch writes it, without its division: t = z + 3 rounds (exactly as in PyTorch), then "
        + "y = t·hi + t·lo with 1/6 = hi + lo, one fused multiply-add, is t/6 rounded once (correctly but for near-ties). Within 1.17 ulp "
        + "(t's rounding is worth at most 2/3 ulp of y, the last rounding 1/2; measured 1.000). Near z = −3, where "
        + "(z + 3)/6 is tiny, z + 3 is exact (Sterbenz), so nothing cancels (z/6 + 1/2 would lose every digit there). "
        + "NaN in gives NaN out, also for the derivative.";

    // Two blocks per iteration, not four: the kernel keeps t, hi, lo and the saturation masks live, and with four blocks
    // the JIT ran out of vector registers and reloaded the constants every iteration (about 2× slower at 1 M floats, 2026-12-01).
    public override int UnrollFactor => 2;

    public override KindKernels Build(ElementType type, ActivationModel model)
    {
        const double sixth = 1.0 / 6;

        // 1/6 = hi + lo: for double 6·RN(1/6) = 1 − 2^−54, so lo = 2^−54/6; for float, lo = 1/6 − RN_float(1/6) in double.
        double hi = type == ElementType.Single ? (float)sixth : sixth;
        double lo = type == ElementType.Single ? sixth - hi : System.Math.Pow(2, -54) / 6;
        // Clamping z to [−3, 3] first (one MAXPS and one MINPS on x86) instead of selecting 0 and 1 after the
        // arithmetic: t = 0 gives t·hi + t·lo = +0 and t = 6 gives exactly 1 (6·hi = 1 − 6·(1/6 − hi), and 6·lo
        // cancels it to far below half an ulp), so the outputs are the same bits as selecting 0 and 1, and NaN
        // still passes through. Between the edges nothing changes.
        Expr t = Let("t", Clamp(Z, -3, 3) + 3, "t = z clamped to [−3, 3], plus 3, rounded (exact for z ≤ −1.5)");

        // Without a fused multiply-add, t·hi + t·lo would round twice; t/6 rounds once.
        return new KindKernels(
            Forward: MulAdd(t, hi, t * lo, unfused: t / 6),
            Derivative: Window(Z, -3, 3, sixth, 0),
            DerivativeFromOutput: null);
    }
}
