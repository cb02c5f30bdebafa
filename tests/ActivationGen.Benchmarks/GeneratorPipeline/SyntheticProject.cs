using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ActivationGen.Benchmarks.GeneratorPipeline;

/// <summary>
/// A synthetic user project for the generator benchmarks: <see cref="AnnotatedFiles"/> files of
/// <see cref="MethodsPerFile"/> [Activation] methods each (1,000 in all), mixing the four kinds, float and double,
/// scalar and span shapes, static and instance methods, top-level and nested types, several namespaces and
/// accessibilities and LeakyRelu slopes; plus <see cref="UnrelatedFiles"/> ordinary files without the attribute,
/// one of which is the file "edited" in the incremental benchmark.
/// </summary>
internal static class SyntheticProject
{
    public const int AnnotatedFiles = 50;
    public const int MethodsPerFile = 20;
    public const int UnrelatedFiles = 10;
    public const int AnnotatedMethods = AnnotatedFiles * MethodsPerFile;

    /// <summary>The file edited by the incremental benchmark.</summary>
    public const string EditedPath = "Services/Service03.cs";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        nullableContextOptions: NullableContextOptions.Enable);

    private static readonly string[] Kinds = ["Sigmoid", "Tanh", "Relu", "LeakyRelu"];
    private static readonly string[] Slopes = ["", ", Slope = 0.01", ", Slope = 0.1", ", Slope = 0.2"];

    /// <summary>All source files of the project: (path, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> Sources(int annotatedFiles = AnnotatedFiles)
    {
        var sources = new List<(string, string)>();
        for (int file = 0; file < annotatedFiles; file++)
        {
            sources.Add((Invariant($"Layers/Layer{file:D2}.cs"), AnnotatedFile(file)));
        }

        for (int file = 0; file < UnrelatedFiles; file++)
        {
            sources.Add((Invariant($"Services/Service{file:D2}.cs"), UnrelatedFile(file, edit: 0)));
        }

        return sources;
    }

    public static SyntaxTree[] Parse(IEnumerable<(string Path, string Text)> sources)
        => sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), ParseOptions, s.Path)).ToArray();

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees)
        => CSharpCompilation.Create("Synthetic", trees, Basic.Reference.Assemblies.Net100.References.All, CompilationOptions);

    /// <summary>
    /// The compilation after a keystroke-sized edit of <see cref="EditedPath"/> (a constant in a method body changes),
    /// re-parsed incrementally from the old tree the way the IDE does it.
    /// </summary>
    public static Compilation WithEdit(Compilation compilation, int edit)
    {
        SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == EditedPath);
        SourceText text = SourceText.From(UnrelatedFile(3, edit), Encoding.UTF8);
        return compilation.ReplaceSyntaxTree(old, old.WithChangedText(text));
    }

    private static string AnnotatedFile(int file)
    {
        var text = new StringBuilder();
        text.Append(Invariant($$"""
            using System;
            using ActivationGen;

            namespace Synthetic.Model{{file % 5}};

            public static partial class Layer{{file:D2}}Activations
            {

            """));
        for (int method = 0; method < MethodsPerFile / 2; method++)
        {
            text.Append(Method(file, method, "public static", "    "));
        }

        text.Append(Invariant($$"""
            }

            public partial class Layer{{file:D2}}
            {
                private readonly float[] weights = new float[16];

                public float Weight(int i) => weights[i];

            """));
        for (int method = MethodsPerFile / 2; method < (3 * MethodsPerFile) / 4; method++)
        {
            text.Append(Method(file, method, method % 2 == 0 ? "public" : "internal", "    "));
        }

        text.Append("""
                internal partial struct Cell
                {

            """);
        for (int method = (3 * MethodsPerFile) / 4; method < MethodsPerFile; method++)
        {
            text.Append(Method(file, method, method % 2 == 0 ? "public static" : "private static", "        "));
        }

        text.Append("""
                }
            }

            """);
        return text.ToString();
    }

    private static string Method(int file, int method, string modifiers, string indent)
    {
        int kind = (file + method) % Kinds.Length;
        string name = Invariant($"{Kinds[kind]}{file:D2}x{method:D2}");
        string parameters = kind == 3 ? Slopes[(file + (method / 4)) % Slopes.Length] : string.Empty;
        string type = method % 2 == 0 ? "float" : "double";
        string signature = (method / 2) % 2 == 0
            ? Invariant($"{type} {name}({type} z)")
            : Invariant($"void {name}(ReadOnlySpan<{type}> z, Span<{type}> y)");
        return Invariant($"""
            {indent}[Activation(Kind.{Kinds[kind]}{parameters})]
            {indent}{modifiers} partial {signature};


            """);
    }

    private static string UnrelatedFile(int file, int edit) => Invariant($$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Synthetic.Services;

        /// <summary>Ordinary code the generator has no business with.</summary>
        public sealed class Service{{file:D2}}
        {
            private readonly Dictionary<string, double> totals = new();

            public void Add(string key, double value)
            {
                totals[key] = totals.TryGetValue(key, out double total) ? total + value : value;
            }

            public double Total() => totals.Values.Sum() + {{edit}};

            public IEnumerable<string> Keys(double threshold)
                => totals.Where(pair => pair.Value > threshold).Select(pair => pair.Key).OrderBy(key => key, StringComparer.Ordinal);

            public static double Mean(ReadOnlySpan<double> values)
            {
                double sum = 0;
                foreach (double value in values)
                {
                    sum += value;
                }

                return values.IsEmpty ? 0 : sum / values.Length;
            }
        }

        """);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
