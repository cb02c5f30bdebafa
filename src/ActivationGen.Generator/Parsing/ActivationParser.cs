using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using ActivationGen.Generator.Diagnostics;
using ActivationGen.Generator.Kinds;
using ActivationGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.Generator.Parsing;

/// <summary>
/// Turns one [Activation] method (syntax + symbols) into a plain <see cref="ActivationModel"/>, or into the
/// diagnostics that explain why no code is generated. Never throws on user code: anything the compiler
/// already reports as an error (unknown types, bad attribute arguments) yields no model and no diagnostic.
/// </summary>
internal static class ActivationParser
{
    public const string AttributeMetadataName = "ActivationGen.ActivationAttribute";

    /// <summary>
    /// Declarations that [Activation] may be written on (its target is Method) but that cannot be partial methods:
    /// local functions, property and event accessors, operators, conversions and lambdas. They get AG0006, not silence.
    /// </summary>
    public static bool IsUnsupportedTarget(SyntaxNode node)
        => node is LocalFunctionStatementSyntax or AccessorDeclarationSyntax or OperatorDeclarationSyntax
            or ConversionOperatorDeclarationSyntax or LambdaExpressionSyntax;

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (IsUnsupportedTarget(context.TargetNode))
        {
            return UnsupportedTarget(context, cancellationToken);
        }

        if (context.TargetNode is not MethodDeclarationSyntax syntax || context.TargetSymbol is not IMethodSymbol method
            || context.Attributes.Length == 0)
        {
            return Empty;
        }

        // Half-typed declarations (a parameter or the name still missing) and duplicate parameter names (CS0100)
        // are the compiler's to report; generated code repeating them would only add errors of its own.
        if (method.Name.Length == 0 || method.Parameters.Any(p => p.Name.Length == 0)
            || method.Parameters.Select(p => p.Name).Distinct().Count() != method.Parameters.Length)
        {
            return Empty;
        }

        // So are modifiers the compiler rejects on the declaration: every generated sibling would repeat them.
        if (HasInvalidModifiers(syntax, method))
        {
            return Empty;
        }

        // Likewise features the language version rejects on the user's own declaration (CS8773), which the
        // generated declarations repeat: 'scoped' before C# 11 or on a type that is not a ref struct (CS9048),
        // a containing record struct before C# 10.
        LanguageVersion version = syntax.SyntaxTree.Options is CSharpParseOptions parseOptions ? parseOptions.LanguageVersion : LanguageVersion.Latest;
        if (method.Parameters.Any(p => p.ScopedKind == ScopedKind.ScopedValue && (version < LanguageVersion.CSharp11 || !p.Type.IsRefLikeType))
            || (version < LanguageVersion.CSharp10 && syntax.Ancestors().OfType<RecordDeclarationSyntax>().Any(r => r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword))))
        {
            return Empty;
        }

        var diagnostics = new List<DiagnosticInfo>();
        Location nameLocation = syntax.Identifier.GetLocation();
        string displayName = method.Name;
        AttributeData attribute = context.Attributes[0];

        // Kind: the compiler reports malformed arguments itself; we only judge a well-formed constant.
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Enum
            || attribute.ConstructorArguments[0].Value is not int kindValue)
        {
            return Empty;
        }

        // Kind is not a flags enum: Kind.Sigmoid | Kind.Tanh is 3, a defined value (Relu) that nobody meant.
        ActivationKind? kind = IsCombination(attribute, cancellationToken, out string? combination) ? null : KindRegistry.Find(kindValue);
        if (kind is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UndefinedKind,
                ArgumentLocation(attribute, null, cancellationToken) ?? nameLocation,
                combination ?? kindValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                displayName,
                KindRegistry.All[0].Name));
        }

        ImmutableArray<ContainingTypeModel> containingTypes = ParseContainingTypes(syntax, method, diagnostics);

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodMustBePartial, nameLocation, displayName));
        }
        else if (syntax.Body is not null || syntax.ExpressionBody is not null || method.PartialImplementationPart is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodAlreadyHasBody, nameLocation, displayName));
        }

        if (method.IsGenericMethod)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodMustNotBeGeneric, nameLocation, displayName));
        }

        if (version < LanguageVersion.CSharp9)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, nameLocation, displayName));
        }

        // Shape and element type (not for generic methods: AG0004 already says what to do). An error type
        // anywhere means the compiler already complains: stay quiet.
        ShapeResult shape = method.IsGenericMethod
            ? new ShapeResult()
            : ParseShape(method, syntax, context.SemanticModel.Compilation, diagnostics, nameLocation);
        if (shape.HasErrorType)
        {
            return Empty;
        }

        ImmutableArray<KindParameterValue> parameters = kind is null
            ? ImmutableArray<KindParameterValue>.Empty
            : ParseKindParameters(attribute, kind, displayName, shape.Element, nameLocation, diagnostics, cancellationToken);

        if (kind is not null && shape.Element is ElementType element && shape.Shape is DeclaredShape declaredShape)
        {
            CheckMemberClashes(method, kind, element, declaredShape, context.SemanticModel.Compilation, nameLocation, diagnostics);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (diagnostics.Count > 0 || kind is null || shape.Element is not ElementType elementType || shape.Shape is not DeclaredShape finalShape)
        {
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        string? ns = NamespaceOf(method.ContainingNamespace);

        var model = new ActivationModel(
            ns,
            containingTypes.ToEquatableArray(),
            method.Name,
            DeclaredModifiers(syntax),
            SiblingModifiers(syntax),
            HasUserDocumentation: syntax.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)),
            HasMethodImplAttribute: HasMethodImplAttribute(syntax, method),
            elementType,
            finalShape,
            method.Parameters.Select(p => new DeclaredParameter(Escape(p.Name), p.ScopedKind == ScopedKind.ScopedValue ? "scoped " : string.Empty)).ToEquatableArray(),
            kind.Id,
            parameters.ToEquatableArray());
        return new ParseResult(model, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static readonly ParseResult Empty = new(null, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>AG0006 at the attribute, naming what the declaration is.</summary>
    private static ParseResult UnsupportedTarget(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        (string name, string what) = context.TargetNode switch
        {
            LocalFunctionStatementSyntax local => (local.Identifier.ValueText, "is a local function"),
            AccessorDeclarationSyntax accessor => (context.TargetSymbol.Name, "is a property or event accessor"),
            OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax => (context.TargetSymbol.Name, "is an operator"),
            _ => ("lambda", "is a lambda"),
        };
        Location location = context.Attributes.Length > 0 && context.Attributes[0].ApplicationSyntaxReference is { } reference
            ? reference.GetSyntax(cancellationToken).GetLocation()
            : context.TargetNode.GetLocation();
        return new ParseResult(null, new[] { DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedShape, location, name, what + ", which cannot be a partial method") }.ToEquatableArray());
    }

    /// <summary>
    /// A modifier the compiler reports on the declaration itself: repeated (CS1004), not valid on a method
    /// (CS0106), readonly outside a struct's instance members (CS0106, CS8657), conflicting accessibilities
    /// (CS0107), protected in a struct (CS0666) or a static class (CS1057), 'new' without accessibility (CS8798).
    /// </summary>
    private static bool HasInvalidModifiers(MethodDeclarationSyntax syntax, IMethodSymbol method)
    {
        var seen = new HashSet<SyntaxKind>();
        foreach (SyntaxToken modifier in syntax.Modifiers)
        {
            SyntaxKind kind = modifier.Kind();
            if (!seen.Add(kind))
            {
                return true;
            }

            switch (kind)
            {
                case SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.PrivateKeyword:
                case SyntaxKind.StaticKeyword or SyntaxKind.UnsafeKeyword or SyntaxKind.NewKeyword or SyntaxKind.PartialKeyword:
                case SyntaxKind.ExternKeyword or SyntaxKind.VirtualKeyword or SyntaxKind.OverrideKeyword or SyntaxKind.AbstractKeyword:
                case SyntaxKind.SealedKeyword or SyntaxKind.AsyncKeyword:
                case SyntaxKind.ReadOnlyKeyword when method.ContainingType is { TypeKind: TypeKind.Struct } && !syntax.Modifiers.Any(SyntaxKind.StaticKeyword):
                    break;
                default:
                    return true;
            }
        }

        bool isProtected = seen.Contains(SyntaxKind.ProtectedKeyword);
        int accessibilities = (seen.Contains(SyntaxKind.PublicKeyword) ? 1 : 0) + (seen.Contains(SyntaxKind.InternalKeyword) ? 1 : 0)
            + (isProtected ? 1 : 0) + (seen.Contains(SyntaxKind.PrivateKeyword) ? 1 : 0);
        return (accessibilities > 1 && !(accessibilities == 2 && isProtected && !seen.Contains(SyntaxKind.PublicKeyword)))
            || (accessibilities == 0 && seen.Contains(SyntaxKind.NewKeyword))
            || (isProtected && method.ContainingType is { TypeKind: TypeKind.Struct } or { IsStatic: true });
    }

    private static ImmutableArray<ContainingTypeModel> ParseContainingTypes(MethodDeclarationSyntax syntax, IMethodSymbol method, List<DiagnosticInfo> diagnostics)
    {
        var types = new List<ContainingTypeModel>();
        INamedTypeSymbol? symbol = method.ContainingType;
        for (SyntaxNode? node = syntax.Parent; node is not null && symbol is not null; node = node.Parent)
        {
            if (node is not TypeDeclarationSyntax type)
            {
                if (node is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
                {
                    break;
                }

                continue;
            }

            if (type.Identifier.ValueText.Length == 0)
            {
                // A C# 14 extension(…) { } block: no name to write a partial type with, and extension members are
                // not partial methods of a type. AG0006 at the method, not AG0002 about a type called ''.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedShape, syntax.Identifier.GetLocation(), method.Name, "is declared in an extension block, which cannot hold a generated partial method"));
                break;
            }

            string? problem = null;
            if (type is InterfaceDeclarationSyntax)
            {
                problem = "is an interface";
            }
            else if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                problem = "is not partial";
            }
            else if (type.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                problem = "is file-local (generated code lives in another file, so remove 'file')";
            }

            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeMustBePartial, type.Identifier.GetLocation(), symbol.Name, method.Name, problem));
            }

            string keyword = type switch
            {
                RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                StructDeclarationSyntax => "struct",
                InterfaceDeclarationSyntax => "interface",
                _ => "class",
            };

            var modifiers = new StringBuilder();
            foreach (SyntaxToken modifier in type.Modifiers)
            {
                if (modifier.IsKind(SyntaxKind.RefKeyword) || modifier.IsKind(SyntaxKind.ReadOnlyKeyword) || modifier.IsKind(SyntaxKind.UnsafeKeyword))
                {
                    modifiers.Append(modifier.Text).Append(' ');
                }
            }

            string typeParameters = symbol.TypeParameters.Length == 0
                ? string.Empty
                : "<" + string.Join(", ", symbol.TypeParameters.Select(t => Escape(t.Name))) + ">";
            types.Add(new ContainingTypeModel(keyword, modifiers.ToString(), Escape(symbol.Name), typeParameters));
            symbol = symbol.ContainingType;
        }

        types.Reverse();
        return types.ToImmutableArray();
    }

    private sealed class ShapeResult
    {
        public ElementType? Element { get; set; }

        public DeclaredShape? Shape { get; set; }

        public bool HasErrorType { get; set; }
    }

    private static ShapeResult ParseShape(IMethodSymbol method, MethodDeclarationSyntax syntax, Compilation compilation, List<DiagnosticInfo> diagnostics, Location location)
    {
        var result = new ShapeResult();
        string name = method.Name;
        if (method.ReturnType.TypeKind == TypeKind.Error || method.Parameters.Any(p => ContainsError(p.Type)))
        {
            result.HasErrorType = true;
            return result;
        }

        void Fail(string why) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedShape, location, name, why));

        foreach (SyntaxToken modifier in syntax.Modifiers)
        {
            if (modifier.Kind() is SyntaxKind.VirtualKeyword or SyntaxKind.OverrideKeyword or SyntaxKind.AbstractKeyword
                or SyntaxKind.ExternKeyword or SyntaxKind.SealedKeyword or SyntaxKind.AsyncKeyword)
            {
                Fail("is '" + modifier.Text + "'");
                return result;
            }
        }

        if (!method.ReturnsVoid && !syntax.Modifiers.Any(m => m.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.PrivateKeyword))
        {
            // C# requires an explicit accessibility on a partial method that returns a value (CS8796).
            Fail("returns a value but has no accessibility modifier (C# requires one on such partial methods: add 'private' or another)");
            return result;
        }

        if (method.ContainingType is { IsStatic: true } && !method.IsStatic)
        {
            Fail("is an instance method in a static class");
            return result;
        }

        if (method.IsExtensionMethod || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            Fail(method.IsExtensionMethod ? "is an extension method" : "returns by reference");
            return result;
        }

        foreach (IParameterSymbol p in method.Parameters)
        {
            if (p.RefKind != RefKind.None || p.IsParams || p.IsThis)
            {
                string modifier = p.IsParams ? "params" : p.IsThis ? "this" : p.RefKind.ToString().ToLowerInvariant();
                Fail("has " + (modifier == "in" || modifier == "out" ? "an '" : "a '") + modifier + "' parameter '" + p.Name + "'");
                return result;
            }
        }

        INamedTypeSymbol? spanType = compilation.GetTypeByMetadataName("System.Span`1");
        INamedTypeSymbol? readOnlySpanType = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");

        if (method.Parameters.Length == 1)
        {
            ITypeSymbol input = method.Parameters[0].Type;
            if (!SymbolEqualityComparer.Default.Equals(input, method.ReturnType))
            {
                Fail("takes '" + input.ToDisplayString() + "' but returns '" + method.ReturnType.ToDisplayString() + "'");
                return result;
            }

            result.Element = ElementOf(input, name, location, diagnostics);
            result.Shape = DeclaredShape.Scalar;
            return result;
        }

        if (method.Parameters.Length == 2)
        {
            ITypeSymbol first = method.Parameters[0].Type, second = method.Parameters[1].Type;
            ITypeSymbol? input = SpanElement(first, readOnlySpanType);
            ITypeSymbol? output = SpanElement(second, spanType);
            if (!method.ReturnsVoid || input is null || output is null)
            {
                Fail(method.ReturnsVoid
                    ? "takes '" + first.ToDisplayString() + "' and '" + second.ToDisplayString() + "'"
                    : "takes two parameters but returns '" + method.ReturnType.ToDisplayString() + "' instead of void");
                return result;
            }

            if (!SymbolEqualityComparer.Default.Equals(input, output))
            {
                Fail("reads '" + input.ToDisplayString() + "' but writes '" + output.ToDisplayString() + "'");
                return result;
            }

            result.Element = ElementOf(input, name, location, diagnostics);
            result.Shape = DeclaredShape.Span;
            return result;
        }

        Fail("takes " + method.Parameters.Length + " parameters");
        return result;
    }

    private static bool ContainsError(ITypeSymbol type)
        => type.TypeKind == TypeKind.Error || (type is INamedTypeSymbol named && named.TypeArguments.Any(ContainsError));

    private static ITypeSymbol? SpanElement(ITypeSymbol type, INamedTypeSymbol? expected)
        => expected is not null && type is INamedTypeSymbol { IsGenericType: true } named
            && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, expected)
            ? named.TypeArguments[0]
            : null;

    private static ElementType? ElementOf(ITypeSymbol type, string name, Location location, List<DiagnosticInfo> diagnostics)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Single:
                return ElementType.Single;
            case SpecialType.System_Double:
                return ElementType.Double;
            default:
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedElementType, location, name, type.ToDisplayString()));
                return null;
        }
    }

    private static ImmutableArray<KindParameterValue> ParseKindParameters(
        AttributeData attribute, ActivationKind kind, string methodName, ElementType? element, Location fallback, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, double>();
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            KindParameter? definition = kind.Parameters.FirstOrDefault(p => p.Name == argument.Key);
            Location location = ArgumentLocation(attribute, argument.Key, cancellationToken) ?? fallback;
            if (definition is null)
            {
                KindParameter? known = KindRegistry.AllParameters.FirstOrDefault(p => p.Name == argument.Key);
                if (known is not null)
                {
                    string users = string.Join(", ", KindRegistry.All.Where(k => k.Parameters.Any(p => p.Name == known.Name)).Select(k => "Kind." + k.Name));
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.ParameterNotUsedByKind, location, kind.Name, argument.Key, methodName,
                        users.Length == 0 ? string.Empty : " (it applies to " + users + ")"));
                }

                continue;
            }

            if (argument.Value.Kind != TypedConstantKind.Primitive || argument.Value.Value is not double value)
            {
                continue; // The compiler reports a non-constant or mistyped argument.
            }

            // Float kernels fold the value in as a float: it must still be in range (and a normal number) after
            // that rounding, or Slope = 1e-50 would silently become a plain ReLU and 0.99999999 the identity.
            string text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            bool valid = definition.IsValid(value);
            string range = definition.RangeText;
            if (valid && element == ElementType.Single)
            {
                float rounded = (float)value;
                valid = definition.IsValid(rounded) && (rounded == 0 || IsNormal(rounded));
                bool subnormal = rounded != 0 && !float.IsInfinity(rounded) && !IsNormal(rounded);
                string why = subnormal ? " as float, a subnormal number the float kernels cannot fold in exactly"
                    : float.IsInfinity(rounded) ? " as float: beyond float's range" : " as float";
                text += valid ? string.Empty : " (" + rounded.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + why + ")";
                range += subnormal ? ", and 0 or at least 1.1754944E-38 in magnitude as float (no subnormal)" : string.Empty;
            }

            if (!valid)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.ParameterOutOfRange, location, definition.Name, text, kind.Name, methodName, range));
                continue;
            }

            values[definition.Name] = value;
        }

        CheckOrder(attribute, kind, methodName, element, fallback, values, diagnostics, cancellationToken);
        return kind.Parameters
            .Select(p => new KindParameterValue(p.Name, values.TryGetValue(p.Name, out double v) ? v : p.Default))
            .ToImmutableArray();
    }

    /// <summary>
    /// Reports a pair of parameters that must be ordered (HardTanh's Min &lt; Max) and is not, counting
    /// defaults and, for float kernels, the values as float (Min = 1.00000001, Max = 1.00000002 are both 1f).
    /// Reported on the upper parameter's argument where it is set, else on the lower one's.
    /// </summary>
    private static void CheckOrder(
        AttributeData attribute, ActivationKind kind, string methodName, ElementType? element, Location fallback,
        Dictionary<string, double> values, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        foreach ((KindParameter lower, KindParameter upper) in kind.OrderedParameters)
        {
            bool lowerSet = values.TryGetValue(lower.Name, out double low);
            bool upperSet = values.TryGetValue(upper.Name, out double high);
            if (!lowerSet && !upperSet)
            {
                continue;
            }

            low = lowerSet ? low : lower.Default;
            high = upperSet ? high : upper.Default;
            bool ordered = element == ElementType.Single ? (float)low < (float)high : low < high;
            if (ordered)
            {
                continue;
            }

            KindParameter reported = upperSet ? upper : lower;
            KindParameter other = upperSet ? lower : upper;
            double otherValue = upperSet ? low : high;
            double reportedValue = upperSet ? high : low;
            string text = Invariant(reportedValue) + (low < high ? " (" + ((float)reportedValue).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " as float)" : string.Empty);
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ParameterOutOfRange,
                ArgumentLocation(attribute, reported.Name, cancellationToken) ?? fallback,
                reported.Name,
                text,
                kind.Name,
                methodName,
                lower.Name + " < " + upper.Name + " (" + other.Name + " = " + Invariant(otherValue)
                    + (lowerSet && upperSet ? string.Empty : ", its default") + ")"));
            values.Remove(reported.Name);
        }

        static string Invariant(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the Kind argument is written as an arithmetic or bitwise combination of values.</summary>
    private static bool IsCombination(AttributeData attribute, CancellationToken cancellationToken, out string? text)
    {
        text = null;
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list }
            && list.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null) is { } argument
            && Unwrap(argument.Expression) is BinaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseNotExpression })
        {
            text = argument.Expression.ToString();
            return true;
        }

        return false;

        // (Kind.Sigmoid | Kind.Tanh), (Kind)(…), checked(…): the same combination in brackets.
        static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        break;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        break;
                    case CheckedExpressionSyntax @checked:
                        expression = @checked.Expression;
                        break;
                    default:
                        return expression;
                }
            }
        }
    }

    private static bool IsNormal(float value) => !float.IsNaN(value) && !float.IsInfinity(value) && System.Math.Abs(value) >= 1.17549435E-38f;

    /// <summary>The syntax location of the attribute's constructor argument (name null) or a named argument.</summary>
    private static Location? ArgumentLocation(AttributeData attribute, string? name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } list })
        {
            return null;
        }

        foreach (AttributeArgumentSyntax argument in list.Arguments)
        {
            bool isNamed = argument.NameEquals is not null;
            if (name is null ? !isNamed : isNamed && argument.NameEquals!.Name.Identifier.ValueText == name)
            {
                return argument.GetLocation();
            }
        }

        return null;
    }

    private static void CheckMemberClashes(
        IMethodSymbol method, ActivationKind kind, ElementType element, DeclaredShape shape, Compilation compilation, Location location, List<DiagnosticInfo> diagnostics)
    {
        INamedTypeSymbol type = method.ContainingType;
        ITypeSymbol elementSymbol = compilation.GetSpecialType(element == ElementType.Single ? SpecialType.System_Single : SpecialType.System_Double);
        INamedTypeSymbol? span = compilation.GetTypeByMetadataName("System.Span`1");
        INamedTypeSymbol? readOnlySpan = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");

        bool Matches(ITypeSymbol candidate, ParameterShape parameter) => parameter switch
        {
            ParameterShape.Element => SymbolEqualityComparer.Default.Equals(candidate, elementSymbol),
            ParameterShape.ReadOnlySpan => SymbolEqualityComparer.Default.Equals(SpanElement(candidate, readOnlySpan), elementSymbol),
            _ => SymbolEqualityComparer.Default.Equals(SpanElement(candidate, span), elementSymbol),
        };

        bool IsSelf(ISymbol candidate)
            => SymbolEqualityComparer.Default.Equals(candidate, method)
            || SymbolEqualityComparer.Default.Equals(candidate, method.PartialDefinitionPart)
            || SymbolEqualityComparer.Default.Equals(candidate, method.PartialImplementationPart);

        // Loops, not LINQ: this runs for every member of every annotated method after every edit.
        bool SameParameters(IMethodSymbol existing, FamilyMember member)
        {
            ImmutableArray<IParameterSymbol> parameters = existing.Parameters;
            if (parameters.Length != member.Parameters.Length || existing.TypeParameters.Length != 0)
            {
                return false;
            }

            for (int i = 0; i < parameters.Length; i++)
            {
                if (!Matches(parameters[i].Type, member.Parameters[i]))
                {
                    return false;
                }
            }

            return true;
        }

        // Names a member of the type may not take: its own type parameters and primary-constructor parameters.
        List<string>? reservedNames = TypeParameterAndPrimaryConstructorParameterNames(type);
        foreach (FamilyMember member in FamilyMember.For(kind.HasDerivativeFromOutput))
        {
            // The declared member itself is checked too: a second declaration with the same signature (CS0756)
            // would otherwise yield two identical families.
            string memberName = method.Name + member.Suffix;
            string? owner = null;
            if (memberName == type.Name || (reservedNames is not null && reservedNames.Contains(memberName)))
            {
                owner = type.Name;
            }

            for (INamedTypeSymbol? current = type; current is not null && owner is null; current = current.BaseType)
            {
                foreach (ISymbol existing in current.GetMembers(memberName))
                {
                    if (IsSelf(existing) || (!SymbolEqualityComparer.Default.Equals(current, type) && existing.DeclaredAccessibility == Accessibility.Private))
                    {
                        continue;
                    }

                    if (existing is not IMethodSymbol existingMethod || SameParameters(existingMethod, member))
                    {
                        owner = current.Name;
                        break;
                    }
                }
            }

            if (owner is not null)
            {
                string signature = memberName + "(" + string.Join(", ", member.Parameters.Select(p => ParameterText(p, element))) + ")";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberAlreadyDefined, location, signature, method.Name, owner));
            }
        }
    }

    /// <summary>
    /// The type's own type parameters (a member of that name is CS0102) and the parameters of its primary constructor
    /// (a member of that name hides the parameter, and the user's code that reads it no longer compiles); null when
    /// there are none, the usual case. Computed once per annotated method, not per generated member.
    /// </summary>
    private static List<string>? TypeParameterAndPrimaryConstructorParameterNames(INamedTypeSymbol type)
    {
        List<string>? names = null;
        foreach (ITypeParameterSymbol typeParameter in type.TypeParameters)
        {
            (names ??= new List<string>()).Add(typeParameter.Name);
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax { ParameterList: { } parameters })
            {
                foreach (ParameterSyntax parameter in parameters.Parameters)
                {
                    (names ??= new List<string>()).Add(parameter.Identifier.ValueText);
                }
            }
        }

        return names;
    }

    private static string ParameterText(ParameterShape shape, ElementType element)
    {
        string t = element == ElementType.Single ? "float" : "double";
        return shape switch
        {
            ParameterShape.Element => t,
            ParameterShape.ReadOnlySpan => "ReadOnlySpan<" + t + ">",
            _ => "Span<" + t + ">",
        };
    }

    /// <summary>The modifiers the implementing declaration repeats, without 'partial'.</summary>
    private static string DeclaredModifiers(MethodDeclarationSyntax syntax)
        => string.Join(" ", syntax.Modifiers.Where(m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(m => m.Text));

    /// <summary>Accessibility (explicit "private" where none was written), static, unsafe, readonly and new.</summary>
    private static string SiblingModifiers(MethodDeclarationSyntax syntax)
    {
        var parts = new List<string>();
        bool hasAccessibility = false;
        foreach (SyntaxToken m in syntax.Modifiers)
        {
            switch (m.Kind())
            {
                case SyntaxKind.PublicKeyword:
                case SyntaxKind.InternalKeyword:
                case SyntaxKind.ProtectedKeyword:
                case SyntaxKind.PrivateKeyword:
                    hasAccessibility = true;
                    parts.Add(m.Text);
                    break;
                case SyntaxKind.StaticKeyword:
                case SyntaxKind.UnsafeKeyword:
                case SyntaxKind.ReadOnlyKeyword:
                    parts.Add(m.Text);
                    break;
            }
        }

        if (!hasAccessibility)
        {
            parts.Insert(0, "private");
        }

        return string.Join(" ", parts);
    }

    internal static string Escape(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>The namespace as written in code (keywords escaped), or null for the global namespace.</summary>
    private static string? NamespaceOf(INamespaceSymbol? symbol)
    {
        // Walked by hand: this runs for every annotated method on every compilation change, and symbol display
        // formatting is comparatively slow.
        var parts = new List<string>();
        for (INamespaceSymbol? current = symbol; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            parts.Add(Escape(current.Name));
        }

        parts.Reverse();
        return parts.Count == 0 ? null : string.Join(".", parts);
    }

    /// <summary>
    /// Whether the declaration already carries [MethodImpl] (adding ours would be CS0579): by its name as written, else
    /// by the bound attributes (an alias such as <c>using MI = System.Runtime.CompilerServices.MethodImplAttribute;</c>).
    /// </summary>
    private static bool HasMethodImplAttribute(MethodDeclarationSyntax syntax, IMethodSymbol method)
    {
        if (HasMethodImplName(syntax))
        {
            return true;
        }

        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "MethodImplAttribute", ContainingNamespace: { Name: "CompilerServices", ContainingNamespace: { Name: "Runtime", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasMethodImplName(MethodDeclarationSyntax syntax)
    {
        foreach (AttributeListSyntax list in syntax.AttributeLists)
        {
            foreach (AttributeSyntax attribute in list.Attributes)
            {
                string name = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText
                    : attribute.Name is AliasQualifiedNameSyntax alias ? alias.Name.Identifier.ValueText
                    : attribute.Name is SimpleNameSyntax simple ? simple.Identifier.ValueText
                    : string.Empty;
                if (name is "MethodImpl" or "MethodImplAttribute")
                {
                    return true;
                }
            }
        }

        return false;
    }
}
