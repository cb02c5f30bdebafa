using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ActivationGen.Generator.Analyzers;

/// <summary>How an operation writes a weight or bias.</summary>
internal enum WriteKind
{
    /// <summary>Sets elements (or a scalar) to a value that does not read the parameter: an initialisation.</summary>
    Initialize,

    /// <summary>Updates from the current value (w[i] -= lr * g, w[i] = 2 * w[i] - 1): training or a transform.</summary>
    Update,

    /// <summary>Passed by ref/out or to a method that may fill it (Randomize(w), Array.Copy(src, w)).</summary>
    Escape,
}

/// <summary>One write to a (root) variable: w[i][j] = value has root w.</summary>
/// <param name="Root">The field, property, local or parameter at the root of the element access.</param>
/// <param name="Kind">What the write does.</param>
/// <param name="Value">The value written (Initialize), or null.</param>
/// <param name="Method">The method (or constructor, or null for a field initialiser) containing the write.</param>
/// <param name="IsElement">Whether elements are written (w[i] = …) rather than the variable itself.</param>
internal sealed record ParameterWrite(ISymbol Root, WriteKind Kind, IOperation? Value, ISymbol? Method, bool IsElement)
{
    public string Name => Root.Name;
}

/// <summary>
/// Collects, per type, the writes to variables that may be weights or biases: element assignments
/// (w[i] = …, W[j][i] = …, W[i, j] = …, span and List indexers), Array.Fill, List.Add of a value or a
/// row, field and local initialisers (constant array literals, Enumerable.Repeat, Select(_ =&gt; …)),
/// and local rows later stored into a weight collection (row[i] = …; weights.Add(row)).
/// </summary>
internal sealed class ParameterInitializations
{
    private readonly ConcurrentQueue<ParameterWrite> _writes = new();
    private readonly ConcurrentDictionary<ISymbol, ISymbol> _aliases = new(SymbolEqualityComparer.Default);

    /// <summary>Writes grouped by root, with local rows resolved to the collection they are stored in.</summary>
    public Dictionary<ISymbol, List<ParameterWrite>> ByRoot()
    {
        var result = new Dictionary<ISymbol, List<ParameterWrite>>(SymbolEqualityComparer.Default);
        foreach (ParameterWrite write in _writes)
        {
            ISymbol root = write.Root;
            for (int hops = 0; hops < 4 && _aliases.TryGetValue(root, out ISymbol? target); hops++)
            {
                root = target;
            }

            if (!result.TryGetValue(root, out List<ParameterWrite>? list))
            {
                result[root] = list = new List<ParameterWrite>();
            }

            list.Add(write with { Root = root });
        }

        return result;
    }

    public void OnAssignment(IAssignmentOperation assignment, ISymbol? method)
    {
        if (Root(assignment.Target, out int depth) is not { } root)
        {
            return;
        }

        if (assignment is ICompoundAssignmentOperation || ReadsFrom(assignment.Value, root))
        {
            _writes.Enqueue(new ParameterWrite(root, WriteKind.Update, null, method, depth > 0));
            return;
        }

        if (depth > 0 && Root(TypeActivationScan.Unwrap(assignment.Value), out _) is ILocalSymbol row && IsCollection(assignment.Value.Type))
        {
            // W[i] = row: the local row's elements are elements of W.
            _aliases[row] = root;
            return;
        }

        if (depth == 0 && Root(TypeActivationScan.Unwrap(assignment.Value), out _) is ILocalSymbol local && IsCollection(assignment.Value.Type))
        {
            _aliases[local] = root;
            return;
        }

        AddValue(root, assignment.Value, method, depth > 0);
    }

    public void OnInitializer(IEnumerable<ISymbol> targets, IOperation value, ISymbol? method)
    {
        foreach (ISymbol target in targets)
        {
            AddValue(target, value, method, isElement: false);
        }
    }

    public void OnInvocation(IInvocationOperation invocation, ISymbol? method)
    {
        IMethodSymbol target = invocation.TargetMethod;
        if (target is { Name: "Fill", IsStatic: true, ContainingType.Name: "Array" } && invocation.Arguments.Length == 2
            && Root(invocation.Arguments[0].Value, out _) is { } filled)
        {
            _writes.Enqueue(new ParameterWrite(filled, WriteKind.Initialize, invocation.Arguments[1].Value, method, true));
            return;
        }

        if (target.Name is "Add" or "Insert" && invocation.Instance is { } list && Root(list, out _) is { } collection && invocation.Arguments.Length >= 1)
        {
            IOperation added = invocation.Arguments[invocation.Arguments.Length - 1].Value;
            if (Root(TypeActivationScan.Unwrap(added), out _) is ILocalSymbol row && IsCollection(added.Type))
            {
                _aliases[row] = collection;
                return;
            }

            AddValue(collection, added, method, isElement: true, elementOfCollection: !IsCollection(added.Type));
            return;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is { } p && Root(argument.Value, out int depth) is { } root && IsCollection(argument.Value.Type) && depth == 0
                && (p.RefKind is RefKind.Ref or RefKind.Out || !IsReadOnlyUse(target)))
            {
                _writes.Enqueue(new ParameterWrite(root, WriteKind.Escape, null, method, false));
            }
        }
    }

    /// <summary>Reads that leave an array as it is (so passing it there does not hide another initialisation).</summary>
    private static bool IsReadOnlyUse(IMethodSymbol method)
        => method.ContainingType?.ContainingNamespace?.ToDisplayString() is "System.Linq" || method.Name is "WriteLine" or "Write" or "Sum" or "Max" or "Min" or "Average";

    private void AddValue(ISymbol root, IOperation value, ISymbol? method, bool isElement, bool elementOfCollection = true)
    {
        IOperation unwrapped = TypeActivationScan.Unwrap(value);
        if (isElement && !IsCollection(value.Type) && elementOfCollection)
        {
            _writes.Enqueue(new ParameterWrite(root, WriteKind.Initialize, value, method, true));
            return;
        }

        foreach (IOperation element in ElementValues(unwrapped))
        {
            _writes.Enqueue(new ParameterWrite(root, WriteKind.Initialize, element, method, true));
        }

        if (!isElement && !IsCollection(value.Type))
        {
            // A scalar (w1 = rng.NextDouble()).
            _writes.Enqueue(new ParameterWrite(root, WriteKind.Initialize, value, method, false));
        }
    }

    /// <summary>
    /// The values an array-producing expression puts in its elements: the items of an array literal, the
    /// value of Enumerable.Repeat, the lambda result of Select(_ =&gt; …). Empty where it cannot tell
    /// (new double[n] stays empty: zero until something else writes it).
    /// </summary>
    private static IEnumerable<IOperation> ElementValues(IOperation value)
    {
        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (IOperation item in initializer.ElementValues)
                {
                    if (item is IArrayInitializerOperation nested)
                    {
                        foreach (IOperation inner in nested.ElementValues)
                        {
                            yield return inner;
                        }
                    }
                    else if (!IsCollection(item.Type))
                    {
                        yield return item;
                    }
                }

                break;

            case IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList" } materialize:
                IOperation? source = materialize.Instance ?? (materialize.Arguments.Length > 0 ? materialize.Arguments[0].Value : null);
                if (source is not null)
                {
                    foreach (IOperation item in ElementValues(TypeActivationScan.Unwrap(source)))
                    {
                        yield return item;
                    }
                }

                break;

            case IInvocationOperation { TargetMethod: { Name: "Repeat", ContainingType.Name: "Enumerable" } } repeat when repeat.Arguments.Length == 2:
                yield return repeat.Arguments[0].Value;
                break;

            case IInvocationOperation { TargetMethod: { Name: "Select", ContainingType.Name: "Enumerable" } } select when select.Arguments.Length == 2:
                if (TypeActivationScan.Unwrap(select.Arguments[1].Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                    && lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } result }
                    && !IsCollection(result.Type) && !ReadsParameter(result, lambda.Symbol))
                {
                    yield return result;
                }

                break;
        }
    }

    private static bool ReadsParameter(IOperation value, IMethodSymbol lambda)
        => value.DescendantsAndSelf().Any(d => d is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter.ContainingSymbol, lambda));

    private static bool ReadsFrom(IOperation value, ISymbol root)
    {
        foreach (IOperation d in value.DescendantsAndSelf())
        {
            if (Symbol(d) is { } s && SymbolEqualityComparer.Default.Equals(s, root))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The variable at the root of w[i][j], W[i, j], layer.Weights[i], span[i], list[i][j].</summary>
    public static ISymbol? Root(IOperation target, out int depth)
    {
        depth = 0;
        IOperation current = target;
        while (true)
        {
            switch (current)
            {
                case IArrayElementReferenceOperation element:
                    depth++;
                    current = element.ArrayReference;
                    continue;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance }:
                    depth++;
                    current = instance;
                    continue;
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    current = parenthesized.Operand;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "AsSpan", Arguments.Length: >= 1 } asSpan:
                    current = asSpan.Arguments[0].Value;
                    continue;
            }

            return Symbol(current);
        }
    }

    private static ISymbol? Symbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation l => l.Local,
        IFieldReferenceOperation f => f.Field,
        IPropertyReferenceOperation { Property.IsIndexer: false } p => p.Property,
        IParameterReferenceOperation p => p.Parameter,
        _ => null,
    };

    public static bool IsCollection(ITypeSymbol? type)
        => type is IArrayTypeSymbol
            || (type is INamedTypeSymbol named && (named.Name is "List" or "Span" or "Memory" or "IList" or "ReadOnlySpan" && named.IsGenericType));
}
