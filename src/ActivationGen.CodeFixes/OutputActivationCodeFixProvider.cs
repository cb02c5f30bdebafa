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
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace ActivationGen.CodeFixes;

/// <summary>
/// AG1004 → an identity (linear) output: the ReLU applied to the output is replaced by its argument, a
/// trailing ReLU layer is removed, or an activation enum argument switches to its identity member; where
/// the enum has a sigmoid member, a second action switches to it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OutputActivationCodeFixProvider)), Shared]
public sealed class OutputActivationCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ReluOnOutputLayer);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node
                || !diagnostic.Properties.TryGetValue(NetworkLayouts.OutputFixProperty, out string? how))
            {
                continue;
            }

            switch (how)
            {
                // A span-form call (Act.Relu(x, o);) writes its output through an argument: unwrapping it would leave
                // the statement `x;` (CS0201). Only a ReLU whose value is used is unwrapped.
                case "Unwrap" when node.Parent is not ExpressionStatementSyntax:
                    context.RegisterCodeFix(CodeAction.Create("Use a linear output", ct => UnwrapAsync(context.Document, node, ct), "ActivationGen.LinearOutput"), diagnostic);
                    break;
                case "Remove":
                    context.RegisterCodeFix(CodeAction.Create("Remove the output ReLU layer", ct => RemoveAsync(context.Document, node, ct), "ActivationGen.LinearOutput"), diagnostic);
                    break;
                case "Member" when node is MemberAccessExpressionSyntax access
                    && diagnostic.Properties.TryGetValue(NetworkLayouts.ReplacementMembersProperty, out string? members) && members is not null:
                    foreach (string member in members.Split(','))
                    {
                        string key = NetworkNames.IsSigmoid(member) ? "ActivationGen.SigmoidOutput" : "ActivationGen.LinearOutput";
                        context.RegisterCodeFix(
                            CodeAction.Create("Use '" + member + "' on the output layer", ct => SwitchAsync(context.Document, access, member, ct), key),
                            diagnostic);
                    }

                    break;
            }
        }
    }

    private static async Task<Document> UnwrapAsync(Document document, ExpressionSyntax node, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        IOperation? operation = model.GetOperation(node, cancellationToken);
        IOperation? input = operation switch
        {
            IInvocationOperation invocation => invocation.Arguments.Select(a => a.Value).FirstOrDefault(v => !v.ConstantValue.HasValue || invocation.Arguments.Length == 1),
            IConditionalOperation conditional => !conditional.WhenTrue.ConstantValue.HasValue ? conditional.WhenTrue : conditional.WhenFalse,
            _ => null,
        };
        if (input?.Syntax is not ExpressionSyntax replacement)
        {
            return document;
        }

        ExpressionSyntax value = SyntaxFactory.ParenthesizedExpression(replacement.WithoutTrivia()).WithTriviaFrom(node).WithAdditionalAnnotations(Simplifier.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(node, value));
    }

    private static async Task<Document> RemoveAsync(Document document, ExpressionSyntax node, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        SyntaxNode? removed = node.Parent switch
        {
            ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement } } => statement,
            InitializerExpressionSyntax => node,
            ExpressionElementSyntax element => element,
            _ => null,
        };
        return removed is null ? document : document.WithSyntaxRoot(root.RemoveNode(removed, SyntaxRemoveOptions.KeepDirectives)!);
    }

    private static async Task<Document> SwitchAsync(Document document, MemberAccessExpressionSyntax access, string member, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        return document.WithSyntaxRoot(root.ReplaceNode(access.Name, SyntaxFactory.IdentifierName(member).WithTriviaFrom(access.Name)));
    }
}
