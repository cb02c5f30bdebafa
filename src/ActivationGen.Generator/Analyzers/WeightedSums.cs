using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ActivationGen.Generator.Analyzers;

/// <summary>
/// Which locals each weight array is summed into (<c>s += w2[k, j] * h[j]</c>), collected from the products of
/// one type, so that weights whose sums all go into a sigmoid, tanh or leaky ReLU (an output layer) are not
/// reported as feeding ReLU units. A product whose sum is not a local makes the weight's destination unknown.
/// </summary>
internal sealed class WeightedSums
{
    private readonly ConcurrentDictionary<ISymbol, ConcurrentBag<ILocalSymbol?>> _targets = new(SymbolEqualityComparer.Default);

    /// <summary>Records that an element of <paramref name="weights"/> is multiplied into <paramref name="sum"/> (null: elsewhere).</summary>
    public void Record(ISymbol weights, ILocalSymbol? sum)
        => _targets.GetOrAdd(weights, _ => new ConcurrentBag<ILocalSymbol?>()).Add(sum);

    /// <summary>Whether an element of <paramref name="weights"/> was seen in a product at all (a layer's weights).</summary>
    public bool IsMultiplied(ISymbol weights) => _targets.ContainsKey(weights);

    /// <summary>
    /// A predicate: true for weights whose every sum is a local that is passed to at least one recognised activation,
    /// and only to forward activations other than ReLU. Unknown destinations, or a sum no activation reads
    /// directly, give false (the rules then judge the weights as before).
    /// </summary>
    public Func<ISymbol, bool> FeedsOnlyNonRelu(List<ActivationApplication> applications)
    {
        var consumers = new Dictionary<ILocalSymbol, List<FormFamily>>(SymbolEqualityComparer.Default);
        foreach (ActivationApplication application in applications)
        {
            if (application.Form.Role == FormRole.Forward && application.Input is { } input
                && TypeActivationScan.Unwrap(input) is ILocalReferenceOperation local)
            {
                if (!consumers.TryGetValue(local.Local, out List<FormFamily>? families))
                {
                    consumers[local.Local] = families = new List<FormFamily>();
                }

                families.Add(application.Form.Family);
            }
        }

        return weights => _targets.TryGetValue(weights, out ConcurrentBag<ILocalSymbol?>? sums)
            && sums.All(sum => sum is not null
                && consumers.TryGetValue(sum, out List<FormFamily>? families)
                && families.All(f => !FormFamilies.DiesBelowZero(f)));
    }
}
