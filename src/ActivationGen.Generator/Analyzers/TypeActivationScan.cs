using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ActivationGen.Generator.Analyzers;

/// <summary>An activation applied somewhere: the operation that applies it, its input, and what it is.</summary>
/// <param name="Operation">The call, ?: or Math.Max that computes the activation (or the clamping if).</param>
/// <param name="Input">The value the activation is applied to, where there is one.</param>
/// <param name="Form">What is applied.</param>
/// <param name="Callee">The method called, for calls.</param>
/// <param name="Method">The member whose body applies it.</param>
internal sealed record ActivationApplication(IOperation Operation, IOperation? Input, ActivationForm Form, IMethodSymbol? Callee, ISymbol? Method = null);

/// <summary>
/// The activations one type writes and applies, collected while the driver walks the type's operations
/// (symbol start → operation actions → symbol end), so nothing outside the type is bound. Method bodies of
/// one real argument are kept so that calls between siblings (SigmoidDerivative calling Sigmoid) and
/// calls from a network to its own activation methods are recognised by evaluating the callee.
/// </summary>
internal sealed class TypeActivationScan
{
    // Calls nest at most this deep (an inline expression's evaluation counts as one level), and one evaluation (of a
    // method at a point, or of an inline expression) runs at most MaxCallsPerEvaluation calls in all: bodies that call
    // a sibling many times, nested a few levels, would otherwise cost (calls per body)^depth evaluations (128 calls
    // over four levels ran a 3.6 KB file for over a minute). An evaluation over budget is "not sure": null.
    private const int MaxCallDepth = 5;
    private const int MaxCallsPerEvaluation = 256;

    private readonly ConcurrentDictionary<IMethodSymbol, IOperation> _bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ActivationForm?> _forms = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentQueue<(IOperation Operation, ISymbol Method)> _candidates = new();

    [ThreadStatic]
    private static int t_callDepth;

    [ThreadStatic]
    private static int t_callBudget;

    public TypeActivationScan(ActivationCatalog catalog, INamedTypeSymbol type)
    {
        Catalog = catalog;
        Type = type;
    }

    public ActivationCatalog Catalog { get; }

    public INamedTypeSymbol Type { get; }

    /// <summary>Methods of one float/double parameter returning float/double, with their bodies.</summary>
    public IEnumerable<KeyValuePair<IMethodSymbol, IOperation>> RealFunctions => _bodies;

    public static bool IsRealFunction(IMethodSymbol method)
        => method.Parameters.Length == 1 && !method.IsGenericMethod && method.Parameters[0].RefKind == RefKind.None
            && method.Parameters[0].Type.SpecialType is SpecialType.System_Single or SpecialType.System_Double
            && method.ReturnType.SpecialType is SpecialType.System_Single or SpecialType.System_Double;

    /// <summary>Operation-block action: keeps the body of a real function of this type.</summary>
    public void AddBody(ISymbol owner, IEnumerable<IOperation> blocks)
    {
        if (owner is not IMethodSymbol method || !IsRealFunction(method))
        {
            return;
        }

        foreach (IOperation block in blocks)
        {
            if (block is IBlockOperation)
            {
                _bodies[method] = block;
                return;
            }
        }
    }

    /// <summary>Operation action: keeps an operation that may apply an activation, judged at symbol end.</summary>
    public void AddCandidate(IOperation operation, ISymbol method)
    {
        switch (operation)
        {
            case IInvocationOperation:
            case IMethodReferenceOperation:
            case IConditionalOperation:
                _candidates.Enqueue((operation, method));
                break;
            case IBinaryOperation { Type.SpecialType: SpecialType.System_Single or SpecialType.System_Double } when UniqueInput(operation) is not null:
                // y * (1 - y), 1 - t * t, σ(u) * (1 - σ(u)): inline derivatives, wherever they sit in a larger expression.
                _candidates.Enqueue((operation, method));
                break;
        }
    }

    /// <summary>Every activation this type applies (call it at symbol end, once every body is in).</summary>
    public List<ActivationApplication> Applications()
    {
        var result = new List<ActivationApplication>();
        foreach ((IOperation candidate, ISymbol method) in _candidates)
        {
            if (Recognize(candidate) is { } application)
            {
                result.Add(application with { Method = method });
            }
        }

        return result;
    }

    /// <summary>What a method computes: a generated family member, or a sibling evaluated at sample points.</summary>
    public ActivationForm? FormOf(IMethodSymbol method)
    {
        if (Catalog.AsGeneratedMember(method) is { } generated)
        {
            return generated.Form;
        }

        IMethodSymbol definition = method.OriginalDefinition;
        return _bodies.ContainsKey(definition) || Catalog.SourceFunctionOf(definition) is not null ? _forms.GetOrAdd(definition, Classify) : null;
    }

    /// <summary>The function a method of one real computes, where this type can tell.</summary>
    public Func<double, double?>? FunctionOf(IMethodSymbol method)
    {
        if (Catalog.GeneratedFunction(method) is { } generated)
        {
            return generated;
        }

        if (!_bodies.TryGetValue(method.OriginalDefinition, out IOperation? body))
        {
            if (Catalog.SourceFunctionOf(method) is not { } source)
            {
                return null;
            }

            body = source.Body;
        }

        IParameterSymbol parameter = method.OriginalDefinition.Parameters[0];
        return x => Evaluate(() => new PointEvaluator(null, FunctionOf).Run(body, parameter, x));
    }

    /// <summary>
    /// Runs one evaluation level: at the top (no evaluation under way on this thread) with a fresh call budget,
    /// nested as one call against it; null beyond <see cref="MaxCallDepth"/> or the budget.
    /// </summary>
    private static double? Evaluate(Func<double?> run)
    {
        if (t_callDepth == 0)
        {
            t_callBudget = MaxCallsPerEvaluation;
        }
        else if (--t_callBudget < 0 || t_callDepth >= MaxCallDepth)
        {
            return null;
        }

        t_callDepth++;
        try
        {
            return run();
        }
        finally
        {
            t_callDepth--;
        }
    }

    /// <summary>Samples a function at the recognition points (null where any is not computable), then at
    /// <see cref="ActivationForms.FarPoint"/> (NaN where that is not computable), the last element.</summary>
    public static double[]? Sample(Func<double, double?> function)
    {
        double[] points = ActivationForms.SamplePoints;
        var values = new double[points.Length + 1];
        for (int i = 0; i < points.Length; i++)
        {
            if (function(points[i]) is not double v)
            {
                return null;
            }

            values[i] = v;
        }

        values[points.Length] = function(ActivationForms.FarPoint) ?? double.NaN;
        return values;
    }

    /// <summary>Evaluates an inline expression with its input bound to z.</summary>
    public Func<double, double?> InlineFunction(IOperation expression, IOperation input)
    {
        SyntaxNode inputSyntax = input.Syntax;
        return z => Evaluate(() => new PointEvaluator(op => op.Syntax.IsEquivalentTo(inputSyntax, topLevel: false) && op.Type is { } t && IsNumber(t) ? z : null, FunctionOf)
            .Evaluate(expression));
    }

    private ActivationForm? Classify(IMethodSymbol method)
        => FunctionOf(method) is { } f && Sample(f) is { } values ? ActivationForms.Recognize(values) : null;

    private ActivationApplication? Recognize(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation invocation when IsMaxOrMin(invocation) && invocation.Arguments.Length == 2:
                {
                    IOperation? input = PickInput(invocation.Arguments[0].Value, invocation.Arguments[1].Value);
                    return input is null ? null : Inline(invocation, input);
                }

            case IInvocationOperation invocation when invocation.Arguments.Length >= 1:
                {
                    ActivationForm? form = FormOfCall(invocation.TargetMethod, invocation.Instance);
                    return form is { } f ? new ActivationApplication(invocation, invocation.Arguments[0].Value, f, invocation.TargetMethod) : null;
                }

            case IMethodReferenceOperation reference:
                {
                    ActivationForm? form = FormOfCall(reference.Method, reference.Instance);
                    return form is { } f ? new ActivationApplication(reference, null, f, reference.Method) : null;
                }

            case IConditionalOperation { Type: { } type, WhenFalse: not null } conditional when IsNumber(type):
                {
                    IOperation? input = ComparedValue(conditional.Condition);
                    return input is null ? null : Inline(conditional, input);
                }

            case IBinaryOperation binary when binary.OperatorMethod is null && binary.Type is { } t && IsNumber(t):
                {
                    IOperation? input = UniqueInput(binary);
                    return input is null ? null : Inline(binary, input);
                }

            case IConditionalOperation { Type: null, WhenFalse: null } clamp:
                // if (h[i] < 0) h[i] = 0;  — ReLU in place.
                return ClampsToZero(clamp) is { } clamped
                    ? new ActivationApplication(clamp, clamped, new ActivationForm(FormFamily.Relu, FormRole.Forward, 0), null)
                    : null;

            default:
                return null;
        }
    }

    private ActivationApplication? Inline(IOperation expression, IOperation input)
    {
        if (Sample(InlineFunction(expression, input)) is not { } values || ActivationForms.Recognize(values) is not { } form)
        {
            return null;
        }

        return new ActivationApplication(expression, input, form, null);
    }

    /// <summary>What a called method applies: generated member, evaluated sibling, or a ReLU by name.</summary>
    private ActivationForm? FormOfCall(IMethodSymbol method, IOperation? instance)
    {
        if (FormOf(method) is { } form)
        {
            return form;
        }

        if (method.Name == "Tanh" && MathLibrary.IsMathMethod(method))
        {
            return new ActivationForm(FormFamily.Tanh, FormRole.Forward, 0);
        }

        if (IsDerivativeName(method.Name))
        {
            return null;
        }

        // Outside this type the body is not bound; a name (or the receiver's type name) that says ReLU is
        // enough to know that ReLU is applied, never enough for any other conclusion.
        if (NetworkNames.IsRelu(method.Name) || (instance?.Type is { } receiver && NetworkNames.IsRelu(receiver.Name)))
        {
            return new ActivationForm(FormFamily.Relu, FormRole.Forward, 0);
        }

        return null;
    }

    public static bool IsDerivativeName(string name)
    {
        string lower = name.ToLowerInvariant();
        return lower.Contains("deriv") || lower.Contains("prime") || lower.Contains("grad") || lower.Contains("backward")
            || lower.StartsWith("d", StringComparison.Ordinal) && name.Length > 1 && char.IsUpper(name[1]);
    }

    /// <summary>The one variable an arithmetic expression reads (a[j] in a[j] * (1 - a[j])), or null.</summary>
    private static IOperation? UniqueInput(IOperation expression)
    {
        IOperation? input = null;
        int nodes = 0;
        var pending = new Stack<IOperation>();
        pending.Push(expression);
        while (pending.Count > 0)
        {
            IOperation node = pending.Pop();
            if (++nodes > 40)
            {
                return null;
            }

            if (node.ConstantValue.HasValue)
            {
                continue;
            }

            switch (node)
            {
                case IBinaryOperation b:
                    pending.Push(b.LeftOperand);
                    pending.Push(b.RightOperand);
                    continue;
                case IUnaryOperation u:
                    pending.Push(u.Operand);
                    continue;
                case IParenthesizedOperation p:
                    pending.Push(p.Operand);
                    continue;
                case IConversionOperation c:
                    pending.Push(c.Operand);
                    continue;
                case IInvocationOperation call when call.Arguments.Length == 1:
                    pending.Push(call.Arguments[0].Value);
                    continue;
                case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IArrayElementReferenceOperation
                    or IPropertyReferenceOperation:
                    if (input is null)
                    {
                        input = node;
                    }
                    else if (!input.Syntax.IsEquivalentTo(node.Syntax, topLevel: false))
                    {
                        return null;
                    }

                    continue;
                default:
                    return null;
            }
        }

        return input;
    }

    private static bool IsMaxOrMin(IInvocationOperation invocation)
        => invocation.TargetMethod.Name is "Max" or "Min" && MathLibrary.IsMathMethod(invocation.TargetMethod);

    /// <summary>Math.Max(0, x) → x; Math.Max(0.01 * x, x) → x (the argument the other one contains).</summary>
    private static IOperation? PickInput(IOperation a, IOperation b)
    {
        a = Unwrap(a);
        b = Unwrap(b);
        if (a.ConstantValue.HasValue)
        {
            return b.ConstantValue.HasValue ? null : b;
        }

        if (b.ConstantValue.HasValue)
        {
            return a;
        }

        if (Contains(a, b.Syntax))
        {
            return b;
        }

        return Contains(b, a.Syntax) ? a : null;
    }

    private static bool Contains(IOperation haystack, SyntaxNode needle)
    {
        foreach (IOperation d in haystack.Descendants())
        {
            if (d.Syntax.IsEquivalentTo(needle, topLevel: false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>x &gt; 0 → x; 0 &lt; x → x: the non-constant side of a comparison with a constant.</summary>
    private static IOperation? ComparedValue(IOperation condition)
    {
        condition = Unwrap(condition);
        if (condition is not IBinaryOperation { OperatorMethod: null } compare
            || compare.OperatorKind is not (BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
                or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual))
        {
            return null;
        }

        IOperation left = Unwrap(compare.LeftOperand), right = Unwrap(compare.RightOperand);
        return right.ConstantValue.HasValue && !left.ConstantValue.HasValue ? left
            : left.ConstantValue.HasValue && !right.ConstantValue.HasValue ? right
            : null;
    }

    /// <summary>if (v &lt; 0) v = 0; → v.</summary>
    private static IOperation? ClampsToZero(IConditionalOperation statement)
    {
        IOperation? value = ComparedValue(statement.Condition);
        IOperation body = statement.WhenTrue is IBlockOperation { Operations.Length: 1 } block ? block.Operations[0] : statement.WhenTrue;
        if (value is null || statement.Condition is not IBinaryOperation compare
            || compare.OperatorKind is not (BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual)
            || !ReferenceEquals(Unwrap(compare.LeftOperand), value) || !IsZero(compare.RightOperand))
        {
            return null;
        }

        return body is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
            && assignment.Target.Syntax.IsEquivalentTo(value.Syntax, topLevel: false) && IsZero(assignment.Value)
            ? value
            : null;
    }

    public static bool IsZero(IOperation operation)
        => operation.ConstantValue is { HasValue: true, Value: { } v } && System.Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) == 0;

    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IParenthesizedOperation p:
                    operation = p.Operand;
                    break;
                case IConversionOperation { IsImplicit: true } c:
                    operation = c.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static bool IsNumber(ITypeSymbol type)
        => type.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Int32 or SpecialType.System_Int64;
}
