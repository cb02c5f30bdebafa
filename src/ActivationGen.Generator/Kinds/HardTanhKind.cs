using System.Collections.Immutable;
using ActivationGen.Generator.Model;
using ActivationGen.Generator.Numerics;
using static ActivationGen.Generator.Numerics.E;

namespace ActivationGen.Generator.Kinds;

/// <summary>Hard tanh, a clamp to [Min, Max] (PyTorch's nn.Hardtanh with min_val and max_val).</summary>
internal sealed class HardTanhKind : ActivationKind
{
    public static readonly KindParameter Min = new(
        "Min",
        Default: -1,
        Minimum: double.NegativeInfinity,
        MinimumExclusive: true,
        Maximum: double.PositiveInfinity,
        MaximumExclusive: true,
        Description: "Lower end of the linear region (PyTorch's min_val); default −1, any finite value below Max.")
    {
        Constraint = "Min < Max",
    };

    public static readonly KindParameter Max = new(
        "Max",
        Default: 1,
        Minimum: double.NegativeInfinity,
        MinimumExclusive: true,
        Maximum: double.PositiveInfinity,
        MaximumExclusive: true,
        Description: "Upper end of the linear region (PyTorch's max_val); default 1, any finite value above Min.")
    {
        Constraint = "Min < Max",
    };

    public override ActivationKindId Id => ActivationKindId.HardTanh;

    public override ImmutableArray<KindParameter> Parameters => ImmutableArray.Create(Min, Max);

    public override ImmutableArray<(KindParameter Lower, KindParameter Upper)> OrderedParameters
        => ImmutableArray.Create((Min, Max));

    public override string Summary => "Hard tanh: z clamped to [Min, Max] (defaults −1 and 1), PyTorch's nn.Hardtanh.";

    public override string ForwardFormula => "g(z) = Min for z ≤ Min, Max for z ≥ Max, z between";

    public override string DerivativeFormula
        => "g'(z) = 1 for Min < z < Max, 0 for z ≤ Min or z ≥ Max (PyTorch's convention, hardtanh_backward: 0 at both edges)";

    public override string DerivativeFromOutputFormula => "g'(z) = 1 for Min < y < Max, 0 otherwise where y = g(z)";

    public override string NumericsNote => "Exact (compares and selects). NaN in gives NaN out, also for the derivative.";

    public override int UnrollFactor => 4;

    public override KindKernels Build(ElementType type, ActivationModel model)
        => ClampKernels(type, model.GetParameter(Min.Name), model.GetParameter(Max.Name));

    /// <summary>
    /// The kernels of a clamp to [min, max]; ReLU6 is the clamp to [0, 6]. The forward is <see cref="Clamp"/> with
    /// the bounds rounded to the element type first (as the literals will be), so that a bound which is a zero
    /// keeps its ≤/≥ comparison and any other becomes one MAXPS/MINPS on x86.
    /// </summary>
    internal static KindKernels ClampKernels(ElementType type, double min, double max)
        => new(
            Forward: type == ElementType.Single ? Clamp(Z, (float)min, (float)max) : Clamp(Z, min, max),
            Derivative: Window(Z, min, max, 1, 0),
            DerivativeFromOutput: Window(Y, min, max, 1, 0));
}
