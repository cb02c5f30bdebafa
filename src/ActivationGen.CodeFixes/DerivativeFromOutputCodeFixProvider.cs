using System.Collections.Immutable;
using System.Composition;
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

/// <summary>AG2001 → call the family member that takes what is passed (NDerivative ↔ NDerivativeFromOutput, NBackward ↔ NBackwardFromOutput).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DerivativeFromOutputCodeFixProvider)), Shared]
public sealed class DerivativeFromOutputCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.DerivativeFedWrongValue);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DerivativeMisuseAnalyzer.ReplacementProperty, out string? replacement) || replacement is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                || node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Call '" + replacement + "'", ct => Rename(context.Document, invocation, replacement, ct), "ActivationGen.UseFamilyMember"),
                diagnostic);
        }
    }

    private static async Task<Document> Rename(Document document, InvocationExpressionSyntax invocation, string name, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        SimpleNameSyntax? old = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        return old is null ? document : document.WithSyntaxRoot(root.ReplaceNode(old, SyntaxFactory.IdentifierName(name).WithTriviaFrom(old)));
    }
}
