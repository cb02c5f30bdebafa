using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Diagnostics;

/// <summary>
/// Descriptors of the analyzers that read hand-written networks (AG1xxx dead-neuron risk, AG2xxx numerical
/// misuse, AG3xxx suggestions). Each message names what was found and says what to do; every rule has a
/// page under docs/rules/ and a row in AnalyzerReleases.Unshipped.md (a test checks both).
/// </summary>
internal static class AnalyzerDescriptors
{
    public const string DeadNeuronsCategory = "ActivationGen.DeadNeurons";
    public const string NumericsCategory = "ActivationGen.Numerics";
    public const string SuggestionsCategory = "ActivationGen.Suggestions";

    public static readonly DiagnosticDescriptor OneSidedWeightInitialization = Create(
        RuleIdentifiers.OneSidedWeightInitialization,
        DeadNeuronsCategory,
        DiagnosticSeverity.Warning,
        "Weights initialised with one sign before a ReLU",
        "'{0}' is initialised in {1}, all of one sign, and {2} applies ReLU: the units of a layer then switch on and off together and those pushed below zero stay dead; initialise zero-centred with He scale, e.g. (rng.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / fanIn)");

    public static readonly DiagnosticDescriptor ConstantWeightInitialization = Create(
        RuleIdentifiers.ConstantWeightInitialization,
        DeadNeuronsCategory,
        DiagnosticSeverity.Warning,
        "Weights initialised to one value",
        "'{0}' is initialised to the single value {1} and {2} applies ReLU: every unit of the layer computes the same output and receives the same gradient, so the units never differ (and at 0 they are all dead); initialise with zero-centred random values, e.g. (rng.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / fanIn)");

    public static readonly DiagnosticDescriptor NegativeBiasBeforeRelu = Create(
        RuleIdentifiers.NegativeBiasBeforeRelu,
        DeadNeuronsCategory,
        DiagnosticSeverity.Warning,
        "Negative bias initialisation before a ReLU",
        "Bias '{0}' is initialised in {1}, below zero, and {2} applies ReLU: a unit whose pre-activation starts negative outputs 0 and gets no gradient; initialise biases to 0 or to a small positive value such as 0.01");

    public static readonly DiagnosticDescriptor ReluOnOutputLayer = Create(
        RuleIdentifiers.ReluOnOutputLayer,
        DeadNeuronsCategory,
        DiagnosticSeverity.Warning,
        "ReLU applied to the network's output layer",
        "ReLU ({0}) is applied to the network's output {1}: outputs cannot be negative and an output unit pushed below zero stops learning; use an identity (linear) output for regression, or sigmoid/softmax for classification");

    public static readonly DiagnosticDescriptor NarrowDeepReluStack = Create(
        RuleIdentifiers.NarrowDeepReluStack,
        DeadNeuronsCategory,
        DiagnosticSeverity.Warning,
        "Deep, narrow ReLU stack is likely born dead",
        "This plain-ReLU network with hidden widths {0} is born dead with probability {1} (1 − ∏(1 − 2^−n) over its {2} hidden layers, Lu et al. 2019), above the {3} threshold; widen the layers, use fewer of them, or use leaky ReLU");

    public static readonly DiagnosticDescriptor ReluInitializationScale = Create(
        RuleIdentifiers.ReluInitializationScale,
        DeadNeuronsCategory,
        DiagnosticSeverity.Info,
        "ReLU weights scaled without regard to fan-in",
        "'{0}' is initialised in {2}, a scale unrelated to its fan-in, and {1} applies ReLU: activations shrink or grow layer by layer; scale by the fan-in (He/Kaiming, standard deviation √(2/fan_in)), e.g. (rng.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / fanIn)");

    public static readonly DiagnosticDescriptor DerivativeFedWrongValue = Create(
        RuleIdentifiers.DerivativeFedWrongValue,
        NumericsCategory,
        DiagnosticSeverity.Warning,
        "Derivative fed the wrong value",
        "'{0}' expects {1} but is given '{2}', which is {3}; {4}");

    public static readonly DiagnosticDescriptor LeakySlopeMismatch = Create(
        RuleIdentifiers.LeakySlopeMismatch,
        NumericsCategory,
        DiagnosticSeverity.Warning,
        "Forward and derivative use different constants",
        "'{0}' uses {1} = {2} but its derivative '{3}' uses {1} = {4}: the gradient no longer matches the function; use one constant in both (e.g. a shared const)");

    public static readonly DiagnosticDescriptor ActivationOverflows = Create(
        RuleIdentifiers.ActivationOverflows,
        NumericsCategory,
        DiagnosticSeverity.Warning,
        "Hand-written activation overflows",
        "'{0}' returns {1} for z = {2} ({3}) because an exponential overflows; rewrite it in a form that cannot overflow, or let ActivationGen generate it: {4}");

    public static readonly DiagnosticDescriptor ReplaceWithGeneratedActivation = Create(
        RuleIdentifiers.ReplaceWithGeneratedActivation,
        SuggestionsCategory,
        DiagnosticSeverity.Info,
        "Hand-written activation can be generated",
        "'{0}' is a hand-written {1}; ActivationGen can generate it with stable numerics, vectorised span overloads and its derivative family: declare it as an [Activation({2})] partial method");

    /// <summary>Every analyzer descriptor, for the documentation and release-tracking tests.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        OneSidedWeightInitialization,
        ConstantWeightInitialization,
        NegativeBiasBeforeRelu,
        ReluOnOutputLayer,
        NarrowDeepReluStack,
        ReluInitializationScale,
        DerivativeFedWrongValue,
        LeakySlopeMismatch,
        ActivationOverflows,
        ReplaceWithGeneratedActivation);

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message)
        => new(id, title, message, category, severity, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticDescriptors.HelpLink(id));
}
