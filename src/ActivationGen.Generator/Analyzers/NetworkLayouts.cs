using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ActivationGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ActivationGen.Generator.Analyzers;

/// <summary>
/// The shape of a hand-written network as far as it is written down in one type: layer-size arrays
/// (AG1005), sequences of layer objects and the value a network's forward method returns (AG1004).
/// </summary>
internal sealed class NetworkLayouts
{
    /// <summary>Diagnostic property on AG1004: what the identity fix does ("Remove" a ReLU layer,
    /// "Unwrap" a ReLU call to its argument, "Member" to switch an enum argument).</summary>
    public const string OutputFixProperty = "OutputFix";

    /// <summary>Diagnostic property: enum members the activation argument can switch to ("Identity,Sigmoid").</summary>
    public const string ReplacementMembersProperty = "ReplacementMembers";

    private readonly ConcurrentQueue<(IOperation Collection, ISymbol Method)> _collections = new();
    private readonly ConcurrentQueue<(IInvocationOperation Add, ISymbol Method)> _adds = new();
    private readonly ConcurrentQueue<(IReturnOperation Return, ISymbol Method)> _returns = new();

    public void OnCollection(IOperation operation, ISymbol method) => _collections.Enqueue((operation, method));

    public void OnInvocation(IInvocationOperation invocation, ISymbol method)
    {
        if (invocation.TargetMethod.Name is "Add" or "AddLayer" or "Append" && invocation.Arguments.Length == 1
            && invocation.Parent is IExpressionStatementOperation && invocation.Instance is not null
            && TypeActivationScan.Unwrap(invocation.Arguments[0].Value) is IObjectCreationOperation)
        {
            _adds.Enqueue((invocation, method));
        }
    }

    public void OnReturn(IReturnOperation operation, ISymbol method)
    {
        if (operation.ReturnedValue is not null && method is IMethodSymbol { MethodKind: MethodKind.Ordinary } m && NetworkNames.IsForwardMethod(m.Name)
            && !InsideLambdaOrLocalFunction(operation))
        {
            _returns.Enqueue((operation, method));
        }
    }

    /// <summary>
    /// A return inside a lambda or local function (<c>layer.Select(n =&gt; n.Output)</c>) is not what the forward
    /// method returns; the operation action reports it with the enclosing method as its containing symbol.
    /// </summary>
    private static bool InsideLambdaOrLocalFunction(IOperation operation)
    {
        for (IOperation? node = operation.Parent; node is not null; node = node.Parent)
        {
            if (node is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    public void Report(SymbolAnalysisContext context, TypeActivationScan scan, List<ActivationApplication> applications, ReluEvidence? evidence)
    {
        var reported = new HashSet<Location>();
        foreach ((IOperation collection, ISymbol method) in _collections)
        {
            ImmutableArray<IOperation> elements = Elements(collection);
            if (elements.Length >= 3 && elements.All(e => IsIntConstant(e)))
            {
                ReportDepth(context, scan, applications, collection, elements, evidence);
            }
            else if (elements.Length >= 2 && elements.All(e => TypeActivationScan.Unwrap(e) is IObjectCreationOperation) && IsWholeNetwork(collection, method))
            {
                ReportLastLayer(context, scan, (IObjectCreationOperation)TypeActivationScan.Unwrap(elements[elements.Length - 1]), "the last layer of '" + TargetName(collection, method) + "'", reported);
            }
        }

        // The layers added to one receiver in one method, in the order of the text: a ReLU added in a loop's body is
        // not the output when the method adds more layers after the loop (ConvNetSharp's `for (…) { net.AddLayer(new
        // FullyConnLayer(n)); net.AddLayer(new ReluLayer()); }` followed by the output layers).
        foreach (IGrouping<(ISymbol Method, string Receiver), (IInvocationOperation Add, ISymbol Method)> group in _adds.GroupBy(a => (a.Method, a.Add.Instance!.Syntax.ToString()), AddGroupComparer.Instance))
        {
            var sequence = group.OrderBy(a => a.Add.Syntax.SpanStart).ToList();
            string receiver = group.Key.Receiver;
            IInvocationOperation lastAdd = sequence[sequence.Count - 1].Add;
            if (sequence.Count >= 2 && NetworkNames.IsLayerCollection(receiver.Split('.').Last()) && !Conditional(lastAdd))
            {
                var last = (IObjectCreationOperation)TypeActivationScan.Unwrap(lastAdd.Arguments[0].Value);
                ReportLastLayer(context, scan, last, "the last layer added to '" + receiver + "'", reported);
            }
        }

        if (NetworkNames.IsNetworkType(scan.Type.Name))
        {
            foreach ((IReturnOperation ret, ISymbol method) in _returns)
            {
                if (ReluProducing(ret.ReturnedValue!, applications, ret, depth: 0) is { } relu && reported.Add(relu.Operation.Syntax.GetLocation()))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        AnalyzerDescriptors.ReluOnOutputLayer,
                        relu.Operation.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(OutputFixProperty, "Unwrap"),
                        ReluEvidence.Snippet(relu.Operation.Syntax),
                        "returned by '" + method.Name + "'"));
                }
            }
        }
    }

    /// <summary>
    /// Whether an Add runs only on some paths (inside an if, a switch, a ?: or a catch): the last Add in the text
    /// is then not known to be the last layer (<c>if (classify) net.Add(new Softmax()); else net.Add(new ReLU());</c>).
    /// </summary>
    private static bool Conditional(IOperation add)
    {
        for (IOperation? node = add.Parent; node is not null; node = node.Parent)
        {
            if (node is IConditionalOperation or ISwitchOperation or ISwitchExpressionOperation or ICatchClauseOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>AG1005: int[] {in, h1, …, hL, out} of a plain-ReLU network.</summary>
    private static void ReportDepth(SymbolAnalysisContext context, TypeActivationScan scan, List<ActivationApplication> applications, IOperation collection, ImmutableArray<IOperation> elements, ReluEvidence? evidence)
    {
        string? name = TargetName(collection);
        if (name is null || !(NetworkNames.IsLayerSizes(name) || NetworkNames.IsHidden(name)))
        {
            return;
        }

        bool? relu = ActivationArgument(collection, out IOperation? marker);
        if (relu is null)
        {
            // No activation passed with the sizes: the type must apply ReLU itself and no other hidden activation.
            bool appliesRelu = evidence is not null && !evidence.Description.StartsWith("this project", StringComparison.Ordinal);
            bool other = applications.Any(a => a.Form.Role == FormRole.Forward && a.Form.Family is FormFamily.LeakyRelu or FormFamily.Elu or FormFamily.Tanh);
            relu = appliesRelu && !other;
        }

        if (relu != true)
        {
            return;
        }

        int[] sizes = elements.Select(e => Convert.ToInt32(e.ConstantValue.Value, CultureInfo.InvariantCulture)).ToArray();
        int[] hidden = NetworkNames.IsHidden(name) ? sizes : sizes.Skip(1).Take(sizes.Length - 2).ToArray();
        if (hidden.Length < 2 || hidden.Any(n => n <= 0))
        {
            return;
        }

        double alive = 1;
        foreach (int n in hidden)
        {
            alive *= 1 - Math.Pow(2, -n);
        }

        double dead = 1 - alive;
        double threshold = AnalyzerSettings.DeadNeuronProbabilityThreshold(context.Options, collection.Syntax.SyntaxTree);
        if (dead <= threshold)
        {
            return;
        }

        object[] args =
        [
            "[" + string.Join(", ", hidden) + "]",
            dead.ToString("P1", CultureInfo.InvariantCulture),
            hidden.Length,
            threshold.ToString("P0", CultureInfo.InvariantCulture),
        ];
        Location location = collection.Syntax.GetLocation();
        if (marker is IFieldReferenceOperation { Field.ContainingType: { TypeKind: TypeKind.Enum } enumType } && LeakyMember(enumType) is { } leaky)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                AnalyzerDescriptors.NarrowDeepReluStack,
                location,
                ImmutableArray.Create(marker.Syntax.GetLocation()),
                ImmutableDictionary<string, string?>.Empty.Add(ReplacementMembersProperty, leaky),
                args));
            return;
        }

        context.ReportDiagnostic(evidence is not null && relu == true && marker is null
            ? InitializationRules.Create(AnalyzerDescriptors.NarrowDeepReluStack, location, evidence, args)
            : Diagnostic.Create(AnalyzerDescriptors.NarrowDeepReluStack, location, args));
    }

    private static void ReportLastLayer(SymbolAnalysisContext context, TypeActivationScan scan, IObjectCreationOperation last, string where, HashSet<Location> reported)
    {
        IOperation? marker = null;
        if (last.Type is { } type && NetworkNames.IsRelu(type.Name))
        {
            marker = last;
        }
        else if (ActivationArgument(last, out IOperation? argument) == true)
        {
            marker = argument;
        }

        if (marker is null || !reported.Add(marker.Syntax.GetLocation()))
        {
            return;
        }

        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
        if (ReferenceEquals(marker, last))
        {
            properties = properties.Add(OutputFixProperty, "Remove");
        }
        else if (marker is IFieldReferenceOperation { Field.ContainingType: { TypeKind: TypeKind.Enum } enumType } && OutputMembers(enumType) is { } members)
        {
            properties = properties.Add(OutputFixProperty, "Member").Add(ReplacementMembersProperty, members);
        }

        context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.ReluOnOutputLayer, marker.Syntax.GetLocation(), properties, ReluEvidence.Snippet(marker.Syntax), "(" + where + ")"));
    }

    /// <summary>
    /// Whether an activation argument given with a layer (or with a sizes array) is ReLU (true), another
    /// activation (false), or absent (null). Activation arguments: an enum member, an activation object, a
    /// method group, or a name string ("relu").
    /// </summary>
    private static bool? ActivationArgument(IOperation operation, out IOperation? marker)
    {
        marker = null;
        IOperation? call = operation is IObjectCreationOperation or IInvocationOperation ? operation : operation.Parent is IArgumentOperation a ? a.Parent : null;
        ImmutableArray<IArgumentOperation> arguments = call switch
        {
            IObjectCreationOperation creation => creation.Arguments,
            IInvocationOperation invocation => invocation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        foreach (IArgumentOperation argument in arguments)
        {
            IOperation value = TypeActivationScan.Unwrap(argument.Value);
            string? name = value switch
            {
                IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Enum } field => field.Field.Name,
                IObjectCreationOperation { Type: { } t } when t.Name.IndexOf("activation", StringComparison.OrdinalIgnoreCase) >= 0 || NetworkNames.IsRelu(t.Name) || NetworkNames.IsSigmoid(t.Name) => t.Name,
                IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => reference.Method.Name,
                ILiteralOperation { ConstantValue.Value: string s } when s.Length <= 16 => s,
                _ => null,
            };
            if (name is null)
            {
                continue;
            }

            marker = value;
            if (NetworkNames.IsRelu(name))
            {
                return true;
            }

            if (NetworkNames.IsLeakyRelu(name) || NetworkNames.IsSigmoid(name) || NetworkNames.IsIdentity(name)
                || name.IndexOf("tanh", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("softmax", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return false;
            }

            marker = null;
        }

        return null;
    }

    /// <summary>Members of an activation enum that give a non-ReLU output: identity/linear first, then sigmoid.</summary>
    private static string? OutputMembers(INamedTypeSymbol enumType)
    {
        var names = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name).ToList();
        var chosen = names.Where(NetworkNames.IsIdentity).Concat(names.Where(NetworkNames.IsSigmoid)).ToList();
        return chosen.Count == 0 ? null : string.Join(",", chosen);
    }

    private static string? LeakyMember(INamedTypeSymbol enumType)
        => enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && f.Name.IndexOf("leaky", StringComparison.OrdinalIgnoreCase) >= 0)?.Name;

    /// <summary>Is the returned value the output of a ReLU: directly, or through the local/field it returns?</summary>
    private static ActivationApplication? ReluProducing(IOperation value, List<ActivationApplication> applications, IOperation context, int depth)
    {
        value = TypeActivationScan.Unwrap(value);
        if (depth > 3)
        {
            return null;
        }

        if (AsRelu(value, applications) is { } direct)
        {
            return direct;
        }

        ISymbol? variable = ParameterInitializations.Root(value, out int indexDepth);
        if (variable is null || indexDepth > 0 || variable is IParameterSymbol || !OwnStorage(value))
        {
            return null;
        }

        IOperation root = context;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        ActivationApplication? elementRelu = null;
        bool allElementsRelu = true;
        var wholeWrites = new List<IOperation>();
        foreach (IOperation d in root.Descendants())
        {
            if (d.Syntax.SpanStart > context.Syntax.SpanStart)
            {
                break;
            }

            if (d is ISimpleAssignmentOperation assignment && ParameterInitializations.Root(assignment.Target, out int targetDepth) is { } target
                && SymbolEqualityComparer.Default.Equals(target, variable))
            {
                if (targetDepth > 0)
                {
                    ActivationApplication? relu = AsRelu(TypeActivationScan.Unwrap(assignment.Value), applications);
                    allElementsRelu &= relu is not null;
                    elementRelu ??= relu;
                }
                else
                {
                    wholeWrites.Add(assignment.Value);
                }
            }
            else if (d is IVariableDeclaratorOperation { Initializer: { } init } declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, variable))
            {
                wholeWrites.Add(init.Value);
            }
            else if (d is IInvocationOperation { Arguments.Length: 2 } call && AsRelu(call, applications) is { } spanRelu
                && ParameterInitializations.Root(call.Arguments[1].Value, out _) is { } destination && SymbolEqualityComparer.Default.Equals(destination, variable))
            {
                elementRelu ??= spanRelu;
            }
        }

        if (elementRelu is not null && allElementsRelu)
        {
            return elementRelu;
        }

        // The variable's value comes from a ReLU only if every write does, apart from starting values (an
        // allocation, or the method's input as in `a = input; for (…) a = Layer(a);`): with
        // `if (sigmoid) h = Sigmoid(s); else h = Relu(s);` the last write in the text is only one branch.
        if (wholeWrites.Count > 0 && TypeActivationScan.Unwrap(wholeWrites[wholeWrites.Count - 1]) is not IArrayCreationOperation)
        {
            ActivationApplication? last = null;
            foreach (IOperation write in wholeWrites)
            {
                if (TypeActivationScan.Unwrap(write) is IArrayCreationOperation or IParameterReferenceOperation)
                {
                    continue;
                }

                last = ReluProducing(write, applications, write, depth + 1);
                if (last is null)
                {
                    return null;
                }
            }

            return last;
        }

        return null;
    }

    /// <summary>
    /// A local, a static member, or a member of this instance: storage whose writes the type's own code shows.
    /// A member of another object (<c>neuron.Output</c>) is shared by every instance and its writes in this type
    /// say nothing about the value returned. Called on values that are not indexed (their root has depth 0).
    /// </summary>
    private static bool OwnStorage(IOperation value)
        => TypeActivationScan.Unwrap(value) is not IMemberReferenceOperation { Instance: { } instance }
            || TypeActivationScan.Unwrap(instance) is IInstanceReferenceOperation;

    private static ActivationApplication? AsRelu(IOperation operation, List<ActivationApplication> applications)
    {
        foreach (ActivationApplication a in applications)
        {
            if (a.Form is { Family: FormFamily.Relu, Role: FormRole.Forward } && ReferenceEquals(TypeActivationScan.Unwrap(a.Operation), operation))
            {
                return a;
            }
        }

        // xs.Select(Relu).ToArray()
        if (operation is IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList" } materialize
            && (materialize.Instance ?? (materialize.Arguments.Length > 0 ? materialize.Arguments[0].Value : null)) is { } source
            && TypeActivationScan.Unwrap(source) is IInvocationOperation { TargetMethod.Name: "Select" } select)
        {
            foreach (IOperation d in select.Descendants())
            {
                if (AsReluDirect(d, applications) is { } inner)
                {
                    return inner;
                }
            }
        }

        return null;
    }

    private static ActivationApplication? AsReluDirect(IOperation operation, List<ActivationApplication> applications)
        => applications.FirstOrDefault(a => a.Form is { Family: FormFamily.Relu, Role: FormRole.Forward } && ReferenceEquals(a.Operation, operation));

    private static ImmutableArray<IOperation> Elements(IOperation collection) => collection switch
    {
        IArrayCreationOperation { Initializer: { } init } when init.ElementValues.All(e => e is not IArrayInitializerOperation) => init.ElementValues,
        ICollectionExpressionOperation expression => expression.Elements,
        IObjectOrCollectionInitializerOperation initializer when initializer.Initializers.All(i => i is IInvocationOperation { Arguments.Length: 1 })
            => initializer.Initializers.Select(i => ((IInvocationOperation)i).Arguments[0].Value).ToImmutableArray(),
        _ => ImmutableArray<IOperation>.Empty,
    };

    private static bool IsIntConstant(IOperation operation)
        => operation.ConstantValue is { HasValue: true, Value: int };

    /// <summary>Whether a collection of layers is the whole network (not, say, its hidden part).</summary>
    private static bool IsWholeNetwork(IOperation collection, ISymbol method)
    {
        string? name = TargetName(collection, method);
        if (name is null || NetworkNames.IsHidden(name))
        {
            return false;
        }

        IOperation node = collection;
        while (node.Parent is IConversionOperation or IArrayCreationOperation)
        {
            node = node.Parent;
        }

        bool passedToNetwork = node.Parent is IArgumentOperation { Parent: IObjectCreationOperation { Type: { } t } }
            && (NetworkNames.IsNetworkType(t.Name) || t.Name == "Sequential");
        return passedToNetwork || NetworkNames.IsLayerCollection(name) || NetworkNames.IsNetworkType(name);
    }

    /// <summary>The variable, field, property or parameter a collection is stored in or passed as.</summary>
    private static string? TargetName(IOperation collection, ISymbol? method = null)
    {
        IOperation node = collection;
        if (node is IObjectOrCollectionInitializerOperation && node.Parent is IObjectCreationOperation creation)
        {
            node = creation;
        }

        while (node.Parent is IConversionOperation conversion)
        {
            node = conversion;
        }

        return node.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
            IFieldInitializerOperation field => field.InitializedFields.FirstOrDefault()?.Name,
            IPropertyInitializerOperation property => property.InitializedProperties.FirstOrDefault()?.Name,
            ISimpleAssignmentOperation assignment => ParameterInitializations.Root(assignment.Target, out _)?.Name,
            IArgumentOperation { Parameter: { } parameter } => parameter.Name,
            IReturnOperation => (method as IMethodSymbol)?.Name,
            _ => null,
        };
    }

    /// <summary>Groups Adds by method (symbol equality) and receiver text.</summary>
    private sealed class AddGroupComparer : IEqualityComparer<(ISymbol Method, string Receiver)>
    {
        public static readonly AddGroupComparer Instance = new();

        public bool Equals((ISymbol Method, string Receiver) x, (ISymbol Method, string Receiver) y)
            => SymbolEqualityComparer.Default.Equals(x.Method, y.Method) && x.Receiver == y.Receiver;

        public int GetHashCode((ISymbol Method, string Receiver) obj)
            => (SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 397) ^ StringComparer.Ordinal.GetHashCode(obj.Receiver);
    }
}
