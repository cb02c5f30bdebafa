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

    // A function of the output because y = 1 only for z ≥ 3: the float (double) just below 3 is 3 − 2^(−22)
    // (3 − 2^(−51)), whose (z + 3)/6 lies 0.67 ulp below 1 and rounds to the float (double) below 1; y > 0 exactly
    // for z > −3.
    public override string DerivativeFromOutputFormula => "g'(z) = 1/6 for 0 < y < 1, 0 otherwise where y = g(z)";

    public override string NumericsNote =>
        "(z + 3)/6 without a division and correctly rounded but for rare near-ties: t = z + 3 rounds, and its error "
        + "(3 − t) + z is exact (Fast2Sum, |z| < 3); y₀ = t·(1/6) rounds, and t − 6·y₀ is exact with a fused multiply-add; "
        + "y = y₀ + (t − 6·y₀ + err)·(1/6). Near z = −3, where (z + 3)/6 is tiny, z + 3 itself is exact (Sterbenz), so "
        + "nothing cancels (z/6 + 1/2 would lose every digit there). NaN in gives NaN out, also for the derivative.";

    public override int UnrollFactor => 4;

    public override KindKernels Build(ElementType type, ActivationModel model)
    {
        const double sixth = 1.0 / 6;
        Expr t = Let("t", Z + 3, "t = z + 3, rounded");
        Expr tError = Let("tErr", (3 - t) + Z, "the rounding error of t, exact (Fast2Sum, |z| < 3)");
        Expr y0 = Let("y0", t * sixth, "y0 ≈ t/6");
        Expr remainder = Let("r", MulAdd(-6, y0, t) + tError, "r = (z + 3) − 6·y0: t − 6·y0 is exact with a fused multiply-add");
        Expr between = MulAdd(remainder, sixth, y0);
        return new KindKernels(
            Forward: Saturate(Z, -3, 0, 3, 1, between),
            Derivative: Window(Z, -3, 3, sixth, 0),
            DerivativeFromOutput: Window(Y, 0, 1, sixth, 0));
    }
}
