using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Kinds;
using ActivationGen.Generator.Model;
using ActivationGen.Generator.Numerics;
using ActivationGen.Generator.Parsing;

namespace ActivationGen.Generator.Emitting;

/// <summary>
/// Writes the file for one activation: the header with the formulas, then every member of the family in
/// a fixed order. Scalar members come from <see cref="ScalarMemberEmitter"/>, span members from
/// <see cref="SpanMemberEmitter"/>; both render the same <see cref="KindKernels"/>.
/// </summary>
internal static class FamilyEmitter
{
    public static string Emit(ActivationModel model, TargetModel target)
    {
        ActivationKind kind = KindRegistry.Get(model.Kind);
        KindKernels kernels = kind.Build(model.ElementType, model);
        var family = new FamilyContext(model, target, kind, kernels);

        var writer = new SourceWriter();
        HeaderEmitter.Write(writer, family);
        writer.WriteLine("#nullable enable");
        writer.WriteLine();

        if (model.Namespace is not null)
        {
            writer.OpenBlock("namespace " + model.Namespace);
        }

        foreach (ContainingTypeModel type in model.ContainingTypes)
        {
            writer.OpenBlock(type.Modifiers + "partial " + type.Keyword + " " + type.Name + type.TypeParameters);
        }

        bool first = true;
        foreach (FamilyMember member in FamilyMember.For(kind.HasDerivativeFromOutput))
        {
            if (member.IsSpan && !target.HasSpan)
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
}

/// <summary>What every member emitter needs to know about the family being written.</summary>
internal sealed class FamilyContext
{
    public FamilyContext(ActivationModel model, TargetModel target, ActivationKind kind, KindKernels kernels)
    {
        Model = model;
        Target = target;
        Kind = kind;
        Kernels = kernels;
    }

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
    public IReadOnlyList<Expr> Roots(MemberRole role) => role switch
    {
        MemberRole.Forward => [Kernels.Forward],
        MemberRole.Derivative => [Kernels.Derivative],
        MemberRole.DerivativeFromOutput => [Kernels.DerivativeFromOutput!],
        MemberRole.ForwardWithDerivative => [Kernels.Forward, Kernels.Derivative],
        MemberRole.Backward => [E.GradOutput * Kernels.Derivative],
        _ => [E.GradOutput * Kernels.DerivativeFromOutput!],
    };

    public string ParametersText(FamilyMember member)
    {
        IReadOnlyList<DeclaredParameter> names = Parameters(member);
        return string.Join(", ", member.Parameters.Select((shape, i) => names[i].Prefix + ParameterType(shape) + " " + names[i].Name));
    }
}
