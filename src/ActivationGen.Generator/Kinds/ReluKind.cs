using ActivationGen.Generator.Model;
using ActivationGen.Generator.Numerics;
using static ActivationGen.Generator.Numerics.E;

namespace ActivationGen.Generator.Kinds;

/// <summary>Rectified linear unit.</summary>
internal sealed class ReluKind : ActivationKind
{
    public override ActivationKindId Id => ActivationKindId.Relu;

    public override string Summary => "Rectified linear unit max(0, z).";

    public override string ForwardFormula => "g(z) = max(0, z)";

    public override string DerivativeFormula => "g'(z) = 1 for z > 0, 0 for z ≤ 0 (PyTorch's convention: g'(0) = 0)";

    public override string DerivativeFromOutputFormula => "g'(z) = 1 for y > 0, 0 for y = 0 where y = g(z)";

    public override string NumericsNote =>
        "Exact (compares and selects; the vector forward is one VFIXUPIMM with AVX-512). NaN in gives NaN out, also for the derivative; g(−0) = +0.";

    public override int UnrollFactor => 4;

    public override KindKernels Build(ElementType type, ActivationModel model)
        => new(
            Forward: PositivePart(Z),
            Derivative: Step(Z, 1, 0),
            DerivativeFromOutput: Step(Y, 1, 0));
}
