using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Analyzers;

/// <summary>
/// Why the analyzers believe a network applies ReLU, in words for the message ("'Mlp' (Math.Max(0, z) in
/// 'Forward')"), and, where the ReLU is the generator's, the [Activation(Kind.Relu)] attribute that the
/// "use leaky ReLU" fix rewrites.
/// </summary>
/// <param name="Description">Completes "… {Description} applies ReLU".</param>
/// <param name="GeneratedAttribute">The attribute of a generated ReLU, or null.</param>
internal sealed record ReluEvidence(string Description, SyntaxReference? GeneratedAttribute)
{
    /// <summary>
    /// A generated ReLU or ReLU6. Only a ReLU carries its attribute for the leaky ReLU fix: turning a ReLU6 into a
    /// leaky ReLU would also drop its cap at 6, a change the user has to choose.
    /// </summary>
    public static ReluEvidence FromGenerated(GeneratedActivation activation)
    {
        bool relu = activation.Form.Family == FormFamily.Relu;
        return new(
            "this project ('" + activation.Method.ContainingType.Name + "." + activation.Method.Name + "' is [Activation(Kind." + (relu ? "Relu" : "Relu6") + ")])",
            relu ? activation.Attribute : null);
    }

    public static ReluEvidence FromName(ISymbol symbol)
        => new("this project (it declares '" + (symbol.ContainingType is { } t ? t.Name + "." : string.Empty) + symbol.Name + "')", null);

    public static ReluEvidence InType(INamedTypeSymbol type, string what, ISymbol? where)
        => new("'" + type.Name + "' (" + what + (where is IMethodSymbol { MethodKind: MethodKind.Ordinary } m ? " in '" + m.Name + "'" : string.Empty) + ")", null);

    /// <summary>Source text shortened for a message.</summary>
    public static string Snippet(SyntaxNode node)
    {
        string text = node.ToString().Replace("\r", " ").Replace("\n", " ");
        while (text.Contains("  "))
        {
            text = text.Replace("  ", " ");
        }

        return text.Length <= 48 ? text : text.Substring(0, 45) + "…";
    }
}
