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

    public override string DerivativeFromOutputFormula => "g'(z) = 1 − y² = (1 − y)·(1 + y) where y = g(z)";

    public override string NumericsNote =>
        "One range reduction of −2|z| gives e = e^(−2|z|) = s·(1 + q) and e^(2|z|) = (1/s)·(1 + q̃) (s a power of two). "
        + "For |z| < 1, tanh|z| = m/(m + 2) with m = e^(2|z|) − 1 = (1/s)·q̃ + (1/s − 1), which does not cancel near 0; "
        + "beyond, tanh|z| = 1 − 2e/(1 + e), where the rounding errors of the fraction are damped by its size; the sign "
        + "is copied from z. g' = 4/(e^(2|z|) + 2 + e^(−2|z|)), a sum of positive terms that neither cancels (as "
        + "1 − tanh² does) nor overflows; beyond |z| = 7.5 (float) / 17.5 (double), g' = 4e·(1 − 2e) to well under an ulp.";

    public override KindKernels Build(ElementType type, ActivationModel model)
    {
        // Up to |z| = tail, 1/s ≤ 2^22 (float) / 2^51 (double) so e^(2|z|) + 2 is formed exactly; beyond it
        // g' = 4e(1 − 2e + 3e² − …) = 4e(1 − 2e) to 3e² relative.
        double tail = type == ElementType.Single ? 7.5 : 17.5;
        Expr a = Let("a", Abs(Z));
        ExpReduction reduction = ExpApproximation.Reduce(Let("x", -2 * a, "x = −2|z| ≤ 0"), type, nonPositive: true);
        Expr s = reduction.Scale, sInv = reduction.ScaleInverse, q = reduction.Q, qNeg = reduction.QNegated;
        Expr e = Let("e", reduction.Exp(), "e = e^(−2|z|) = s·(1 + q)");

        Expr growing = Let("b", sInv * qNeg);
        Expr m = Let("m", growing + (sInv - 1), "m = e^(2|z|) − 1 (used for |z| < 1)");
        Expr small = m / ((sInv + 1) + growing);
        Expr large = 1 - ((2 * e) / ((1 + s) + (s * q)));
        Expr forward = CopySign(Select(Lt(a, 1), small, large), Z);

        // 4e formed before the last scaling step, so a subnormal e is not rounded twice.
        Expr fourE = ((4 * (1 + q)) * reduction.Scale1) * reduction.Scale2;
        Expr derivative = Select(Gt(a, tail), fourE * (1 - (2 * e)), 4 / ((sInv + 2) + (growing + e)));
        return new KindKernels(forward, derivative, DerivativeFromOutput: (1 - Y) * (1 + Y));
    }
}
