using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ActivationGen.Generator.Model;

/// <summary>The parameter types a generated member takes, per position.</summary>
internal enum ParameterShape
{
    Element,
    ReadOnlySpan,
    Span,
}

/// <summary>Which computation a member performs.</summary>
internal enum MemberRole
{
    Forward,
    Derivative,
    DerivativeFromOutput,
    ForwardWithDerivative,
    Backward,
    BackwardFromOutput,
}

/// <summary>One member of a generated family: its name suffix, role, and parameters.</summary>
internal sealed record FamilyMember(string Suffix, MemberRole Role, bool IsSpan, ImmutableArray<ParameterShape> Parameters, ImmutableArray<string> ParameterNames)
{
    private static readonly ImmutableArray<FamilyMember> WithFromOutput = Build(withFromOutput: true).ToImmutableArray();
    private static readonly ImmutableArray<FamilyMember> WithoutFromOutput = Build(withFromOutput: false).ToImmutableArray();

    /// <summary>
    /// The family in the order the generated file lists it (stable, so snapshots are stable). Built once: the
    /// parser walks it for every annotated method on every edit.
    /// </summary>
    public static ImmutableArray<FamilyMember> For(bool withFromOutput) => withFromOutput ? WithFromOutput : WithoutFromOutput;

    private static IEnumerable<FamilyMember> Build(bool withFromOutput)
    {
        yield return Scalar(string.Empty, MemberRole.Forward, "z");
        yield return Scalar("Derivative", MemberRole.Derivative, "z");
        if (withFromOutput)
        {
            yield return Scalar("DerivativeFromOutput", MemberRole.DerivativeFromOutput, "y");
        }

        yield return Span(string.Empty, MemberRole.Forward, "z", "y");
        yield return Span("Derivative", MemberRole.Derivative, "z", "dydz");
        if (withFromOutput)
        {
            yield return Span("DerivativeFromOutput", MemberRole.DerivativeFromOutput, "y", "dydz");
        }

        yield return new FamilyMember(
            "Forward",
            MemberRole.ForwardWithDerivative,
            IsSpan: true,
            ImmutableArray.Create(ParameterShape.ReadOnlySpan, ParameterShape.Span, ParameterShape.Span),
            ImmutableArray.Create("z", "y", "dydz"));
        yield return new FamilyMember(
            "Backward",
            MemberRole.Backward,
            IsSpan: true,
            ImmutableArray.Create(ParameterShape.ReadOnlySpan, ParameterShape.ReadOnlySpan, ParameterShape.Span),
            ImmutableArray.Create("z", "gradOutput", "gradInput"));
        if (withFromOutput)
        {
            yield return new FamilyMember(
                "BackwardFromOutput",
                MemberRole.BackwardFromOutput,
                IsSpan: true,
                ImmutableArray.Create(ParameterShape.ReadOnlySpan, ParameterShape.ReadOnlySpan, ParameterShape.Span),
                ImmutableArray.Create("y", "gradOutput", "gradInput"));
        }
    }

    /// <summary>Whether this member is the one the user declared (and so keeps the user's parameter names).</summary>
    public bool IsDeclared(DeclaredShape shape)
        => Role == MemberRole.Forward && IsSpan == (shape == DeclaredShape.Span);

    private static FamilyMember Scalar(string suffix, MemberRole role, string parameter)
        => new(suffix, role, IsSpan: false, ImmutableArray.Create(ParameterShape.Element), ImmutableArray.Create(parameter));

    private static FamilyMember Span(string suffix, MemberRole role, string input, string output)
        => new(suffix, role, IsSpan: true, ImmutableArray.Create(ParameterShape.ReadOnlySpan, ParameterShape.Span), ImmutableArray.Create(input, output));
}
