using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActivationGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ActivationGen.Generator.Analyzers;

/// <summary>
/// AG1001 (one-sided weights), AG1002 (one value), AG1003 (negative bias), AG1006 (scale unrelated to the
/// fan-in), judged at the end of a type from the writes <see cref="ParameterInitializations"/> collected
/// and the ReLU evidence of the type or project. A rule fires only where every write it relies on is
/// understood; any other write to the same variable that could change the picture keeps it silent.
/// </summary>
internal static class InitializationRules
{
    /// <summary>Diagnostic property: the fix that switches the generated ReLU to leaky ReLU applies.</summary>
    public const string LeakyReluAttributeProperty = "LeakyReluAttribute";

    /// <param name="usedInProduct">Which weights count: where the ReLU is only the project's (the type applies none
    /// itself), the weights must be seen in an element-wise product, and biases only count in a type that has such
    /// weights; always, weights whose sums feed only other activations are left out.</param>
    /// <param name="borrowed">The ReLU evidence is the project's, not the type's own.</param>
    public static void Report(SymbolAnalysisContext context, ActivationCatalog catalog, ParameterInitializations writes, ReluEvidence evidence, Func<ISymbol, bool> usedInProduct, bool borrowed)
    {
        var reported = new HashSet<Location>();
        bool layerLike = !borrowed || writes.ByRoot().Any(p => usedInProduct(p.Key) && NetworkNames.IsWeight(p.Key.Name));
        foreach (KeyValuePair<ISymbol, List<ParameterWrite>> pair in writes.ByRoot())
        {
            ISymbol root = pair.Key;
            bool isBias = NetworkNames.IsBias(root.Name) || NetworkNames.IsScalarBias(root.Name);
            if (!layerLike || (!isBias && !usedInProduct(root)))
            {
                continue;
            }

            List<ParameterWrite> all = pair.Value;
            bool collection = ParameterInitializations.IsCollection(TypeOf(root));
            bool weight = collection ? NetworkNames.IsWeight(root.Name) : NetworkNames.IsNumberedWeight(root.Name);
            bool bias = !weight && (collection ? NetworkNames.IsBias(root.Name) : NetworkNames.IsScalarBias(root.Name));
            if (!weight && !bias)
            {
                continue;
            }

            var ranged = new List<(ParameterWrite Write, ValueRange Range)>();
            bool allUnderstood = true;
            foreach (ParameterWrite write in all)
            {
                if (write.Kind == WriteKind.Initialize && write.Value is not null
                    && new IntervalEvaluator(catalog.Random, local => SingleValue(local, write.Value)).Evaluate(write.Value) is ValueRange range
                    && (range.IsRandom || range.IsSingleValue))
                {
                    ranged.Add((write, range));
                }
                else if (write.Kind != WriteKind.Update)
                {
                    allUnderstood = false;
                }
            }

            bool TransformedLater(ParameterWrite write)
                => all.Any(w => w.Kind == WriteKind.Update && SymbolEqualityComparer.Default.Equals(w.Method, write.Method));

            if (weight)
            {
                ReportWeights(context, root, ranged, allUnderstood, TransformedLater, evidence, reported);
            }
            else
            {
                ReportBiases(context, root, ranged, allUnderstood, evidence, reported);
            }
        }
    }

    private static void ReportWeights(
        SymbolAnalysisContext context,
        ISymbol root,
        List<(ParameterWrite Write, ValueRange Range)> ranged,
        bool allUnderstood,
        Func<ParameterWrite, bool> transformedLater,
        ReluEvidence evidence,
        HashSet<Location> reported)
    {
        // AG1002: one value everywhere, and nothing else ever initialises the weights.
        if (allUnderstood && ranged.Count > 0 && ranged.All(r => r.Range.IsSingleValue && r.Range.Lo == ranged[0].Range.Lo)
            && !ranged.Any(r => transformedLater(r.Write)))
        {
            foreach ((ParameterWrite write, ValueRange range) in ranged)
            {
                Emit(context, AnalyzerDescriptors.ConstantWeightInitialization, write, evidence, reported, root.Name, range.ToString(), evidence.Description);
            }

            return;
        }

        foreach ((ParameterWrite write, ValueRange range) in ranged)
        {
            if (!range.IsRandom || transformedLater(write))
            {
                continue;
            }

            if (range.IsOneSided)
            {
                Emit(context, AnalyzerDescriptors.OneSidedWeightInitialization, write, evidence, reported, root.Name, range.ToString(), evidence.Description);
            }
            else if (range.IsTwoSided && !range.HasRuntimeScale)
            {
                Emit(context, AnalyzerDescriptors.ReluInitializationScale, write, evidence, reported, root.Name, evidence.Description, range.ToString());
            }
        }
    }

    private static void ReportBiases(
        SymbolAnalysisContext context,
        ISymbol root,
        List<(ParameterWrite Write, ValueRange Range)> ranged,
        bool allUnderstood,
        ReluEvidence evidence,
        HashSet<Location> reported)
    {
        // A bias that some path sets to 0 or above is not reliably negative: stay silent.
        if (!allUnderstood || ranged.Any(r => r.Range.Hi > 0 || (r.Range.IsSingleValue && r.Range.Lo == 0)))
        {
            return;
        }

        foreach ((ParameterWrite write, ValueRange range) in ranged)
        {
            if (range.IsNegative)
            {
                Emit(context, AnalyzerDescriptors.NegativeBiasBeforeRelu, write, evidence, reported, root.Name, range.ToString(), evidence.Description);
            }
        }
    }

    private static void Emit(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, ParameterWrite write, ReluEvidence evidence, HashSet<Location> reported, params object[] args)
    {
        Location location = ReportLocation(write.Value!);
        if (!reported.Add(location))
        {
            return;
        }

        context.ReportDiagnostic(Create(descriptor, location, evidence, args));
    }

    /// <summary>A diagnostic that carries, where the ReLU is the generator's, its attribute for the leaky ReLU fix.</summary>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, ReluEvidence evidence, params object[] args)
    {
        if (evidence.GeneratedAttribute is { } attribute
            && descriptor.Id is RuleIdentifiers.OneSidedWeightInitialization or RuleIdentifiers.NegativeBiasBeforeRelu or RuleIdentifiers.NarrowDeepReluStack)
        {
            Location attributeLocation = Location.Create(attribute.SyntaxTree, attribute.Span);
            return Diagnostic.Create(
                descriptor,
                location,
                ImmutableArray.Create(attributeLocation),
                ImmutableDictionary<string, string?>.Empty.Add(LeakyReluAttributeProperty, "true"),
                args);
        }

        return Diagnostic.Create(descriptor, location, args);
    }

    /// <summary>An element of an array literal is reported once, on the literal.</summary>
    private static Location ReportLocation(IOperation value)
    {
        IOperation? node = value;
        IOperation? creation = null;
        while (node?.Parent is IArrayInitializerOperation or IArrayCreationOperation)
        {
            node = node.Parent;
            if (node is IArrayCreationOperation)
            {
                creation = node;
            }
        }

        return (creation ?? value).Syntax.GetLocation();
    }

    /// <summary>The one value a local ever holds in its method (its initialiser, never assigned again), or null.</summary>
    public static IOperation? SingleValue(ILocalSymbol local, IOperation within)
    {
        IOperation root = within;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        IOperation? value = null;
        int writes = 0;
        foreach (IOperation d in root.DescendantsAndSelf())
        {
            switch (d)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.Initializer is { } initializer)
                    {
                        value = initializer.Value;
                        writes++;
                    }

                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation t2 } when SymbolEqualityComparer.Default.Equals(t2.Local, local):
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation t3 } when SymbolEqualityComparer.Default.Equals(t3.Local, local):
                    writes++;
                    break;
            }
        }

        return writes == 1 ? value : null;
    }

    public static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol l => l.Type,
        IFieldSymbol f => f.Type,
        IPropertySymbol p => p.Type,
        IParameterSymbol p => p.Type,
        _ => null,
    };
}
