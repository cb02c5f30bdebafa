using System.Collections.Immutable;
using System.Globalization;
using ActivationGen.Generator.Model;
using ActivationGen.Generator.Numerics;

namespace ActivationGen.Generator.Kinds;

/// <summary>
/// The generator's own ids for the kinds; the public <c>ActivationGen.Kind</c> enum is written from the
/// registry with these same names and values, so a value never changes meaning between versions.
/// </summary>
internal enum ActivationKindId
{
    Sigmoid = 1,
    Tanh = 2,
    Relu = 3,
    LeakyRelu = 4,
    Relu6 = 5,
    HardTanh = 6,
    HardSigmoid = 7,
}

/// <summary>A named parameter of a kind, as the attribute exposes it (PyTorch's name and default).</summary>
/// <param name="Name">Attribute property name, e.g. "Slope".</param>
/// <param name="Default">PyTorch's default.</param>
/// <param name="Minimum">Lower bound.</param>
/// <param name="MinimumExclusive">Whether the lower bound itself is invalid.</param>
/// <param name="Maximum">Upper bound.</param>
/// <param name="MaximumExclusive">Whether the upper bound itself is invalid.</param>
/// <param name="Description">For the attribute's XML docs.</param>
internal sealed record KindParameter(
    string Name,
    double Default,
    double Minimum,
    bool MinimumExclusive,
    double Maximum,
    bool MaximumExclusive,
    string Description)
{
    public bool IsValid(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return false;
        }

        bool aboveMin = MinimumExclusive ? value > Minimum : value >= Minimum;
        bool belowMax = MaximumExclusive ? value < Maximum : value <= Maximum;
        return aboveMin && belowMax;
    }

    /// <summary>The valid range in words where it is not a plain interval, e.g. "Min &lt; Max" for a parameter
    /// that may take any finite value but must stay below another.</summary>
    public string? Constraint { get; init; }

    /// <summary>The valid range in words, e.g. "0 &lt; Slope &lt; 1".</summary>
    public string RangeText
        => Constraint ?? Format(Minimum) + (MinimumExclusive ? " < " : " ≤ ") + Name + (MaximumExclusive ? " < " : " ≤ ") + Format(Maximum);

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The kernels of one kind for one element type, written once in the expression language.</summary>
/// <param name="Forward">y = g(z), reading <see cref="E.Z"/>.</param>
/// <param name="Derivative">g'(z), reading <see cref="E.Z"/>; may share <see cref="LetExpr"/>s with Forward.</param>
/// <param name="DerivativeFromOutput">g'(z) written in y = g(z), reading <see cref="E.Y"/>; null where
/// the derivative is not a function of the output.</param>
internal sealed record KindKernels(Expr Forward, Expr Derivative, Expr? DerivativeFromOutput)
{
    /// <summary>
    /// Optional cheaper kernels for a vector whose every lane has |z| ≤ <see cref="NormalRangeKernels.Limit"/>
    /// (NaN excluded), with the same bits there as these; the vector kernels test the lanes and pick one.
    /// </summary>
    public NormalRangeKernels? NormalRange { get; init; }

    /// <summary>
    /// Optional: the forward written over the derivative's locals, for the member that returns both (NForward),
    /// with the same bits as <see cref="Forward"/>; null where <see cref="Forward"/> already shares them.
    /// </summary>
    public Expr? ForwardPaired { get; init; }
}

/// <summary>Kernels valid where every |z| ≤ <paramref name="Limit"/>: the same bits as the general ones there.</summary>
/// <param name="Limit">Largest |z| the kernels accept.</param>
/// <param name="Kernels">Forward and derivative written for that range (their own NormalRange is null).</param>
internal sealed record NormalRangeKernels(double Limit, KindKernels Kernels)
{
    /// <summary>
    /// Largest |z| the forward accepts, where it is smaller than <see cref="Limit"/>; it also bounds the member
    /// that returns forward and derivative together.
    /// </summary>
    public double? ForwardLimit { get; init; }

    /// <summary>The limit of the kernel that computes the forward (<paramref name="forward"/>) or not.</summary>
    public double LimitFor(bool forward) => forward && ForwardLimit is { } limit ? System.Math.Min(limit, Limit) : Limit;
}

/// <summary>
/// One activation kind: its formulas in words (for docs and the generated header) and in the expression
/// language (for every kernel). Adding a kind means adding one subclass and registering it.
/// </summary>
internal abstract class ActivationKind
{
    public abstract ActivationKindId Id { get; }

    public string Name => Id.ToString();

    /// <summary>Parameters the kind reads from the attribute; any other set property is a diagnostic.</summary>
    public virtual ImmutableArray<KindParameter> Parameters => ImmutableArray<KindParameter>.Empty;

    /// <summary>One line for the enum member's docs.</summary>
    public abstract string Summary { get; }

    /// <summary>The forward formula in plain math, e.g. "g(z) = 1 / (1 + e^(−z))".</summary>
    public abstract string ForwardFormula { get; }

    /// <summary>The derivative in plain math, with the kink convention where there is one.</summary>
    public abstract string DerivativeFormula { get; }

    /// <summary>The derivative written in the output y, or null.</summary>
    public virtual string? DerivativeFromOutputFormula => null;

    /// <summary>How the kernels stay accurate (for the generated header): the stable form used.</summary>
    public abstract string NumericsNote { get; }

    public bool HasDerivativeFromOutput => DerivativeFromOutputFormula is not null;

    /// <summary>Pairs of parameters whose values must be strictly ordered, Lower &lt; Upper (after rounding to
    /// the element type), e.g. HardTanh's Min and Max.</summary>
    public virtual ImmutableArray<(KindParameter Lower, KindParameter Upper)> OrderedParameters
        => ImmutableArray<(KindParameter, KindParameter)>.Empty;

    /// <summary>Vector blocks per loop iteration: more for kinds whose kernel is a few instructions (bound by
    /// loads, stores and loop overhead), and for the guarded kinds (sigmoid, tanh) where all blocks take the short
    /// form; 1 where the arithmetic already keeps the core busy.</summary>
    public virtual int UnrollFactor => 1;

    public abstract KindKernels Build(ElementType type, ActivationModel model);
}
