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
internal sealed record KindParameterValue(string Name, double Value)
{
    // Bit for bit, as the kernel class name is written: Min = 0.0 and Min = -0.0 clamp to different zeros, so they
    // need two kernel classes (with ==, the pipeline merged them into one and a family called the missing one).
    public bool Equals(KindParameterValue? other)
        => other is not null && Name == other.Name
            && System.BitConverter.DoubleToInt64Bits(Value) == System.BitConverter.DoubleToInt64Bits(other.Value);

    public override int GetHashCode() => (Name.GetHashCode() * 31) + System.BitConverter.DoubleToInt64Bits(Value).GetHashCode();
}

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
    EquatableArray<KindParameterValue> KindParameters)
{
    public KernelConfig Kernel => new(Kind, ElementType, KindParameters);

    /// <summary>
    /// A readable, unique file name: Namespace.Outer.Inner.Method.float plus a short hash of the exact
    /// (case-sensitive, arity-aware) identity, because hint names are compared ignoring case. Computed when the
    /// family is emitted, not stored: the parser builds a model for every annotated method after every edit.
    /// </summary>
    public string HintName
    {
        get
        {
            var readable = new System.Text.StringBuilder(Namespace ?? string.Empty);
            var identity = new System.Text.StringBuilder(Namespace ?? string.Empty);
            foreach (ContainingTypeModel type in ContainingTypes)
            {
                readable.Append(readable.Length == 0 ? string.Empty : ".").Append(type.Name);
                identity.Append('.').Append(type.Name).Append(type.TypeParameters);
            }

            readable.Append('.').Append(MethodName);
            identity.Append('.').Append(MethodName).Append('/').Append(ElementType);

            var safe = new System.Text.StringBuilder(readable.Length);
            foreach (char c in readable.ToString())
            {
                safe.Append((c < 128 && char.IsLetterOrDigit(c)) || c == '.' || c == '_' ? c : '_');
            }

            uint hash = 2166136261;
            foreach (char c in identity.ToString())
            {
                hash = unchecked((hash ^ c) * 16777619);
            }

            return safe + "." + ElementKeyword + "." + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
        }
    }

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

/// <summary>
/// What the kernels of an activation depend on: kind, element type and parameter values. Activations that
/// agree on these share one generated kernel class, however many methods declare them.
/// </summary>
internal sealed record KernelConfig(ActivationKindId Kind, ElementType ElementType, EquatableArray<KindParameterValue> KindParameters)
{
    /// <summary>e.g. "SigmoidSingleKernels", "LeakyReluSingleSlope0p01Kernels": unique per configuration.</summary>
    public string ClassName
    {
        get
        {
            var name = new System.Text.StringBuilder(Kind.ToString()).Append(ElementType);
            foreach (KindParameterValue p in KindParameters)
            {
                name.Append(p.Name);
                foreach (char c in Emitting.Literals.ShortestDouble(p.Value))
                {
                    name.Append(c switch { '.' => 'p', '-' => 'm', '+' => 'P', 'E' => 'e', _ => c });
                }
            }

            return name.Append("Kernels").ToString();
        }
    }

    /// <summary>The class as generated code refers to it.</summary>
    public string QualifiedName => "global::ActivationGen.Internal." + ClassName;

    public string HintName => "ActivationGen.Kernels." + ClassName + ".g.cs";

    /// <summary>The model from which the kernel class is emitted: the family itself, in ActivationGen.Internal.</summary>
    public ActivationModel ToKernelModel()
        => new(
            "ActivationGen.Internal",
            EquatableArray<ContainingTypeModel>.Empty,
            Kind.ToString(),
            DeclaredModifiers: "public static",
            SiblingModifiers: "public static",
            HasUserDocumentation: false,
            HasMethodImplAttribute: false,
            ElementType,
            DeclaredShape.Scalar,
            new[] { new DeclaredParameter("z", string.Empty) }.ToEquatableArray(),
            Kind,
            KindParameters);
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
