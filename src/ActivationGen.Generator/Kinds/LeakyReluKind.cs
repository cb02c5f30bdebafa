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

    public override string NumericsNote => "Exact up to the one rounding of Slope·z. NaN in gives NaN out, also for the derivative.";

    public override int UnrollFactor => 4;

    public override KindKernels Build(ElementType type, ActivationModel model)
    {
        double slope = model.GetParameter(Slope.Name);
        return new KindKernels(
            Forward: Select(Gt(Z, 0), Z, slope * Z),
            Derivative: Step(Z, 1, slope),
            DerivativeFromOutput: Step(Y, 1, slope));
    }
}
