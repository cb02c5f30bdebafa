using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Diagnostics;

/// <summary>The descriptor of every rule: title, a message that says what to do, and a help page.</summary>
internal static class DiagnosticDescriptors
{
    public const string UsageCategory = "ActivationGen.Usage";

    public static readonly DiagnosticDescriptor MethodMustBePartial = Usage(
        RuleIdentifiers.MethodMustBePartial,
        "Activation method must be partial",
        "Method '{0}' has [Activation] but is not partial; declare it as 'partial' with no body, e.g. 'public static partial float {0}(float z);', and ActivationGen writes the body");

    public static readonly DiagnosticDescriptor TypeMustBePartial = Usage(
        RuleIdentifiers.TypeMustBePartial,
        "Type containing an activation method must be a partial class, struct or record",
        "Type '{0}' contains the activation method '{1}' but {2}; make '{0}' (and every type that encloses it) a 'partial' class, struct or record that is not file-local");

    public static readonly DiagnosticDescriptor MethodAlreadyHasBody = Usage(
        RuleIdentifiers.MethodAlreadyHasBody,
        "Activation method already has a body",
        "Method '{0}' already has an implementation; remove its body (end the declaration with ';') so that ActivationGen can generate it");

    public static readonly DiagnosticDescriptor MethodMustNotBeGeneric = Usage(
        RuleIdentifiers.MethodMustNotBeGeneric,
        "Activation method must not be generic",
        "Method '{0}' is generic; declare one method per element type, e.g. 'partial float {0}(float z)' and 'partial double {0}(double z)'");

    public static readonly DiagnosticDescriptor UnsupportedElementType = Usage(
        RuleIdentifiers.UnsupportedElementType,
        "Unsupported element type",
        "Method '{0}' uses element type '{1}'; activations are generated for 'float' and 'double' only, change the type to one of them");

    public static readonly DiagnosticDescriptor UnsupportedShape = Usage(
        RuleIdentifiers.UnsupportedShape,
        "Unsupported activation method shape",
        "Method '{0}' {1}; declare either 'T {0}(T z)' or 'void {0}(ReadOnlySpan<T> z, Span<T> y)' with T float or double, no ref/in/out/params, and no virtual/override/abstract/extern");

    public static readonly DiagnosticDescriptor ParameterOutOfRange = Usage(
        RuleIdentifiers.ParameterOutOfRange,
        "Activation parameter out of range",
        "{0} = {1} is not valid for Kind.{2} on '{3}'; use a finite value with {4}");

    public static readonly DiagnosticDescriptor ParameterNotUsedByKind = Usage(
        RuleIdentifiers.ParameterNotUsedByKind,
        "Parameter not used by this kind",
        "Kind.{0} does not use {1} (on '{2}'); remove it{3}");

    public static readonly DiagnosticDescriptor UndefinedKind = Usage(
        RuleIdentifiers.UndefinedKind,
        "Undefined activation kind",
        "'{0}' is not a defined Kind value (on '{1}'); use one of the named members, such as Kind.{2}");

    public static readonly DiagnosticDescriptor MemberAlreadyDefined = Usage(
        RuleIdentifiers.MemberAlreadyDefined,
        "Generated member already defined",
        "ActivationGen generates '{0}' for the activation '{1}', but '{2}' already defines a member with that name (a field, property, nested type, type parameter, primary-constructor parameter, the type itself, or a method with the same parameters); rename or remove that member, or rename the activation method (every shape of the family is generated from one declaration)");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Usage(
        RuleIdentifiers.LanguageVersionTooLow,
        "C# 9 or later required",
        "Method '{0}' needs C# 9 or later for the generated code (extended partial methods, nint); set <LangVersion>9</LangVersion> or later in the project");

    public static readonly ImmutableArray<DiagnosticDescriptor> Usages = ImmutableArray.Create(
        MethodMustBePartial,
        TypeMustBePartial,
        MethodAlreadyHasBody,
        MethodMustNotBeGeneric,
        UnsupportedElementType,
        UnsupportedShape,
        ParameterOutOfRange,
        ParameterNotUsedByKind,
        UndefinedKind,
        MemberAlreadyDefined,
        LanguageVersionTooLow);

    public static string HelpLink(string id) => "https://github.com/activationgen/activationgen/blob/main/docs/rules/" + id + ".md";

    public static DiagnosticDescriptor? Find(string id)
    {
        foreach (DiagnosticDescriptor d in Usages)
        {
            if (d.Id == id)
            {
                return d;
            }
        }

        return null;
    }

    private static DiagnosticDescriptor Usage(string id, string title, string message)
        => new(id, title, message, UsageCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: HelpLink(id));
}
