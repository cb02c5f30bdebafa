using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Model;
using ActivationGen.Generator.Numerics;

namespace ActivationGen.Generator.Emitting;

/// <summary>The scalar members T N(T z), T NDerivative(T z), T NDerivativeFromOutput(T y).</summary>
internal static class ScalarMemberEmitter
{
    public const string AggressiveInlining =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    public static void Write(SourceWriter writer, FamilyContext family, FamilyMember member)
    {
        IReadOnlyList<DeclaredParameter> parameters = family.Parameters(member);
        DocumentationEmitter.Write(writer, family, member);
        if (!(member.IsDeclared(family.Model.Shape) && family.Model.HasMethodImplAttribute))
        {
            writer.WriteLine(AggressiveInlining);
        }

        writer.OpenBlock(family.Modifiers(member) + " " + family.ElementType + " " + family.MemberName(member) + "(" + family.ParametersText(member) + ")");
        if (family.KernelClass is not null)
        {
            writer.WriteLine("return " + family.KernelMember(member) + "(" + parameters[0].Name + ");");
            writer.CloseBlock();
            return;
        }

        var syntax = new ScalarSyntax(family.Model.ElementType, family.Target);
        string input = parameters[0].Name;
        RenderedKernel kernel = KernelRenderer.Render(syntax, family.Roots(member.Role), _ => input, new NameScope(parameters.Select(p => p.Name)));
        WriteLocals(writer, kernel, family.ElementType, family.Model.ElementType == ElementType.Single ? "int" : "long");
        writer.WriteLine("return " + kernel.Results[0] + ";");
        writer.CloseBlock();
    }

    /// <summary>Writes the kernel's locals with their comments; shared by scalar and vector kernels.</summary>
    public static void WriteLocals(SourceWriter writer, RenderedKernel kernel, string realType, string integerType)
    {
        foreach (KernelLocal local in kernel.Locals)
        {
            if (local.Comment is not null)
            {
                writer.WriteLine("// " + local.Comment);
            }

            string type = local.Kind == ValueKind.Integer ? integerType : realType;
            writer.WriteLine(type + " " + local.Name + " = " + local.Value + ";");
        }
    }
}
