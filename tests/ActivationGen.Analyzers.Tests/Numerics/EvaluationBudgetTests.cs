using System;
using System.Linq;
using ActivationGen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace ActivationGen.Analyzers.Tests.Numerics;

/// <summary>
/// The analyzers evaluate hand-written functions at sample points, following calls between siblings. One evaluation
/// runs at most 256 calls in all levels together, and gives up ("not sure": null) beyond: bodies that call a sibling
/// many times over several levels cost (calls per body)^levels otherwise — 128 calls over four levels kept the
/// analyzers busy for over a minute on a 3.6 KB file (found by fuzzing declarations).
/// </summary>
public class EvaluationBudgetTests
{
    private const string Source = """
        using System;

        public static class Fns
        {
            public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
            public static double Mean4(double x) => ({{SUM4}}) / 4;
            public static double Mean512(double x) => ({{SUM512}}) / 512;
            public static double MeanOfMeans(double x) => ({{SUM64}}) / 64;
            public static double Nested(double x) => (Mean4(x) + Mean4(x)) / 2;
        }
        """;

    [Fact]
    public void An_evaluation_within_256_calls_gives_the_value_and_one_beyond_gives_up()
    {
        TypeActivationScan scan = Scan(out Func<string, IMethodSymbol> method);

        // σ(0.5) from the formula; the means add equal terms (exact) and divide by a power of two (exact).
        double sigmoid = 1 / (1 + Math.Exp(-0.5));
        Assert.Equal(sigmoid, scan.FunctionOf(method("Sigmoid"))!(0.5));
        Assert.Equal(sigmoid, scan.FunctionOf(method("Mean4"))!(0.5));    // 4 calls
        Assert.Equal(sigmoid, scan.FunctionOf(method("Nested"))!(0.5));   // 2 + 2·4 = 10 calls over two levels
        Assert.Null(scan.FunctionOf(method("Mean512"))!(0.5));            // 512 calls in one body
        Assert.Null(scan.FunctionOf(method("MeanOfMeans"))!(0.5));        // 64 + 64·4 = 320 calls over two levels

        // The budget is per evaluation: the next one starts afresh.
        Assert.Equal(sigmoid, scan.FunctionOf(method("Mean4"))!(0.5));
    }

    private static TypeActivationScan Scan(out Func<string, IMethodSymbol> method)
    {
        string source = Source.Replace("{{SUM4}}", BalancedSum("Sigmoid(x)", 4))
            .Replace("{{SUM512}}", BalancedSum("Sigmoid(x)", 512))
            .Replace("{{SUM64}}", BalancedSum("Mean4(x)", 64));
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Budget", [tree], Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        SemanticModel model = compilation.GetSemanticModel(tree);
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("Fns")!;
        var scan = new TypeActivationScan(new ActivationCatalog(compilation, default), type);
        foreach (MethodDeclarationSyntax declaration in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            var body = (IMethodBodyOperation)model.GetOperation(declaration)!;
            scan.AddBody(model.GetDeclaredSymbol(declaration)!, [body.BlockBody ?? body.ExpressionBody!]);
        }

        method = name => type.GetMembers(name).OfType<IMethodSymbol>().Single();
        return scan;
    }

    /// <summary>term + term + … (count a power of two) as a balanced tree of additions, so the expression stays
    /// shallow (log2 count levels) and only the call budget limits it.</summary>
    private static string BalancedSum(string term, int count)
        => count == 1 ? term : "(" + BalancedSum(term, count / 2) + " + " + BalancedSum(term, count / 2) + ")";
}
