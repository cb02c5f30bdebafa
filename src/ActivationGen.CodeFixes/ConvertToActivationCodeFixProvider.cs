using System;
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
/// AG3001 and AG2003 → let ActivationGen generate it. A hand-written forward becomes an [Activation]
/// partial method with the same name, parameter and modifiers (its containing types made partial, a
/// "using ActivationGen;" added); hand-written derivatives that the generated family replaces with the
/// same meaning and signature are deleted, so every call site still compiles. A derivative next to an
/// existing generated activation gets a body that calls the generated member.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConvertToActivationCodeFixProvider)), Shared]
public sealed class ConvertToActivationCodeFixProvider : CodeFixProvider
{
    private const string Title = "Generate with ActivationGen";
    private const string Key = "ActivationGen.ConvertToActivation";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.ReplaceWithGeneratedActivation, RuleIdentifiers.ActivationOverflows);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => new SolutionFixAllProvider(Title, (s, d, _, ct) => ApplyAsync(s, d, ct));

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.ContainsKey(HandWrittenActivationAnalyzer.ActionProperty))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document.Project.Solution, ImmutableArray.Create(diagnostic), ct), Key),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> ApplyAsync(Solution solution, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (IGrouping<SyntaxTree?, Diagnostic> byTree in diagnostics.Where(d => d.Properties.ContainsKey(HandWrittenActivationAnalyzer.ActionProperty)).GroupBy(d => d.Location.SourceTree))
        {
            Document? document = byTree.Key is null ? null : solution.GetDocument(byTree.Key);
            if (document is null
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root
                || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            {
                continue;
            }

            SyntaxTrivia eol = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found
                ? found
                : SyntaxFactory.LineFeed;
            var converted = new Dictionary<MethodDeclarationSyntax, string>();
            var deleted = new HashSet<MethodDeclarationSyntax>();
            var delegated = new Dictionary<MethodDeclarationSyntax, string>();
            foreach (Diagnostic diagnostic in byTree)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan) is not MethodDeclarationSyntax declaration
                    || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } method)
                {
                    continue;
                }

                string attribute = diagnostic.Properties[HandWrittenActivationAnalyzer.AttributeProperty]!;
                if (diagnostic.Properties[HandWrittenActivationAnalyzer.ActionProperty] == "Delegate")
                {
                    delegated[declaration] = diagnostic.Properties[HandWrittenActivationAnalyzer.TargetProperty]!;
                    continue;
                }

                string name = diagnostic.Properties[HandWrittenActivationAnalyzer.ConvertProperty]!;
                if (Find(method.ContainingType, name, method.ReturnType, cancellationToken) is { } forward)
                {
                    converted[forward] = QualifyKind(model, forward.SpanStart, attribute);
                }

                if (diagnostic.Properties.TryGetValue(HandWrittenActivationAnalyzer.DeleteProperty, out string? names) && names is not null)
                {
                    foreach (string n in names.Split(','))
                    {
                        if (Find(method.ContainingType, n, method.ReturnType, cancellationToken) is { } sibling)
                        {
                            deleted.Add(sibling);
                        }
                    }
                }
            }

            var types = new HashSet<TypeDeclarationSyntax>(converted.Keys.SelectMany(m => m.Ancestors().OfType<TypeDeclarationSyntax>()).Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)));
            var nodes = converted.Keys.Cast<SyntaxNode>().Concat(deleted).Concat(delegated.Keys).Concat(types).ToList();
            CompilationUnitSyntax updated = root.TrackNodes(nodes);
            foreach (MethodDeclarationSyntax method in deleted.Where(d => !converted.ContainsKey(d)))
            {
                updated = updated.RemoveNode(updated.GetCurrentNode(method)!, SyntaxRemoveOptions.KeepDirectives)!;
            }

            foreach (KeyValuePair<MethodDeclarationSyntax, string> pair in delegated)
            {
                MethodDeclarationSyntax current = updated.GetCurrentNode(pair.Key)!;
                updated = updated.ReplaceNode(current, Delegate(current, pair.Value));
            }

            foreach (KeyValuePair<MethodDeclarationSyntax, string> pair in converted)
            {
                MethodDeclarationSyntax current = updated.GetCurrentNode(pair.Key)!;
                updated = updated.ReplaceNode(current, ToPartial(current, pair.Value, eol));
            }

            foreach (TypeDeclarationSyntax type in types)
            {
                TypeDeclarationSyntax current = updated.GetCurrentNode(type)!;
                updated = updated.ReplaceNode(current, WithPartial(current));
            }

            if (converted.Count > 0 && !updated.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == "ActivationGen"))
            {
                updated = updated.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("ActivationGen")).WithTrailingTrivia(eol));
            }

            solution = solution.WithDocumentSyntaxRoot(document.Id, updated);
        }

        return solution;
    }

    /// <summary>
    /// A token with no trivia. SyntaxFactory.Token(kind) carries elastic trivia, which the code action's clean-up
    /// reformats, and with it the indentation of whatever follows (the next member's first line moved to the
    /// formatter's column in a class indented otherwise).
    /// </summary>
    private static SyntaxToken Token(SyntaxKind kind) => SyntaxFactory.Token(SyntaxFactory.TriviaList(), kind, SyntaxFactory.TriviaList());

    /// <summary>
    /// 'partial' right before the type keyword. With no modifiers the keyword carries the line's indentation (and the
    /// blank line before it) as leading trivia; 'partial' takes that trivia over, so the result reads
    /// `    partial class ANN`, not `partial` on a line of its own.
    /// </summary>
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax type)
    {
        SyntaxToken partial = Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (type.Modifiers.Count > 0)
        {
            return type.AddModifiers(partial);
        }

        SyntaxToken keyword = type.Keyword;
        return type.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }

    /// <summary>
    /// "Kind.X, …" as written, or with "global::ActivationGen.Kind" where the simple name Kind means something else at
    /// the method (a property or field named Kind, a type Kind of the user's or of another using): there the
    /// attribute would not compile (CS0120, CS0117, CS0104). Unresolved is fine: the fix adds 'using ActivationGen;'.
    /// </summary>
    private static string QualifyKind(SemanticModel model, int position, string attributeArguments)
    {
        const string prefix = "Kind.";
        if (!attributeArguments.StartsWith(prefix, StringComparison.Ordinal))
        {
            return attributeArguments;
        }

        SymbolInfo info = model.GetSpeculativeSymbolInfo(position, SyntaxFactory.IdentifierName("Kind"), SpeculativeBindingOption.BindAsExpression);
        ISymbol? symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        bool ours = symbol is null
            || symbol is INamedTypeSymbol { Name: "Kind", ContainingNamespace: { Name: "ActivationGen", ContainingNamespace.IsGlobalNamespace: true } };
        return ours ? attributeArguments : "global::ActivationGen." + attributeArguments;
    }

    private static MethodDeclarationSyntax? Find(INamedTypeSymbol type, string name, ITypeSymbol element, CancellationToken cancellationToken)
        => type.GetMembers(name).OfType<IMethodSymbol>()
            .Where(m => m.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, element) && SymbolEqualityComparer.Default.Equals(m.ReturnType, element))
            .SelectMany(m => m.DeclaringSyntaxReferences)
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<MethodDeclarationSyntax>()
            .FirstOrDefault();

    /// <summary>[Activation(Kind.X)] accessibility static partial T Name(T z); — body removed, everything else kept.</summary>
    private static MethodDeclarationSyntax ToPartial(MethodDeclarationSyntax method, string attributeArguments, SyntaxTrivia eol)
    {
        SyntaxTriviaList leading = method.GetLeadingTrivia();
        SyntaxTriviaList indentation = SyntaxFactory.TriviaList(leading.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault());
        SyntaxTokenList modifiers = method.Modifiers;
        bool hasAccessibility = modifiers.Any(m => m.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword);
        if (!hasAccessibility)
        {
            // A partial method that returns a value needs explicit accessibility (C# 9). 'private' takes the place,
            // and the leading trivia, of the token that used to come first: `private static`, not `private \n static`.
            SyntaxToken accessibility = Token(SyntaxKind.PrivateKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            if (modifiers.Count > 0)
            {
                accessibility = accessibility.WithLeadingTrivia(modifiers[0].LeadingTrivia);
                modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia());
            }
            else
            {
                accessibility = accessibility.WithLeadingTrivia(method.ReturnType.GetLeadingTrivia());
                method = method.WithReturnType(method.ReturnType.WithLeadingTrivia());
            }

            modifiers = modifiers.Insert(0, accessibility);
        }

        modifiers = modifiers.Add(Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        AttributeListSyntax attribute = SyntaxFactory.ParseCompilationUnit("[Activation(" + attributeArguments + ")] class C { }")
            .Members.OfType<ClassDeclarationSyntax>().First().AttributeLists[0]
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(eol);

        MethodDeclarationSyntax partial = method
            .WithBody(null)
            .WithExpressionBody(null)
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(method.GetTrailingTrivia()))
            .WithParameterList(method.ParameterList.WithTrailingTrivia())
            .WithModifiers(modifiers)
            .WithLeadingTrivia(indentation);
        if (modifiers.Count > 0 && !hasAccessibility)
        {
            partial = partial.WithModifiers(partial.Modifiers.Replace(partial.Modifiers[0], partial.Modifiers[0].WithLeadingTrivia(indentation)));
        }

        return partial.WithAttributeLists(partial.AttributeLists.Insert(0, attribute));
    }

    /// <summary>The derivative keeps its signature and calls the generated member: => NDerivativeFromOutput(y);</summary>
    private static MethodDeclarationSyntax Delegate(MethodDeclarationSyntax method, string target)
    {
        string parameter = method.ParameterList.Parameters[0].Identifier.Text;
        ArrowExpressionClauseSyntax arrow = SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression(target + "(" + parameter + ")"))
            .WithArrowToken(Token(SyntaxKind.EqualsGreaterThanToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space));
        return method
            .WithBody(null)
            .WithParameterList(method.ParameterList.WithTrailingTrivia())
            .WithExpressionBody(arrow)
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(method.GetTrailingTrivia()));
    }
}
