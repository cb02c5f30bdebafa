using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ActivationGen.Tests.Infrastructure;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>
/// Property-based fuzzing of the generator with random but plausible declarations: containing types of
/// every sort, every modifier, odd shapes, parameter names that collide with generated names, odd
/// attribute arguments, colliding members and old language versions. Most samples are not valid C#;
/// whatever the user writes, the generator must not throw, must not produce code with errors, must not
/// emit a family for a method it reports an AG0xxx error on, and must be deterministic.
/// On failure CsCheck prints the seed; rerun with CsCheck_Seed=&lt;seed&gt; to reproduce.
/// </summary>
public class DeclarationFuzzTests
{
    /// <summary>Samples per run: about 45–50 s in Release on two cores (a third wild, two thirds mostly valid).</summary>
    private const long Iterations = 1100;

    /// <summary>One generated consumer: a language version and a source file.</summary>
    public sealed record FuzzCase(LanguageVersion LanguageVersion, string Source)
    {
        public override string ToString() => "LangVersion " + LanguageVersion.ToDisplayString() + ":\n" + Source;
    }

    private static readonly Gen<LanguageVersion> LanguageVersions = Gen.OneOfConst(
        LanguageVersion.CSharp7_3, LanguageVersion.CSharp8, LanguageVersion.CSharp9, LanguageVersion.CSharp10,
        LanguageVersion.CSharp12, LanguageVersion.Latest, LanguageVersion.Latest, LanguageVersion.Latest);

    // ---- Attribute -------------------------------------------------------------------------------------

    private static readonly Gen<string> AttributeNames = Gen.FrequencyConst(
        (6, "Activation"),
        (1, "ActivationAttribute"),
        (1, "ActivationGen.Activation"),
        (1, "ActivationGen.ActivationAttribute"),
        (1, "global::ActivationGen.Activation"));

    private static readonly Gen<string?> KindArguments = Gen.FrequencyConst<string?>(
        (4, "Kind.Sigmoid"),
        (4, "Kind.Tanh"),
        (4, "Kind.Relu"),
        (5, "Kind.LeakyRelu"),
        (2, "Kind.Relu6"),
        (4, "Kind.HardTanh"),
        (2, "Kind.HardSigmoid"),
        (1, "(Kind)7"),
        (1, "(Kind)99"),
        (1, "(Kind)1"),
        (1, "Kind.Sigmoid | Kind.Tanh"),
        (1, "~Kind.Relu"),
        (1, "Kind.Relu + 1"),
        (1, "default"),
        (1, "ActivationGen.Kind.Relu"),
        (1, "kind: Kind.Tanh"),
        (1, "0"),
        (1, "null"),
        (1, null));

    private static readonly Gen<string> SlopeValues = Gen.OneOfConst(
        "0.2", "1", "0.5", "double.NaN", "double.PositiveInfinity", "double.NegativeInfinity", "0", "1.0", "-0.5",
        "1e-300", "1e-40", "0.01f", "0.99999999", "\"x\"", "S", "SF", "C.S", "(double)0.3m", "default", "-0.0");

    private static readonly Gen<string?> SlopeArguments = Gen.Frequency<string?>(
        (3, Gen.Const((string?)null)),
        (3, SlopeValues.Select(v => (string?)("Slope = " + v))),
        (1, SlopeValues.Select(v => (string?)("Min = " + v))),
        (1, SlopeValues.Select(v => (string?)("Max = " + v))),
        (1, Gen.Select(SlopeValues, SlopeValues, (a, b) => (string?)("Min = " + a + ", Max = " + b))),
        (1, Gen.Select(SlopeValues, SlopeValues, (a, b) => (string?)("Max = " + a + ", Min = -" + b))));

    private static readonly Gen<string> Attributes =
        from name in AttributeNames
        from kind in KindArguments
        from slope in SlopeArguments
        from emptyParens in Gen.Bool
        select Attribute(name, kind, slope, emptyParens);

    private static string Attribute(string name, string? kind, string? slope, bool emptyParens)
    {
        var arguments = new List<string>();
        if (kind is not null)
        {
            arguments.Add(kind);
        }

        if (slope is not null)
        {
            arguments.Add(slope);
        }

        return arguments.Count > 0 ? name + "(" + string.Join(", ", arguments) + ")" : emptyParens ? name + "()" : name;
    }

    private static readonly Gen<string> AttributeLists = Gen.Frequency(
        (12, Attributes.Select(a => "[" + a + "] ")),
        (1, Gen.Select(Attributes, Attributes, (a, b) => "[" + a + "] [" + b + "] ")),
        (1, Gen.Select(Attributes, Attributes, (a, b) => "[" + a + ", " + b + "] ")),
        (1, Attributes.Select(a => "[" + a + "] [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] ")),
        (1, Attributes.Select(a => "/// <summary>Mine.</summary>\n    [" + a + "] ")));

    // ---- Annotated method -----------------------------------------------------------------------------

    private static readonly Gen<string> MethodAccessibility = Gen.FrequencyConst(
        (3, ""), (6, "public "), (2, "internal "), (2, "private "), (1, "protected "), (1, "protected internal "), (1, "private protected "));

    private static readonly Gen<string> ExtraMethodModifiers = Gen.FrequencyConst(
        (30, ""), (1, "extern "), (2, "unsafe "), (1, "new "), (1, "virtual "), (1, "override "), (1, "abstract "),
        (1, "sealed override "), (2, "readonly "), (1, "async "), (1, "unsafe readonly "), (1, "volatile "), (1, "public "),
        (1, "static "), (1, "required "), (1, "file "), (1, "const "), (1, "protected "));

    private static readonly Gen<string> ElementTypes = Gen.FrequencyConst(
        (8, "float"), (8, "double"), (1, "Half"), (1, "decimal"), (1, "int"), (1, "float?"), (1, "System.Single"), (1, "T"), (1, "nint"), (1, "Undefined"));

    private static readonly Gen<string> ParameterNames = Gen.FrequencyConst(
        (8, "z"), (2, "y"), (1, "zRef"), (1, "length"), (1, "i"), (1, "last"), (1, "Kernel256"), (1, "Kernel512"), (1, "dydz"),
        (1, "gradOutput"), (1, "gradInput"), (1, "@class"), (1, "@float"), (1, "@in"), (1, "e"), (1, "x"), (1, "t"), (1, "value"),
        (1, "F"), (1, "@z"), (1, "zz"), (1, "q"), (1, "scale1"));

    private static readonly Gen<string> ParameterModifiers = Gen.FrequencyConst(
        (20, ""), (1, "ref "), (1, "in "), (1, "out "), (1, "params "), (1, "scoped "), (1, "ref readonly "), (1, "this "), (1, "[System.Diagnostics.CodeAnalysis.NotNull] "));

    private static readonly Gen<string> ParameterDefaults = Gen.FrequencyConst(
        (20, ""), (1, " = 0"), (1, " = default"), (1, " = 1f"));

    /// <summary>Type of a random parameter or return, given the element type.</summary>
    private static readonly Gen<Func<string, string>> TypeShapes = Gen.FrequencyConst<Func<string, string>>(
        (6, t => t), (4, t => "ReadOnlySpan<" + t + ">"), (4, t => "Span<" + t + ">"), (1, t => t + "[]"),
        (1, t => "System.ReadOnlySpan<" + t + ">"), (1, t => "Span<double>"), (1, t => "ReadOnlySpan<float>"), (1, _ => "float"), (1, _ => "double"));

    private static readonly Gen<string> RandomParameter =
        from modifier in ParameterModifiers
        from shape in TypeShapes
        from element in ElementTypes
        from name in ParameterNames
        from value in ParameterDefaults
        select modifier + shape(element) + " " + name + value;

    private static readonly Gen<string> Signatures = Gen.Frequency(
        // Scalar: T N(T z).
        (6, from element in ElementTypes
            from name in ParameterNames
            from modifier in ParameterModifiers
            from value in ParameterDefaults
            select element + " {0}(" + modifier + element + " " + name + value + ")"),
        // Span: void N(ReadOnlySpan<T> z, Span<T> y).
        (6, from element in ElementTypes
            from input in ParameterNames
            from output in ParameterNames
            from scopedInput in Gen.FrequencyConst((6, ""), (1, "scoped "), (1, "in "))
            from scopedOutput in Gen.FrequencyConst((6, ""), (1, "scoped "), (1, "out "))
            select "void {0}(" + scopedInput + "ReadOnlySpan<" + element + "> " + input + ", " + scopedOutput + "Span<" + element + "> " + output + ")"),
        // Anything: 0–3 random parameters.
        (3, from returns in Gen.OneOf(Gen.Const("void"), ElementTypes, TypeShapes.Select(ElementTypes, (s, e) => s(e)))
            from parameters in RandomParameter.Array[0, 3]
            select returns + " {0}(" + string.Join(", ", parameters) + ")"));

    private static readonly Gen<string> MethodNames = Gen.FrequencyConst(
        (10, "F"), (3, "G"), (1, "FDerivative"), (1, "FBackward"), (1, "FForward"), (1, "FDerivativeFromOutput"),
        (1, "Sigmoid"), (1, "@float"), (1, "C"), (1, "Kernel256"), (1, "Act"), (1, "GDerivative"));

    private static readonly Gen<string> Bodies = Gen.FrequencyConst(
        (12, ";"), (1, " => default;"), (1, " { }"), (1, " => z;"), (1, " { throw null; }"));

    private static readonly Gen<string> AnnotatedMethods =
        from attributes in AttributeLists
        from accessibility in MethodAccessibility
        from isStatic in Gen.Bool
        from extra in ExtraMethodModifiers
        from isPartial in Gen.FrequencyConst((9, true), (1, false))
        from signature in Signatures
        from name in MethodNames
        from generic in Gen.FrequencyConst((12, ""), (1, "<T>"), (1, "<U>"))
        from body in Bodies
        select "    " + attributes + accessibility + (isStatic ? "static " : string.Empty) + extra + (isPartial ? "partial " : string.Empty)
            + signature.Replace("{0}", name + generic, StringComparison.Ordinal) + body;

    // ---- Surrounding members --------------------------------------------------------------------------

    private static readonly Gen<string> SurroundingMembers = Gen.OneOfConst(
        "public static void FBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> g, Span<float> d) { }",
        "public static float FDerivative(float z) => z;",
        "public double FDerivative(double z) => z;",
        "public int FForward;",
        "public float FDerivativeFromOutput { get; set; }",
        "public class FBackwardFromOutput { }",
        "private const double S = 0.2;",
        "public const float SF = 0.5f;",
        "public void Run() { }",
        "public static float F(int z) => z;",
        "partial void Log();",
        "public static partial float F(float z) => z;",
        "public partial float F(float z) => z;",
        "public static void F(ReadOnlySpan<double> z, Span<double> y) { }",
        "public static double GDerivative(double z) => z;",
        "public event System.Action? FForward2;",
        "public static float F<T>(float z) => z;",
        "#nullable disable\n    public string G2;\n#nullable restore",
        "#pragma warning disable CS0169\n    private int unused;",
        "public override string ToString() => \"\";",
        "public int this[int i] => i;",
        // Types and members that shadow what generated code refers to.
        "public class Span<T> { }",
        "public static class MathF { }",
        "public class Vector128<T> { }",
        "public static class Unsafe { }",
        // (Not "class System" or "class ActivationGen": when a parse error leaves them at top level, they hide the
        // namespaces every generator, Roslyn's own EmbeddedAttribute included, refers to as global::System.)
        "public class Kind { }",
        "public class ArgumentException { }",
        "public int z;",
        "public static int length;",
        "public class Internal { }");

    // ---- Types ----------------------------------------------------------------------------------------

    private sealed record TypeShape(string Accessibility, string Modifiers, string Keyword, bool IsPartial, string Name, string TypeParameters, string BaseList)
    {
        public string Header()
        {
            string keyword = Keyword switch
            {
                "ref struct" => IsPartial ? "ref partial struct" : "ref struct",
                "readonly struct" => IsPartial ? "readonly partial struct" : "readonly struct",
                "readonly ref struct" => IsPartial ? "readonly ref partial struct" : "readonly ref struct",
                _ => (IsPartial ? "partial " : string.Empty) + Keyword,
            };
            return Accessibility + Modifiers + keyword + " " + Name + TypeParameters + BaseList;
        }
    }

    private static readonly Gen<string> TypeKeywords = Gen.FrequencyConst(
        (10, "class"), (3, "struct"), (2, "record"), (2, "record struct"), (1, "ref struct"), (1, "readonly struct"),
        (1, "readonly ref struct"), (1, "interface"));

    private static readonly Gen<string> TypeAccessibility = Gen.FrequencyConst(
        (3, ""), (6, "public "), (2, "internal "), (1, "file "), (1, "private "));

    private static readonly Gen<string> TypeModifiers = Gen.FrequencyConst(
        (6, ""), (4, "static "), (1, "sealed "), (1, "abstract "), (1, "unsafe "), (1, "static unsafe "));

    private static readonly Gen<TypeShape> TargetTypes =
        from accessibility in TypeAccessibility
        from modifiers in TypeModifiers
        from keyword in TypeKeywords
        from isPartial in Gen.FrequencyConst((10, true), (1, false))
        from name in Gen.FrequencyConst((8, "C"), (1, "A"), (1, "@class"), (1, "F"), (1, "FBackward"), (1, "act"))
        from typeParameters in Gen.FrequencyConst((8, ""), (1, "<T>"), (1, "<T, U>"), (1, "<@int>"), (1, "<z>"), (1, "<y, dydz>"))
        from baseList in Gen.FrequencyConst((8, ""), (1, " : B"), (1, " : System.IDisposable"))
        select new TypeShape(accessibility, modifiers, keyword, isPartial, name, typeParameters, baseList);

    private static readonly Gen<TypeShape> EnclosingTypes =
        from accessibility in TypeAccessibility
        from modifiers in Gen.FrequencyConst((6, ""), (2, "static "), (1, "sealed "), (1, "abstract "))
        from keyword in Gen.FrequencyConst((6, "class"), (2, "struct"), (1, "record"), (1, "record struct"), (1, "interface"))
        from isPartial in Gen.FrequencyConst((6, true), (1, false))
        from name in Gen.FrequencyConst((3, "O"), (2, "P"), (1, "@namespace"), (1, "C"))
        from typeParameters in Gen.FrequencyConst((6, ""), (1, "<T>"), (1, "<V>"))
        select new TypeShape(accessibility, modifiers, keyword, isPartial, name, typeParameters, string.Empty);

    private static readonly Gen<string> Namespaces = Gen.FrequencyConst(
        (4, ""), (2, "namespace N"), (2, "namespace N;"), (1, "namespace @namespace.Inner"), (1, "namespace N.M;"), (1, "namespace ActivationGen.Internal"));

    private static readonly Gen<string> Preambles = Gen.FrequencyConst(
        (8, ""), (1, "#nullable disable\n"), (1, "#pragma warning disable\n"), (1, "#nullable enable annotations\n"), (1, "#pragma warning disable CS0108, CS0114\n"));

    private static readonly Gen<string> Usings = Gen.FrequencyConst(
        (10, "using System;\nusing ActivationGen;\n"), (1, "using System;\n"), (1, "using ActivationGen;\nusing Half = System.Half;\nusing System;\n"), (1, "global using System;\nusing ActivationGen;\nusing Kind = ActivationGen.Kind;\n"));

    private static readonly Gen<string> BaseTypes = Gen.FrequencyConst(
        (4, ""),
        (1, "public class B { public virtual float F(float z) => z; public float FDerivative(float z) => z; }\n"),
        (1, "public abstract class B { public abstract float F(float z); protected void FBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> g, Span<float> d) { } }\n"),
        (1, "public class B { private static void FForward(ReadOnlySpan<double> z, Span<double> y, Span<double> d) { } public static int GDerivative; }\n"));

    /// <summary>Anything goes: most samples have several problems at once.</summary>
    private static readonly Gen<FuzzCase> WildCases =
        from version in LanguageVersions
        from preamble in Preambles
        from usings in Usings
        from ns in Namespaces
        from baseType in BaseTypes
        from enclosing in EnclosingTypes.Array[0, 2]
        from target in TargetTypes
        from methods in AnnotatedMethods.Array[1, 3]
        from members in SurroundingMembers.Array[0, 3]
        from membersFirst in Gen.Bool
        select new FuzzCase(version, Render(preamble, usings, ns, baseType, enclosing, target, methods, members, membersFirst));

    // ---- Mostly valid declarations, with the odd wild part -----------------------------------------------
    // Wild samples rarely get past the checks; these exercise the code that is actually generated.

    private static Gen<T> MostlyTame<T>(Gen<T> tame, Gen<T> wild) => Gen.Frequency((15, tame), (1, wild));

    private static readonly Gen<LanguageVersion> TameLanguageVersions = MostlyTame(
        Gen.FrequencyConst((1, LanguageVersion.CSharp9), (1, LanguageVersion.CSharp10), (1, LanguageVersion.CSharp12), (5, LanguageVersion.Latest)),
        LanguageVersions);

    private static readonly Gen<string> TameKindArguments = MostlyTame(
        Gen.FrequencyConst(
            (3, "Kind.Sigmoid"), (3, "Kind.Tanh"), (3, "Kind.Relu"), (2, "Kind.LeakyRelu"), (1, "Kind.LeakyRelu, Slope = 0.2"),
            (1, "Kind.LeakyRelu, Slope = 0.5"), (1, "Kind.LeakyRelu, Slope = 0.01f"), (1, "Kind.LeakyRelu, Slope = 1e-3"),
            (1, "Kind.LeakyRelu, Slope = 0.999"), (1, "ActivationGen.Kind.Tanh")),
        from kind in KindArguments
        from slope in SlopeArguments
        select Attribute(string.Empty, kind, slope, emptyParens: true));

    private static readonly Gen<string> TameAttributeLists =
        from name in AttributeNames
        from arguments in TameKindArguments
        from extra in Gen.FrequencyConst(
            (10, ""),
            (1, " [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]"),
            (1, " [System.Obsolete]"))
        select "[" + name + (arguments.StartsWith('(') ? arguments : "(" + arguments + ")") + "]" + extra + " ";

    private static readonly Gen<string> TameElementTypes = MostlyTame(
        Gen.FrequencyConst((6, "float"), (6, "double"), (1, "System.Single"), (1, "System.Double")), ElementTypes);

    private static readonly Gen<string> TameSignatures = MostlyTame(
        Gen.Frequency(
            (1, from element in TameElementTypes
                from name in ParameterNames
                select element + " {0}(" + element + " " + name + ")"),
            (1, from element in TameElementTypes
                from input in ParameterNames
                from output in ParameterNames
                from scoped in Gen.FrequencyConst((8, ""), (1, "scoped "))
                select "void {0}(" + scoped + "ReadOnlySpan<" + element + "> " + input + ", " + scoped + "Span<" + element + "> " + output + ")")),
        Signatures);

    private static Gen<string> TameAnnotatedMethods(bool inStaticType) =>
        from attributes in TameAttributeLists
        from accessibility in MostlyTame(Gen.FrequencyConst((6, "public "), (2, "internal "), (2, "private "), (1, "protected internal ")), MethodAccessibility)
        from isStatic in inStaticType ? MostlyTame(Gen.Const(true), Gen.Bool) : Gen.Bool
        from extra in MostlyTame(Gen.FrequencyConst((12, ""), (1, "unsafe "), (1, "new ")), ExtraMethodModifiers)
        from signature in TameSignatures
        from name in MethodNames
        from body in MostlyTame(Gen.Const(";"), Bodies)
        select "    " + attributes + accessibility + (isStatic ? "static " : string.Empty) + extra + "partial "
            + signature.Replace("{0}", name, StringComparison.Ordinal) + body;

    private static readonly Gen<TypeShape> TameTargetTypes = MostlyTame(
        from accessibility in Gen.FrequencyConst((1, ""), (3, "public "), (1, "internal "))
        from modifiers in Gen.FrequencyConst((4, ""), (3, "static "), (1, "sealed "), (1, "unsafe "), (1, "abstract "))
        from keyword in Gen.FrequencyConst((6, "class"), (2, "struct"), (2, "record"), (2, "record struct"), (1, "readonly struct"), (1, "ref struct"))
        from name in Gen.FrequencyConst((8, "C"), (1, "A"), (1, "@class"), (1, "act"))
        from typeParameters in Gen.FrequencyConst((8, ""), (1, "<T>"), (1, "<T, U>"), (1, "<@int>"), (1, "<z>"), (1, "<y, dydz>"))
        select new TypeShape(accessibility, keyword is "class" ? modifiers : string.Empty, keyword, true, name, typeParameters, string.Empty),
        TargetTypes);

    private static readonly Gen<TypeShape> TameEnclosingTypes = MostlyTame(
        from keyword in Gen.FrequencyConst((4, "class"), (2, "struct"), (1, "record"), (1, "record struct"), (1, "static class"))
        from name in Gen.FrequencyConst((3, "O"), (2, "P"), (1, "@namespace"))
        from typeParameters in Gen.FrequencyConst((6, ""), (1, "<T>"), (1, "<V>"))
        select new TypeShape("public ", keyword == "static class" ? "static " : string.Empty, keyword == "static class" ? "class" : keyword, true, name, typeParameters, string.Empty),
        EnclosingTypes);

    private static readonly Gen<string> TameSurroundingMembers = MostlyTame(
        Gen.OneOfConst(
            "public static void Run() { }",
            "private const double S = 0.2;",
            "public static float F(int z) => z;",
            "public static float FDerivative(double z) => (float)z;",
            "public static class MathF { }",
            "public class Vector128<T> { }",
            "public static class Unsafe { }",
            "public static class Math { }",
            "public class ArgumentException { }",
            "public class Internal { }",
            "public class MemoryMarshal { }",
            "public class Vector { }",
            "public static int length;",
            "public static int i;",
            "public static float Kernel256(float z) => z;"),
        SurroundingMembers);

    /// <summary>Mostly valid declarations, so that code is generated and compiled.</summary>
    private static readonly Gen<FuzzCase> TameCases =
        from version in TameLanguageVersions
        from usings in MostlyTame(Gen.Const("using System;\nusing ActivationGen;\n"), Usings)
        from ns in Namespaces
        from enclosing in TameEnclosingTypes.Array[0, 2]
        from target in TameTargetTypes
        from methods in TameAnnotatedMethods(target.Modifiers.Contains("static", StringComparison.Ordinal)).Array[1, 3]
        from members in TameSurroundingMembers.Array[0, 2]
        from membersFirst in Gen.Bool
        select new FuzzCase(version, Render(string.Empty, usings, ns, string.Empty, enclosing, target, methods, members, membersFirst));

    private static readonly Gen<FuzzCase> Cases = Gen.Frequency((1, WildCases), (2, TameCases));

    private static string Render(string preamble, string usings, string ns, string baseType, TypeShape[] enclosing, TypeShape target, string[] methods, string[] members, bool membersFirst)
    {
        var source = new StringBuilder(preamble).Append(usings);
        bool block = ns.Length > 0 && !ns.EndsWith(';');
        if (ns.Length > 0)
        {
            source.Append(ns).Append(block ? "\n{\n" : "\n");
        }

        source.Append(baseType);
        foreach (TypeShape type in enclosing)
        {
            source.Append(type.Header()).Append("\n{\n");
        }

        source.Append(target.Header()).Append("\n{\n");
        IEnumerable<string> body = membersFirst
            ? members.Select(m => "    " + m).Concat(methods)
            : methods.Concat(members.Select(m => "    " + m));
        foreach (string line in body)
        {
            source.Append(line).Append('\n');
        }

        source.Append("}\n");
        source.Append(string.Concat(Enumerable.Repeat("}\n", enclosing.Length)));
        if (block)
        {
            source.Append("}\n");
        }

        return source.ToString();
    }

    // ---- The properties -------------------------------------------------------------------------------

    [Fact]
    public void DeclarationFuzz_random_declarations_never_break_the_generator()
        => Cases.Sample(Verify, iter: Iterations, print: c => c.ToString());

    private static void Verify(FuzzCase sample)
    {
        Compilation input = GeneratorHarness.CreateCompilation(sample.Source, parseOptions: new CSharpParseOptions(sample.LanguageVersion));
        GeneratorRunResult result = GeneratorHarness.RunGenerator(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        // 1. The generator does not throw.
        if (result.Exception is not null)
        {
            throw new InvalidOperationException("Generator threw.", result.Exception);
        }

        Diagnostic? crash = generatorDiagnostics.FirstOrDefault(d => d.Id is "CS8785" or "AD0001");
        if (crash is not null)
        {
            throw new InvalidOperationException("Generator failure: " + crash);
        }

        // 2. Generated code compiles whatever the user's code does. A kernel class depends only on its
        // configuration: its bodies are compiled the first time its text is seen, its declarations every time.
        var errorsInGeneratedCode = new List<Diagnostic>();
        foreach (SyntaxTree tree in output.SyntaxTrees.Where(t => !IsConsumer(t)))
        {
            SemanticModel model = output.GetSemanticModel(tree);
            bool knownKernel = tree.FilePath.Contains("ActivationGen.Kernels.", StringComparison.Ordinal)
                && !VerifiedKernels.TryAdd(tree.GetText().ToString(), true);
            errorsInGeneratedCode.AddRange((knownKernel ? tree.GetDiagnostics().Concat(model.GetDeclarationDiagnostics()) : model.GetDiagnostics())
                .Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        if (errorsInGeneratedCode.Count > 0)
        {
            throw new InvalidOperationException("Errors in generated code:\n" + string.Join("\n", errorsInGeneratedCode) + "\n\n" + GeneratorHarness.Dump(result));
        }

        // 2b. Valid in, valid out: when the user's only errors are the missing implementations and the
        // generator reports nothing, it wrote them all.
        if (generatorDiagnostics.IsEmpty
            && input.AddSyntaxTrees(output.SyntaxTrees.Where(t => t.FilePath.EndsWith("ActivationAttribute.g.cs", StringComparison.Ordinal) || t.FilePath.EndsWith("EmbeddedAttribute.cs", StringComparison.Ordinal)))
                .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).All(d => d.Id == "CS8795")
            && output.GetSemanticModel(input.SyntaxTrees.Single()).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList() is { Count: > 0 } remaining)
        {
            throw new InvalidOperationException("Valid declarations, no diagnostic, yet errors after generation:\n" + string.Join("\n", remaining) + "\n\n" + GeneratorHarness.Dump(result));
        }

        // 3. A method with an AG0xxx error gets no family.
        CheckNoFamilyForRejectedMethods(input, output, result);

        // 4. Determinism: a second run over the same compilation writes the same text.
        GeneratorRunResult again = GeneratorHarness.RunGenerator(input, out _, out ImmutableArray<Diagnostic> againDiagnostics);
        string first = Fingerprint(result, generatorDiagnostics), second = Fingerprint(again, againDiagnostics);
        if (first != second)
        {
            throw new InvalidOperationException("Not deterministic:\n" + first + "\n---- second run ----\n" + second);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> VerifiedKernels = new(StringComparer.Ordinal);

    private static bool IsConsumer(SyntaxTree tree) => tree.FilePath.EndsWith("Consumer.cs", StringComparison.Ordinal);

    private static string Fingerprint(GeneratorRunResult result, ImmutableArray<Diagnostic> diagnostics)
        => string.Join("\n", result.GeneratedSources.Select(s => "// ==== " + s.HintName + "\n" + s.SourceText))
            + "\n" + string.Join("\n", diagnostics.Select(d => d.ToString()));

    private static void CheckNoFamilyForRejectedMethods(Compilation input, Compilation output, GeneratorRunResult result)
    {
        SyntaxTree tree = input.SyntaxTrees.Single();
        SyntaxNode root = tree.GetRoot();
        var annotated = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.AttributeLists.Count > 0).ToList();
        var rejected = new Dictionary<MethodDeclarationSyntax, string>();
        foreach (Diagnostic diagnostic in result.Diagnostics.Where(d => d.Id.StartsWith("AG0", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error))
        {
            // Diagnostics travel through the pipeline as plain values: their location names the file, not the tree.
            if (diagnostic.Location.GetLineSpan().Path != tree.FilePath)
            {
                throw new InvalidOperationException("AG diagnostic outside the user's source: " + diagnostic);
            }

            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan);
            if (node.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault() is null
                && node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() is null)
            {
                // AG0006 on a local function among top-level statements (e.g. a record declaration that C# 8 parses
                // as statements): no method declaration, so no family that could have been generated for it.
                continue;
            }

            IEnumerable<MethodDeclarationSyntax> methods = node.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().Take(1).ToList() is { Count: 1 } one
                ? one
                : node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().First().DescendantNodes().OfType<MethodDeclarationSyntax>().Where(annotated.Contains);
            foreach (MethodDeclarationSyntax method in methods)
            {
                rejected[method] = diagnostic.ToString();
            }
        }

        if (rejected.Count == 0)
        {
            return;
        }

        SemanticModel inputModel = input.GetSemanticModel(tree);
        SemanticModel outputModel = output.GetSemanticModel(tree);
        var acceptedFiles = new HashSet<string>(annotated.Where(m => !rejected.ContainsKey(m)).SelectMany(m => FamilyFilePrefixes(inputModel, m)));
        foreach ((MethodDeclarationSyntax method, string diagnostic) in rejected)
        {
            // The generated implementation of the declared member would complete the partial method.
            if (outputModel.GetDeclaredSymbol(method) is IMethodSymbol symbol
                && symbol.PartialImplementationPart is { } implementation
                && implementation.Locations.Any(l => l.SourceTree is { } t && !IsConsumer(t)))
            {
                throw new InvalidOperationException("Generated an implementation of '" + method.Identifier.Text + "' despite " + diagnostic + "\n\n" + GeneratorHarness.Dump(result));
            }

            // And the family file is named after the method (unless a method without error has the same name).
            foreach (string prefix in FamilyFilePrefixes(inputModel, method).Where(p => !acceptedFiles.Contains(p)))
            {
                GeneratedSourceResult? file = result.GeneratedSources.Cast<GeneratedSourceResult?>().FirstOrDefault(s => s!.Value.HintName.StartsWith(prefix, StringComparison.Ordinal));
                if (file is not null)
                {
                    throw new InvalidOperationException("Generated " + file.Value.HintName + " for '" + method.Identifier.Text + "' despite " + diagnostic + "\n\n" + GeneratorHarness.Dump(result));
                }
            }
        }
    }

    /// <summary>"N.C.F.float." and/or "N.C.F.double.": the start of the hint name of the method's family file.</summary>
    private static IEnumerable<string> FamilyFilePrefixes(SemanticModel model, MethodDeclarationSyntax method)
    {
        if (model.GetDeclaredSymbol(method) is not IMethodSymbol symbol)
        {
            return [];
        }

        var parts = new List<string>();
        for (ISymbol? current = symbol.ContainingSymbol; current is not null and not INamespaceSymbol { IsGlobalNamespace: true }; current = current.ContainingSymbol)
        {
            parts.Add(SyntaxFacts.GetKeywordKind(current.Name) != SyntaxKind.None ? "@" + current.Name : current.Name);
        }

        parts.Reverse();
        parts.Add(symbol.Name);
        string readable = Regex.Replace(string.Join(".", parts), @"[^A-Za-z0-9._]", "_");

        SpecialType element = symbol.Parameters.Length switch
        {
            1 => symbol.Parameters[0].Type.SpecialType,
            2 when symbol.Parameters[0].Type is INamedTypeSymbol { IsGenericType: true, TypeArguments: [var t] } => t.SpecialType,
            _ => SpecialType.None,
        };
        return element switch
        {
            SpecialType.System_Single => [readable + ".float."],
            SpecialType.System_Double => [readable + ".double."],
            _ => [readable + ".float.", readable + ".double."],
        };
    }
}
