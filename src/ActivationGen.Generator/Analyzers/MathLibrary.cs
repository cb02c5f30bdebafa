using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Analyzers;

/// <summary>
/// The static math classes whose members the analyzers read as mathematical functions: System.Math,
/// System.MathF, and Unity's UnityEngine.Mathf (float wrappers over System.Math, so Mathf.Exp overflows at
/// z ≈ 88.7 exactly as MathF.Exp does), and the generic-math statics of double and float (.NET 7+:
/// double.Max(0, x), float.Exp(x), double.Sqrt(2 / fanIn)), which compute the same functions. Unity has no
/// Mathf.Tanh; names a class lacks simply never match, and the readers know only the math names (double.Parse is
/// no function of theirs).
/// </summary>
internal static class MathLibrary
{
    /// <summary>Whether <paramref name="method"/> is a static member of one of the math classes.</summary>
    public static bool IsMathMethod(IMethodSymbol method)
        => method.IsStatic && method.ContainingType is { } type && IsMathType(type);

    /// <summary>The member's name if <paramref name="method"/> belongs to a math class, else null.</summary>
    public static string? FunctionName(IMethodSymbol method) => IsMathMethod(method) ? method.Name : null;

    private static bool IsMathType(INamedTypeSymbol type) => type switch
    {
        { Name: "Math" or "MathF", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } => true,
        { Name: "Mathf", ContainingNamespace: { Name: "UnityEngine", ContainingNamespace.IsGlobalNamespace: true } } => true,
        { SpecialType: SpecialType.System_Double or SpecialType.System_Single } => true,
        _ => false,
    };
}
