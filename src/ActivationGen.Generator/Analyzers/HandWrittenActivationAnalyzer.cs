using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ActivationGen.Generator.Diagnostics;
using ActivationGen.Generator.Kinds;
using ActivationGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ActivationGen.Generator.Analyzers;

/// <summary>
/// Hand-written activation methods (one float/double in, one out), recognised by evaluating them at
/// sample points: AG2003 when one returns NaN or ∞ where the function is finite, or 0 where it is not (an
/// exponential that overflows), AG2002 when a leaky ReLU or ELU and its derivative disagree on their constant, AG3001 when
/// the generator can replace it. Per type: bodies are collected by operation-block actions and judged at
/// symbol end, so a derivative that calls its sibling forward is evaluated through it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandWrittenActivationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: "Convert" (make the method an [Activation] partial) or "Delegate" (call the generated member).</summary>
    public const string ActionProperty = "Action";

    /// <summary>Diagnostic property: the attribute's arguments, e.g. "Kind.LeakyRelu, Slope = 0.1".</summary>
    public const string AttributeProperty = "Attribute";

    /// <summary>Diagnostic property for "Convert": the method (of the diagnostic's type) that becomes the [Activation] partial.</summary>
    public const string ConvertProperty = "Convert";

    /// <summary>Diagnostic property for "Convert": comma-separated hand-written siblings the generated family replaces.</summary>
    public const string DeleteProperty = "Delete";

    /// <summary>Diagnostic property for "Delegate": the generated member to call.</summary>
    public const string TargetProperty = "Target";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        AnalyzerDescriptors.LeakySlopeMismatch,
        AnalyzerDescriptors.ActivationOverflows,
        AnalyzerDescriptors.ReplaceWithGeneratedActivation);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var catalog = new ActivationCatalog(start.Compilation, start.CancellationToken);
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    // Only types that declare a function of one real can hold a hand-written activation.
                    if (symbolStart.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type
                        || !type.GetMembers().Any(m => m is IMethodSymbol method && TypeActivationScan.IsRealFunction(method)))
                    {
                        return;
                    }

                    var scan = new TypeActivationScan(catalog, type);
                    symbolStart.RegisterOperationBlockAction(block => scan.AddBody(block.OwningSymbol, block.OperationBlocks));
                    symbolStart.RegisterSymbolEndAction(end => Judge(end, scan));
                },
                SymbolKind.NamedType);
        });
    }

    private static void Judge(SymbolAnalysisContext context, TypeActivationScan scan)
    {
        var recognised = new List<(IMethodSymbol Method, IOperation Body, ActivationForm Form)>();
        var wrappers = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (KeyValuePair<IMethodSymbol, IOperation> pair in scan.RealFunctions)
        {
            if (scan.FormOf(pair.Key) is { } form)
            {
                recognised.Add((pair.Key, pair.Value, form));

                // A wrapper (Apply(z) => Leaky(z), TanhGrad(y) => TanhDerivativeFromOutput(y)) is judged where
                // the work is done, not again at every caller.
                if (pair.Value.Descendants().Any(d => d is IInvocationOperation call
                    && !MathLibrary.IsMathMethod(call.TargetMethod)
                    && call.TargetMethod.ContainingType?.ContainingNamespace is not { Name: "System", ContainingNamespace.IsGlobalNamespace: true }))
                {
                    wrappers.Add(pair.Key);
                }
            }
        }

        recognised.Sort((a, b) => a.Method.Locations[0].SourceSpan.Start.CompareTo(b.Method.Locations[0].SourceSpan.Start));
        foreach ((IMethodSymbol method, IOperation body, ActivationForm form) in recognised)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (wrappers.Contains(method))
            {
                continue;
            }

            ImmutableDictionary<string, string?>? fix = FixFor(scan, method, form, recognised);
            if (Overflow(scan, method, body, form) is { } overflow)
            {
                context.ReportDiagnostic(Create(AnalyzerDescriptors.ActivationOverflows, method, fix, method.Name, overflow.Value, overflow.Z, overflow.Precision, Remedy(form, IsSingle(method))));
            }
            else if (form.GeneratorKind is not null && fix is not null && (form.Role == FormRole.Forward || fix[ActionProperty] == "Delegate"))
            {
                context.ReportDiagnostic(Create(AnalyzerDescriptors.ReplaceWithGeneratedActivation, method, fix, method.Name, form.DescriptionFor(IsSingle(method)), form.AttributeArgumentsFor(IsSingle(method))));
            }
        }

        ReportConstantMismatches(context, recognised);
    }

    private static bool IsSingle(IMethodSymbol method) => method.ReturnType.SpecialType == SpecialType.System_Single;

    /// <summary>
    /// AG2003's way out: the attribute for a forward; for a derivative, the generated derivative member of that
    /// attribute's family (a derivative declared [Activation(Kind.Tanh)] would become tanh itself).
    /// </summary>
    private static string Remedy(ActivationForm form, bool single)
    {
        string attribute = "[Activation(" + form.AttributeArgumentsFor(single) + ")]";
        return form.Role switch
        {
            FormRole.DerivativeFromInput => "declare the forward as " + attribute + " and call its generated …Derivative member",
            FormRole.DerivativeFromOutput => "declare the forward as " + attribute + " and call its generated …DerivativeFromOutput member",
            _ => attribute,
        };
    }

    private static Diagnostic Create(DiagnosticDescriptor descriptor, IMethodSymbol method, ImmutableDictionary<string, string?>? fix, params object[] args)
        => Diagnostic.Create(descriptor, method.Locations[0], fix ?? ImmutableDictionary<string, string?>.Empty, args);

    /// <summary>
    /// NaN or ∞ at a far-out input where the recognised function is finite, or 0 where its value is representable,
    /// and an exponential (Exp, Pow, Sinh, Cosh) overflowed on the way: the message names that cause, so a 0 from a
    /// deliberate cut-off (<c>if (z &lt; −45) return 0;</c>) or from 1 − tanh² cancelling is not reported here.
    /// </summary>
    private static (string Value, string Z, string Precision)? Overflow(TypeActivationScan scan, IMethodSymbol method, IOperation body, ActivationForm form)
    {
        if (!body.Descendants().Any(d => d is IInvocationOperation { TargetMethod.Name: "Exp" or "Pow" or "Cosh" or "Sinh" }))
        {
            return null;
        }

        Func<double, double?>? function = scan.FunctionOf(method);
        if (function is null)
        {
            return null;
        }

        // The value is returned in the method's type; the message names the type the exponential overflowed in
        // (a double method with a 1.0f literal in it still computes e^x in double).
        bool single = IsSingle(method);
        foreach (double z in ActivationForms.OverflowPoints)
        {
            double reference = ActivationForms.Reference(form, z);
            int overflowsBefore = PointEvaluator.Overflows;
            if (function(z) is not double value || PointEvaluator.Overflows == overflowsBefore || double.IsNaN(reference) || double.IsInfinity(reference))
            {
                continue;
            }

            string precision = PointEvaluator.LastOverflowSingle ? "in float e^x overflows beyond 88.7" : "in double e^x overflows beyond 709.8";

            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return (double.IsNaN(value) ? "NaN" : value > 0 ? "+∞" : "−∞", z.ToString(CultureInfo.InvariantCulture), precision);
            }

            // 1/(1 + e^(−z)) in float: e^100 overflows and the result collapses to 0 although σ(−100) = 3.8e−44 is
            // representable; the tail of the function (and of anything computed from it) is lost.
            double representable = single ? (float)reference : reference;
            if (value == 0 && representable != 0)
            {
                return ("0 instead of " + representable.ToString("G2", CultureInfo.InvariantCulture), z.ToString(CultureInfo.InvariantCulture), precision);
            }
        }

        return null;
    }

    /// <summary>
    /// How the method can be replaced: a forward becomes an [Activation] partial (deleting hand-written
    /// siblings that the generated family replaces with the same meaning); a derivative whose generated
    /// forward already exists in the type delegates to the generated member. Null where neither is clean.
    /// </summary>
    private static ImmutableDictionary<string, string?>? FixFor(TypeActivationScan scan, IMethodSymbol method, ActivationForm form, List<(IMethodSymbol Method, IOperation Body, ActivationForm Form)> recognised)
    {
        if (form.GeneratorKind is not { } kind || !CanBePartial(method))
        {
            return null;
        }

        if (form.Role != FormRole.Forward)
        {
            GeneratedActivation? generated = scan.Catalog.GeneratedIn(scan.Type)
                .FirstOrDefault(g => g.Form.Family == form.Family && g.Form.Parameter == form.Parameter && g.Method.ReturnType.SpecialType == method.ReturnType.SpecialType);
            if (generated is null)
            {
                // A derivative whose forward is hand-written here is handled with that forward's conversion.
                return ConvertingSibling(scan, method, form, recognised);
            }

            // A static derivative cannot call an instance member (CS0120).
            if (method.IsStatic && !generated.Method.IsStatic)
            {
                return null;
            }

            string suffix = form.Role == FormRole.DerivativeFromOutput ? "DerivativeFromOutput" : "Derivative";
            return ImmutableDictionary<string, string?>.Empty
                .Add(ActionProperty, "Delegate")
                .Add(TargetProperty, generated.Method.Name + suffix)
                .Add(AttributeProperty, form.AttributeArgumentsFor(IsSingle(method)));
        }

        var deletions = new List<string>();
        foreach (FamilyMember member in FamilyMember.For(kind.HasDerivativeFromOutput))
        {
            if (member.Suffix.Length == 0 && !member.IsSpan)
            {
                continue;
            }

            string name = method.Name + member.Suffix;
            foreach (ISymbol existing in scan.Type.GetMembers(name))
            {
                if (existing is IMethodSymbol { IsImplicitlyDeclared: false } other && !SameParameters(other, member, method.ReturnType))
                {
                    continue;
                }

                // Same name and parameters: the generated member would clash, unless this is the hand-written
                // twin of the generated one (same function), which the fix can delete without changing a caller.
                ActivationForm? twin = existing is IMethodSymbol m && !member.IsSpan ? recognised.FirstOrDefault(r => SymbolEqualityComparer.Default.Equals(r.Method, m)).Form : null;
                bool same = twin is { } t && t.Family == form.Family && t.Parameter == form.Parameter
                    && (member.Role == MemberRole.Derivative ? t.Role is FormRole.DerivativeFromInput or FormRole.Derivative : t.Role is FormRole.DerivativeFromOutput or FormRole.Derivative)
                    && Deletable((IMethodSymbol)existing, method) && AgreesAtZero(scan, (IMethodSymbol)existing, t);
                if (!same)
                {
                    return null;
                }

                deletions.Add(name);
            }
        }

        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(ActionProperty, "Convert")
            .Add(ConvertProperty, method.Name)
            .Add(AttributeProperty, form.AttributeArgumentsFor(IsSingle(method)));
        return deletions.Count == 0 ? properties : properties.Add(DeleteProperty, string.Join(",", deletions));
    }

    /// <summary>
    /// Whether the fix may delete a hand-written twin: not virtual, abstract or an override (a subclass overrides
    /// it: CS0506), not an interface member's implementation, declared in the forward's file (the fix edits that
    /// file only), and static exactly when the forward is (the generated member is).
    /// </summary>
    private static bool Deletable(IMethodSymbol twin, IMethodSymbol forward)
    {
        if (twin.IsVirtual || twin.IsAbstract || twin.IsOverride || twin.ExplicitInterfaceImplementations.Length > 0
            || twin.IsStatic != forward.IsStatic || twin.DeclaringSyntaxReferences.Length != 1 || forward.DeclaringSyntaxReferences.Length != 1
            || twin.DeclaringSyntaxReferences[0].SyntaxTree != forward.DeclaringSyntaxReferences[0].SyntaxTree)
        {
            return false;
        }

        foreach (INamedTypeSymbol @interface in twin.ContainingType.AllInterfaces)
        {
            foreach (ISymbol member in @interface.GetMembers(twin.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(twin.ContainingType.FindImplementationForInterfaceMember(member), twin))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The recognition points skip the kink; the generated derivative follows PyTorch there (ReLU'(0) = 0,
    /// LeakyReLU'(0) = slope). A twin that answers otherwise at +0 or −0 (x &gt;= 0 ? 1 : 0) is not the same function,
    /// and deleting it would change what its callers compute.
    /// </summary>
    private static bool AgreesAtZero(TypeActivationScan scan, IMethodSymbol twin, ActivationForm form)
    {
        Func<double, double?>? function = scan.FunctionOf(twin);
        if (function is null)
        {
            return false;
        }

        foreach (double z in new[] { 0.0, -0.0 })
        {
            double expected = ActivationForms.Reference(form, z);
            if (function(z) is not double value || !(Math.Abs(value - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>For a derivative: the fix of its hand-written forward, if that conversion deletes this derivative.</summary>
    private static ImmutableDictionary<string, string?>? ConvertingSibling(TypeActivationScan scan, IMethodSymbol method, ActivationForm form, List<(IMethodSymbol Method, IOperation Body, ActivationForm Form)> recognised)
    {
        foreach ((IMethodSymbol forward, IOperation _, ActivationForm f) in recognised)
        {
            if (f.Role == FormRole.Forward && f.Family == form.Family && method.Name.StartsWith(forward.Name, StringComparison.Ordinal)
                && FixFor(scan, forward, f, recognised) is { } fix && fix.TryGetValue(DeleteProperty, out string? deleted) && deleted is not null
                && deleted.Split(',').Contains(method.Name))
            {
                return fix;
            }
        }

        return null;
    }

    private static bool SameParameters(IMethodSymbol method, FamilyMember member, ITypeSymbol element)
    {
        if (method.Parameters.Length != member.Parameters.Length)
        {
            return false;
        }

        for (int i = 0; i < member.Parameters.Length; i++)
        {
            ITypeSymbol p = method.Parameters[i].Type;
            bool matches = member.Parameters[i] switch
            {
                ParameterShape.Element => SymbolEqualityComparer.Default.Equals(p, element),
                _ => p is INamedTypeSymbol { IsGenericType: true } span && span.Name == (member.Parameters[i] == ParameterShape.Span ? "Span" : "ReadOnlySpan")
                    && SymbolEqualityComparer.Default.Equals(span.TypeArguments[0], element),
            };
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What the generator accepts as a declaration (see ActivationParser), checked on the hand-written method.</summary>
    private static bool CanBePartial(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern
            || method.IsExtensionMethod || method.IsAsync || method.IsPartialDefinition || method.PartialDefinitionPart is not null
            || method.ExplicitInterfaceImplementations.Length > 0 || method.IsGenericMethod || method.Parameters[0].IsParams)
        {
            return false;
        }

        // 'new' hides a base member of the same signature, which the generator reports as a clash (AG0010).
        if (method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax syntax
            || syntax.Modifiers.Any(SyntaxKind.NewKeyword)
            || syntax.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp9 })
        {
            return false;
        }

        for (SyntaxNode? node = syntax.Parent; node is not null; node = node.Parent)
        {
            if (node is InterfaceDeclarationSyntax || (node is TypeDeclarationSyntax type && type.Modifiers.Any(SyntaxKind.FileKeyword)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>AG2002: a leaky ReLU / ELU forward and its derivative in one type with different constants.</summary>
    private static void ReportConstantMismatches(SymbolAnalysisContext context, List<(IMethodSymbol Method, IOperation Body, ActivationForm Form)> recognised)
    {
        var forwards = recognised.Where(r => r.Form.Role == FormRole.Forward && r.Form.HasParameter).ToList();
        var derivatives = recognised.Where(r => r.Form.Role != FormRole.Forward && r.Form.HasParameter).ToList();
        foreach (var derivative in derivatives)
        {
            var sameFamily = forwards.Where(f => f.Form.Family == derivative.Form.Family).ToList();
            var partner = sameFamily.FirstOrDefault(f => IsDerivativeOf(derivative.Method.Name, f.Method.Name));
            if (partner.Method is null && sameFamily.Count == 1 && derivatives.Count(d => d.Form.Family == derivative.Form.Family) == 1)
            {
                // One forward and one derivative of the family in the type (an activation class): a pair.
                partner = sameFamily[0];
            }

            if (partner.Method is null || partner.Form.Parameter == derivative.Form.Parameter)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                AnalyzerDescriptors.LeakySlopeMismatch,
                derivative.Method.Locations[0],
                partner.Method.Name,
                partner.Form.ParameterName,
                ActivationForm.Format(partner.Form.Parameter),
                derivative.Method.Name,
                ActivationForm.Format(derivative.Form.Parameter)));
        }
    }

    private static bool IsDerivativeOf(string derivative, string forward)
        => derivative.Length > forward.Length
            && (derivative.StartsWith(forward, StringComparison.Ordinal)
                || derivative.EndsWith(forward, StringComparison.Ordinal)
                || derivative.IndexOf(forward, StringComparison.OrdinalIgnoreCase) >= 0);
}
