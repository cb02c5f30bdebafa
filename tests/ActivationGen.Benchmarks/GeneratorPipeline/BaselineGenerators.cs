using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.Benchmarks.GeneratorPipeline;

/// <summary>
/// Anchors for <see cref="GeneratorRunBenchmarks"/>: generators that use the same
/// <c>ForAttributeWithMetadataName</c> call as ActivationGen but do (almost) nothing, so the share of an edit's
/// rerun that belongs to Roslyn (finding the attributed methods, binding their attributes in a compilation that
/// is new after every edit) can be told apart from ActivationGen's own transform.
/// </summary>
internal static class BaselineGenerators
{
    /// <summary>The one output of an anchor: a comment with the number of methods it found.</summary>
    public const string CountHintName = "Anchor.Count.g.cs";

    /// <summary>Throws unless the anchor's last run found every annotated method of the synthetic project.</summary>
    public static void CheckFoundAll(GeneratorDriver driver)
    {
        string text = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == CountHintName).SourceText.ToString();
        string expected = "// " + SyntheticProject.AnnotatedMethods.ToString(CultureInfo.InvariantCulture);
        if (text != expected)
        {
            throw new System.InvalidOperationException("An anchor generator found '" + text + "', expected '" + expected + "'.");
        }
    }

    /// <summary>The transform returns the method's name: what any attribute-driven generator pays at least.</summary>
    public sealed class NameOnly : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
            => context.RegisterSourceOutput(
                context.SyntaxProvider.ForAttributeWithMetadataName(
                    "ActivationGen.ActivationAttribute",
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, _) => ctx.TargetSymbol.Name).Collect(),
                static (spc, all) => spc.AddSource(CountHintName, "// " + all.Length.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The transform also reads what any generator of activation code needs: the parameter and return types
    /// (which makes Roslyn bind the signature) and the attribute's arguments.
    /// </summary>
    public sealed class Signature : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
            => context.RegisterSourceOutput(
                context.SyntaxProvider.ForAttributeWithMetadataName(
                    "ActivationGen.ActivationAttribute",
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, _) =>
                    {
                        var method = (IMethodSymbol)ctx.TargetSymbol;
                        AttributeData attribute = ctx.Attributes[0];
                        return method.Name + ":" + method.ReturnType.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.Name)) + ")"
                            + attribute.ConstructorArguments.Length + attribute.NamedArguments.Length + (method.PartialImplementationPart is null);
                    }).Collect(),
                static (spc, all) => spc.AddSource(CountHintName, "// " + all.Length.ToString(CultureInfo.InvariantCulture)));
    }
}
