using ActivationGen.Generator.Kinds;

namespace ActivationGen.Generator.Model;

/// <summary>Element type of an activation: the generator supports exactly these two.</summary>
internal enum ElementType
{
    Single,
    Double,
}

/// <summary>The shape the user declared; the whole family is generated whichever it is.</summary>
internal enum DeclaredShape
{
    /// <summary><c>T N(T z)</c>.</summary>
    Scalar,

    /// <summary><c>void N(ReadOnlySpan&lt;T&gt; z, Span&lt;T&gt; y)</c>.</summary>
    Span,
}

/// <summary>One enclosing type of the annotated method, rendered again as a partial declaration.</summary>
/// <param name="Keyword">"class", "struct", "record", "record struct" or "interface".</param>
/// <param name="Modifiers">Modifiers that every partial part must repeat ("readonly ", "ref ", "unsafe ").</param>
/// <param name="Name">Identifier, escaped with '@' where it is a keyword.</param>
/// <param name="TypeParameters">"&lt;T, U&gt;" or empty.</param>
internal sealed record ContainingTypeModel(string Keyword, string Modifiers, string Name, string TypeParameters);

/// <summary>A parameter of the declared method as the implementation must repeat it.</summary>
/// <param name="Name">Identifier, escaped with '@' where it is a keyword.</param>
/// <param name="Prefix">"scoped " or empty.</param>
internal sealed record DeclaredParameter(string Name, string Prefix);

/// <summary>A resolved kind parameter (default applied), e.g. Slope = 0.01.</summary>
internal sealed record KindParameterValue(string Name, double Value);

/// <summary>
/// Everything the emitters need to write one activation family. <see cref="DeclaredModifiers"/> repeats
/// the declaration's modifiers for the implementing part (without "partial"); <see cref="SiblingModifiers"/>
/// gives the other members the same accessibility (explicit "private" where none was written) and
/// static-ness. <see cref="MethodName"/> is unescaped. Plain values with value equality:
/// no symbol, syntax node or compilation, so the incremental pipeline can cache it.
/// </summary>
internal sealed record ActivationModel(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string MethodName,
    string DeclaredModifiers,
    string SiblingModifiers,
    bool HasUserDocumentation,
    bool HasMethodImplAttribute,
    ElementType ElementType,
    DeclaredShape Shape,
    EquatableArray<DeclaredParameter> Parameters,
    ActivationKindId Kind,
    EquatableArray<KindParameterValue> KindParameters,
    string HintName)
{
    /// <summary>"float" or "double".</summary>
    public string ElementKeyword => ElementType == ElementType.Single ? "float" : "double";

    public double GetParameter(string name)
    {
        foreach (KindParameterValue p in KindParameters)
        {
            if (p.Name == name)
            {
                return p.Value;
            }
        }

        throw new System.InvalidOperationException("Kind parameter '" + name + "' was not resolved by the parser.");
    }
}

/// <summary>What the user's compilation can compile, read once per compilation.</summary>
/// <param name="HasHardwareIntrinsics">System.Runtime.Intrinsics.Vector512 exists (net8.0+).</param>
/// <param name="HasSpan">System.Span exists (else span members are not emitted).</param>
/// <param name="HasSingleBitConverter">BitConverter.SingleToInt32Bits exists (netstandard2.1+).</param>
/// <param name="HasScalarFma">Math.FusedMultiplyAdd and MathF.FusedMultiplyAdd exist (netcoreapp3.0+).</param>
/// <param name="HasVectorFma">Vector128.FusedMultiplyAdd and friends exist (net9.0+); net8.0 gets a dispatching helper.</param>
internal sealed record TargetModel(bool HasHardwareIntrinsics, bool HasSpan, bool HasSingleBitConverter, bool HasScalarFma, bool HasVectorFma);

/// <summary>The parser's answer for one annotated method: a model, or the diagnostics that stop it.</summary>
internal sealed record ParseResult(ActivationModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
