using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Kinds;

/// <summary>ReLU capped at 6 (PyTorch's nn.ReLU6 = hardtanh(z, 0, 6)).</summary>
internal sealed class Relu6Kind : ActivationKind
{
    public override ActivationKindId Id => ActivationKindId.Relu6;

    public override string Summary => "ReLU6 min(max(0, z), 6), PyTorch's nn.ReLU6.";

    public override string ForwardFormula => "g(z) = min(max(0, z), 6)";

    public override string DerivativeFormula
        => "g'(z) = 1 for 0 < z < 6, 0 for z ≤ 0 or z ≥ 6 (PyTorch's convention, hardtanh_backward: g'(0) = g'(6) = 0)";

    public override string DerivativeFromOutputFormula => "g'(z) = 1 for 0 < y < 6, 0 otherwise where y = g(z)";

    public override string NumericsNote =>
        "Exact (compares and selects). NaN in gives NaN out, also for the derivative; g(−0) = +0 as for ReLU.";

    public override int UnrollFactor => 4;

    public override KindKernels Build(ElementType type, ActivationModel model) => HardTanhKind.ClampKernels(type, 0, 6);
}
