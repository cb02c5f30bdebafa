using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Kinds;
using ActivationGen.Generator.Model;
using ActivationGen.Generator.Numerics;
using ActivationGen.Generator.Parsing;

namespace ActivationGen.Generator.Emitting;

/// <summary>
/// Writes the two kinds of file: the kernel class of a configuration (kind, element type, parameters), with
/// the full scalar and vectorised code, emitted once however many methods share it; and the family of one
/// declared method, whose members check their arguments and call that kernel class. Both list the family
/// in the same fixed order; scalar members come from <see cref="ScalarMemberEmitter"/>, span members from
/// <see cref="SpanMemberEmitter"/>, and every kernel is rendered from one <see cref="KindKernels"/>.
/// </summary>
internal static class FamilyEmitter
{
    /// <summary>The declared method's family: its members delegate to the kernel class.</summary>
    public static string Emit(ActivationModel model, TargetModel target)
    {
        ActivationKind kind = KindRegistry.Get(model.Kind);
        var family = new FamilyContext(model, target, kind, kind.Build(model.ElementType, model), model.Kernel.QualifiedName);

        var writer = new SourceWriter();
        HeaderEmitter.WriteFamily(writer, family);
        writer.WriteLine("#nullable enable");
        // The user's type is declared again here: its name is the user's choice (CS8981: lower-case names).
        writer.WriteLine("#pragma warning disable CS8981");
        writer.WriteLine();

        if (model.Namespace is not null)
        {
            writer.OpenBlock("namespace " + model.Namespace);
        }

        foreach (ContainingTypeModel type in model.ContainingTypes)
        {
            writer.OpenBlock(type.Modifiers + "partial " + type.Keyword + " " + type.Name + type.TypeParameters);
        }

        WriteMembers(writer, family);

        for (int i = 0; i < model.ContainingTypes.Count; i++)
        {
            writer.CloseBlock();
        }

        if (model.Namespace is not null)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }

    /// <summary>The kernel class of one configuration, in ActivationGen.Internal.</summary>
    public static string EmitKernelClass(KernelConfig config, TargetModel target)
    {
        ActivationModel model = config.ToKernelModel();
        ActivationKind kind = KindRegistry.Get(model.Kind);
        var family = new FamilyContext(model, target, kind, kind.Build(model.ElementType, model), kernelClass: null);

        var writer = new SourceWriter();
        HeaderEmitter.WriteKernelClass(writer, family, config);
        writer.WriteLine("#nullable enable");
        writer.WriteLine();
        writer.OpenBlock("namespace ActivationGen.Internal");
        writer.WriteLine("/// <summary>Kind." + kind.Name + " kernels for " + family.ElementType + DescribeParameters(model) + ": " + Xml(kind.ForwardFormula) + ".</summary>");
        writer.WriteLine("[global::Microsoft.CodeAnalysis.EmbeddedAttribute]");
        writer.OpenBlock("internal static class " + config.ClassName);
        WriteMembers(writer, family);
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static void WriteMembers(SourceWriter writer, FamilyContext family)
    {
        bool first = true;
        foreach (FamilyMember member in FamilyMember.For(family.Kind.HasDerivativeFromOutput))
        {
            if (member.IsSpan && !family.Target.HasSpan)
            {
                continue;
            }

            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            if (member.IsSpan)
            {
                SpanMemberEmitter.Write(writer, family, member);
            }
            else
            {
                ScalarMemberEmitter.Write(writer, family, member);
            }
        }
    }

    private static string DescribeParameters(ActivationModel model)
        => model.KindParameters.Count == 0 ? string.Empty
            : " with " + string.Join(", ", model.KindParameters.Select(p => p.Name + " = " + Literals.ShortestDouble(p.Value)));

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

/// <summary>What every member emitter needs to know about the family being written.</summary>
internal sealed class FamilyContext
{
    public FamilyContext(ActivationModel model, TargetModel target, ActivationKind kind, KindKernels kernels, string? kernelClass)
    {
        Model = model;
        Target = target;
        Kind = kind;
        Kernels = kernels;
        KernelClass = kernelClass;
    }

    /// <summary>
    /// The kernel class the members delegate to (a user's family), or null when these members are the
    /// kernel class itself and carry the code.
    /// </summary>
    public string? KernelClass { get; }

    /// <summary>The kernel class's member that computes <paramref name="member"/>, e.g. "…SigmoidSingleKernels.SigmoidBackward".</summary>
    public string KernelMember(FamilyMember member) => KernelClass + "." + Kind.Name + member.Suffix;

    public ActivationModel Model { get; }

    public TargetModel Target { get; }

    public ActivationKind Kind { get; }

    public KindKernels Kernels { get; }

    public string ElementType => Model.ElementKeyword;

    public string MemberName(FamilyMember member) => ActivationParser.Escape(Model.MethodName + member.Suffix);

    public string MemberName(MemberRole role, bool span)
        => MemberName(FamilyMember.For(withFromOutput: true).First(m => m.Role == role && m.IsSpan == span));

    /// <summary>Parameter names and prefixes: the user's for the declared member, the standard ones otherwise.</summary>
    public IReadOnlyList<DeclaredParameter> Parameters(FamilyMember member)
        => member.IsDeclared(Model.Shape)
            ? Model.Parameters.ToList()
            : member.ParameterNames.Select(n => new DeclaredParameter(n, string.Empty)).ToList();

    /// <summary>"public static partial" for the declared member, the sibling modifiers otherwise.</summary>
    public string Modifiers(FamilyMember member)
    {
        if (KernelClass is null)
        {
            return "public static";
        }

        if (member.IsDeclared(Model.Shape))
        {
            return Model.DeclaredModifiers.Length == 0 ? "partial" : Model.DeclaredModifiers + " partial";
        }

        return Model.SiblingModifiers;
    }

    public string ParameterType(ParameterShape shape) => shape switch
    {
        ParameterShape.Element => ElementType,
        ParameterShape.ReadOnlySpan => "global::System.ReadOnlySpan<" + ElementType + ">",
        _ => "global::System.Span<" + ElementType + ">",
    };

    /// <summary>The roots a member's kernel evaluates: one per output.</summary>
    public IReadOnlyList<Expr> Roots(MemberRole role) => Roots(role, Kernels);

    /// <summary>
    /// The roots for a vector whose every |z| is within the kind's normal range, with that limit; null where the
    /// kind has no such kernels or the member reads y rather than z.
    /// </summary>
    public (double Limit, IReadOnlyList<Expr> Roots)? NormalRangeRoots(MemberRole role)
        => Kernels.NormalRange is { } range && role is not (MemberRole.DerivativeFromOutput or MemberRole.BackwardFromOutput)
            ? (range.LimitFor(role is MemberRole.Forward or MemberRole.ForwardWithDerivative), Roots(role, range.Kernels))
            : null;

    private static IReadOnlyList<Expr> Roots(MemberRole role, KindKernels kernels) => role switch
    {
        MemberRole.Forward => [kernels.Forward],
        MemberRole.Derivative => [kernels.Derivative],
        MemberRole.DerivativeFromOutput => [kernels.DerivativeFromOutput!],
        MemberRole.ForwardWithDerivative => [kernels.ForwardPaired ?? kernels.Forward, kernels.Derivative],
        MemberRole.Backward => [E.GradOutput * kernels.Derivative],
        _ => [E.GradOutput * kernels.DerivativeFromOutput!],
    };

    public string ParametersText(FamilyMember member)
    {
        IReadOnlyList<DeclaredParameter> names = Parameters(member);
        return string.Join(", ", member.Parameters.Select((shape, i) => names[i].Prefix + ParameterType(shape) + " " + names[i].Name));
    }
}
