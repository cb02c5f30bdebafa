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
using Microsoft.CodeAnalysis.Simplification;

namespace ActivationGen.CodeFixes;

/// <summary>
/// AG1001 → a zero-centred He (Kaiming) uniform initialiser, (rng.NextDouble() * 2.0 − 1.0) · √(6 / fanIn),
/// whose variance is 2 / fanIn. Offered where a fan-in is in scope under a name that says so (fanIn,
/// inputs, inputSize, nIn…) and the original draws from a System.Random it can reuse.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HeInitializationCodeFixProvider)), Shared]
public sealed class HeInitializationCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.OneSidedWeightInitialization);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                || Replacement(model, value, context.CancellationToken) is not { } replacement)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Initialise zero-centred with He scale",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(value, replacement.WithTriviaFrom(value)))),
                    "ActivationGen.HeInitialization"),
                diagnostic);
        }
    }

    private static ExpressionSyntax? Replacement(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? random = model.Compilation.GetTypeByMetadataName("System.Random");
        ExpressionSyntax? receiver = value.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .Where(i => model.GetSymbolInfo(i, cancellationToken).Symbol is IMethodSymbol { IsStatic: false } m && IsRandom(m.ContainingType, random))
            .Select(i => (i.Expression as MemberAccessExpressionSyntax)?.Expression)
            .FirstOrDefault(e => e is not null);
        if (receiver is null)
        {
            return null;
        }

        string? fanIn = FanIn(model, value, cancellationToken);
        if (fanIn is null)
        {
            return null;
        }

        ITypeSymbol? target = model.GetTypeInfo(value, cancellationToken).ConvertedType;
        // Math where System is imported (as it is wherever Random is used by its short name), else qualified.
        bool mathInScope = model.LookupNamespacesAndTypes(value.SpanStart, name: "Math")
            .Any(t => t is INamedTypeSymbol { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } });
        string math = mathInScope ? "Math" : "global::System.Math";
        string text = "(" + receiver.WithoutTrivia() + ".NextDouble() * 2.0 - 1.0) * " + math + ".Sqrt(6.0 / " + fanIn + ")";
        if (target?.SpecialType == SpecialType.System_Single)
        {
            text = "(float)(" + text + ")";
        }

        return SyntaxFactory.ParseExpression(text).WithAdditionalAnnotations(Simplifier.Annotation);
    }

    /// <summary>
    /// The fan-in of the layer being initialised, only where it is unambiguous: the bound of an enclosing loop
    /// named as a fan-in (for (j = 0; j &lt; nIn; j++) w[k, j] = …); else a variable called fanIn in scope; else the
    /// one fan-in-named number in scope, provided no enclosing loop runs to some other bound (a second layer
    /// written inside for (j &lt; nHidden) must not be scaled by the first layer's nIn). Null means no fix.
    /// </summary>
    private static string? FanIn(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        List<ExpressionSyntax> boundExpressions = value.Ancestors().OfType<ForStatementSyntax>()
            .Select(f => f.Condition as BinaryExpressionSyntax)
            .Where(c => c is not null && (c.IsKind(SyntaxKind.LessThanExpression) || c.IsKind(SyntaxKind.LessThanOrEqualExpression)))
            .Select(c => c!.Right)
            .ToList();
        List<ISymbol?> bounds = boundExpressions.Select(e => model.GetSymbolInfo(e, cancellationToken).Symbol).ToList();
        for (int i = 0; i < bounds.Count; i++)
        {
            // The bound as written (layer.InputSize), not its symbol's bare name, which need not be in scope here.
            if (bounds[i] is { } b && NetworkNames.IsFanIn(b.Name) && IsNumber(b))
            {
                return boundExpressions[i].WithoutTrivia().ToString();
            }
        }

        // Instance members only where there is an instance (not in a static method or a field initialiser: CS0120,
        // CS0236); a local or parameter, the layer's own fan-in, before any member.
        bool instance = HasInstance(model.GetEnclosingSymbol(value.SpanStart, cancellationToken));
        List<ISymbol> candidates = model.LookupSymbols(value.SpanStart)
            .Where(s => s is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol && NetworkNames.IsFanIn(s.Name) && IsNumber(s)
                && (instance || s.IsStatic || s is ILocalSymbol or IParameterSymbol))
            .ToList();
        if (candidates.Any(c => c is ILocalSymbol or IParameterSymbol))
        {
            candidates = candidates.Where(c => c is ILocalSymbol or IParameterSymbol).ToList();
        }

        List<ISymbol> named = candidates.Where(s => s.Name.IndexOf("fan", StringComparison.OrdinalIgnoreCase) >= 0).ToList();
        if (named.Count == 1)
        {
            return named[0].Name;
        }

        // A bound such as nHidden competes with the candidate (is the fan-in nIn or nHidden?); the length of the
        // array being filled (weights.Length, row.Count) does not: it is the weights' size, not a layer width.
        bool otherLoopBound = bounds.Any(b => b is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol && IsNumber(b)
            && b.Name is not ("Length" or "Count" or "LongLength"));
        return candidates.Count == 1 && !otherLoopBound ? candidates[0].Name : null;
    }

    /// <summary>Whether code at a position runs with 'this': inside an instance method, accessor or constructor
    /// (through lambdas and local functions), not in a static member or a field initialiser.</summary>
    private static bool HasInstance(ISymbol? symbol)
    {
        for (; symbol is not null; symbol = symbol.ContainingSymbol)
        {
            switch (symbol)
            {
                case IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } local when !local.IsStatic:
                    continue;
                case IMethodSymbol method:
                    return !method.IsStatic;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsRandom(ITypeSymbol? type, INamedTypeSymbol? random)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, random))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumber(ISymbol symbol)
        => (symbol switch { ILocalSymbol l => l.Type, IParameterSymbol p => p.Type, IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, _ => null })?.SpecialType
            is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Single;
}
