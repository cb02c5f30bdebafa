using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ActivationGen.Generator.Analyzers;
using ActivationGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.CodeFixes;

/// <summary>
/// AG1001, AG1003, AG1005 → use leaky ReLU: rewrites the generated ReLU's [Activation(Kind.Relu)] to
/// Kind.LeakyRelu (the generated family keeps its member names, so every call site still compiles), or
/// switches an activation enum argument to its leaky member.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LeakyReluCodeFixProvider)), Shared]
public sealed class LeakyReluCodeFixProvider : CodeFixProvider
{
    private const string Title = "Use leaky ReLU";
    private const string Key = "ActivationGen.UseLeakyRelu";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.OneSidedWeightInitialization, RuleIdentifiers.NegativeBiasBeforeRelu, RuleIdentifiers.NarrowDeepReluStack);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => new SolutionFixAllProvider(Title, (s, d, _, ct) => ApplyAsync(s, d, ct));

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (IsFixable(diagnostic))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document.Project.Solution, ImmutableArray.Create(diagnostic), ct), Key),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsFixable(Diagnostic d)
        => d.AdditionalLocations.Count > 0
            && (d.Properties.ContainsKey(InitializationRules.LeakyReluAttributeProperty) || d.Properties.ContainsKey(NetworkLayouts.ReplacementMembersProperty));

    private static async Task<Solution> ApplyAsync(Solution solution, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        // Target node → new member name; several diagnostics usually point at the same attribute.
        var edits = new Dictionary<(SyntaxTree Tree, Microsoft.CodeAnalysis.Text.TextSpan Span), string>();
        foreach (Diagnostic diagnostic in diagnostics.Where(IsFixable))
        {
            Location target = diagnostic.AdditionalLocations[0];
            string member = diagnostic.Properties.TryGetValue(NetworkLayouts.ReplacementMembersProperty, out string? m) && m is not null ? m.Split(',')[0] : "LeakyRelu";
            edits[(target.SourceTree!, target.SourceSpan)] = member;
        }

        foreach (IGrouping<SyntaxTree, KeyValuePair<(SyntaxTree Tree, Microsoft.CodeAnalysis.Text.TextSpan Span), string>> byTree in edits.GroupBy(e => e.Key.Tree))
        {
            Document? document = solution.GetDocument(byTree.Key);
            if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var edit in byTree)
            {
                SyntaxNode node = root.FindNode(edit.Key.Span, getInnermostNodeForTie: true);
                ExpressionSyntax? kind = node switch
                {
                    AttributeSyntax attribute => attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null)?.Expression,
                    _ => node.AncestorsAndSelf().OfType<MemberAccessExpressionSyntax>().FirstOrDefault(),
                };

                // In [Activation(…)], only Kind.Relu itself is renamed in place: a constant of the user's (K.Relu, whose
                // class has no LeakyRelu: CS0117) or a bare Relu under 'using static' becomes ActivationGen's member in full.
                if (node is AttributeSyntax && kind is not null && !NamesOurKind(kind, model, cancellationToken))
                {
                    replacements[kind] = SyntaxFactory.ParseExpression("global::ActivationGen.Kind." + edit.Value).WithTriviaFrom(kind);
                }
                else if (kind is MemberAccessExpressionSyntax access)
                {
                    replacements[access.Name] = SyntaxFactory.IdentifierName(edit.Value).WithTriviaFrom(access.Name);
                }
            }

            root = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            solution = solution.WithDocumentSyntaxRoot(document.Id, root);
        }

        return solution;
    }

    /// <summary>
    /// Whether the attribute's Kind argument is a member of ActivationGen.Kind written on the type itself (Kind.Relu,
    /// ActivationGen.Kind.Relu): the type binds to ActivationGen.Kind, or, where the generated attribute source is not
    /// part of the document's compilation, it is spelled Kind and binds to nothing else.
    /// </summary>
    private static bool NamesOurKind(ExpressionSyntax kind, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (kind is not MemberAccessExpressionSyntax access)
        {
            return false;
        }

        ISymbol? symbol = model?.GetSymbolInfo(access.Expression, cancellationToken).Symbol;
        if (symbol is INamedTypeSymbol { Name: "Kind", ContainingNamespace: { Name: "ActivationGen", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return true;
        }

        return symbol is null && access.Expression is IdentifierNameSyntax { Identifier.ValueText: "Kind" };
    }
}
