using System.Collections.Generic;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Emitting;

/// <summary>XML documentation of each generated member: the formula, the shapes, the exceptions.</summary>
internal static class DocumentationEmitter
{
    public static void Write(SourceWriter writer, FamilyContext family, FamilyMember member)
    {
        if (member.IsDeclared(family.Model.Shape) && family.Model.HasUserDocumentation)
        {
            return; // The user's own docs on the declaration stay in charge.
        }

        IReadOnlyList<DeclaredParameter> p = family.Parameters(member);
        string kind = family.Kind.Name;
        string forward = Xml(family.Kind.ForwardFormula);
        string derivative = Xml(family.Kind.DerivativeFormula);
        string fromOutput = Xml(family.Kind.DerivativeFromOutputFormula ?? string.Empty);

        string Ref(int i) => "<paramref name=\"" + p[i].Name.TrimStart('@') + "\"/>";
        void Param(int i, string text) => writer.WriteLine("/// <param name=\"" + p[i].Name.TrimStart('@') + "\">" + text + "</param>");

        switch (member.Role)
        {
            case MemberRole.Forward when !member.IsSpan:
                writer.WriteLine("/// <summary>" + kind + " activation: " + forward + ".</summary>");
                Param(0, "Pre-activation z.");
                writer.WriteLine("/// <returns>g(z).</returns>");
                break;
            case MemberRole.Derivative when !member.IsSpan:
                writer.WriteLine("/// <summary>Derivative of " + kind + " from its input: " + derivative + ".</summary>");
                Param(0, "Pre-activation z (not the output g(z); for that use the FromOutput member where it exists).");
                writer.WriteLine("/// <returns>g'(z).</returns>");
                break;
            case MemberRole.DerivativeFromOutput when !member.IsSpan:
                writer.WriteLine("/// <summary>Derivative of " + kind + " from its output: " + fromOutput + ".</summary>");
                Param(0, "Output y = g(z) of the forward pass (not the pre-activation z).");
                writer.WriteLine("/// <returns>g'(z).</returns>");
                break;
            case MemberRole.Forward:
                writer.WriteLine("/// <summary>" + kind + " over a span: " + Ref(1) + "[i] = g(" + Ref(0) + "[i]), " + forward + ".</summary>");
                Param(0, "Pre-activations z, any length.");
                Param(1, "Receives g(z); at least as long as " + Ref(0) + ". May be the same span as " + Ref(0) + " (in place).");
                break;
            case MemberRole.Derivative:
                writer.WriteLine("/// <summary>Derivative of " + kind + " over a span from its input: " + Ref(1) + "[i] = g'(" + Ref(0) + "[i]), " + derivative + ".</summary>");
                Param(0, "Pre-activations z (not outputs), any length.");
                Param(1, "Receives g'(z); at least as long as " + Ref(0) + ". May be the same span as " + Ref(0) + ".");
                break;
            case MemberRole.DerivativeFromOutput:
                writer.WriteLine("/// <summary>Derivative of " + kind + " over a span from its output: " + Ref(1) + "[i] = g'(z[i]) computed from " + Ref(0) + "[i] = g(z[i]), " + fromOutput + ".</summary>");
                Param(0, "Outputs y = g(z) of the forward pass, any length.");
                Param(1, "Receives g'(z); at least as long as " + Ref(0) + ". May be the same span as " + Ref(0) + ".");
                break;
            case MemberRole.ForwardWithDerivative:
                writer.WriteLine("/// <summary>" + kind + " and its derivative in one pass, sharing the work: " + Ref(1) + "[i] = g(" + Ref(0) + "[i]) and " + Ref(2) + "[i] = g'(" + Ref(0) + "[i]), bit for bit what the separate members return.</summary>");
                Param(0, "Pre-activations z, any length.");
                Param(1, "Receives g(z); at least as long as " + Ref(0) + ". May be the same span as " + Ref(0) + ".");
                Param(2, "Receives g'(z); at least as long as " + Ref(0) + ". May be the same span as " + Ref(0) + " but must not overlap " + Ref(1) + ".");
                break;
            case MemberRole.Backward:
                writer.WriteLine("/// <summary>Backward pass of " + kind + " from the pre-activation, in one pass: " + Ref(2) + "[i] = " + Ref(1) + "[i] · g'(" + Ref(0) + "[i]), " + derivative + ".</summary>");
                Param(0, "Pre-activations z saved from the forward pass, any length.");
                Param(1, "∂L/∂y, the same length as " + Ref(0) + ".");
                Param(2, "Receives ∂L/∂z; at least as long as " + Ref(0) + ". May be the same span as either input (in place).");
                break;
            case MemberRole.BackwardFromOutput:
                writer.WriteLine("/// <summary>Backward pass of " + kind + " from the output, in one pass: " + Ref(2) + "[i] = " + Ref(1) + "[i] · g'(z[i]) with g' computed from " + Ref(0) + "[i] = g(z[i]), " + fromOutput + ".</summary>");
                Param(0, "Outputs y = g(z) saved from the forward pass, any length.");
                Param(1, "∂L/∂y, the same length as " + Ref(0) + ".");
                Param(2, "Receives ∂L/∂z; at least as long as " + Ref(0) + ". May be the same span as either input (in place).");
                break;
        }

        if (member.IsSpan)
        {
            writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">An output is shorter than the input, an input has a different length than the first, "
                + "or an output overlaps another span without being the same span; thrown before anything is written, naming the parameter.</exception>");
        }

        string numerics = family.KernelClass is null
            ? Xml(family.Kind.NumericsNote)
            : "Computed by " + family.Model.Kernel.ClassName + ", whose file header describes the numerics (within 2 ulp for sigmoid and tanh, exact for ReLU kinds).";
        writer.WriteLine("/// <remarks>" + numerics + " Same bits as the scalar member on every vector width and instruction set.</remarks>");
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
