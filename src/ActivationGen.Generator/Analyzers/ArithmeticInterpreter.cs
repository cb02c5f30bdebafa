using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ActivationGen.Generator.Analyzers;

/// <summary>
/// Walks the arithmetic subset of C# that hand-written activations and weight initialisers are made of
/// (constants, + − × ÷, unary minus, casts, ?:, calls) and leaves the meaning of each step to a domain:
/// <see cref="PointEvaluator"/> computes numbers (with float rounding where C# rounds to float),
/// <see cref="IntervalEvaluator"/> computes the range of values an initialiser can produce. Anything
/// outside the subset evaluates to null, which every caller treats as "not sure: stay silent".
/// </summary>
/// <typeparam name="T">The domain's value.</typeparam>
internal abstract class ArithmeticInterpreter<T>
    where T : struct
{
    /// <summary>Nesting limit, so a pathological expression cannot make an analyzer slow.</summary>
    private const int MaxDepth = 64;

    private int _depth;

    public T? Evaluate(IOperation? operation)
    {
        if (operation is null || _depth > MaxDepth)
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: { } constant } && TryReal(constant, out double value))
        {
            return Constant(value, operation.Type);
        }

        if (Substitute(operation) is T substituted)
        {
            return substituted;
        }

        _depth++;
        try
        {
            return operation switch
            {
                IParenthesizedOperation p => Evaluate(p.Operand),
                IConversionOperation c when c.OperatorMethod is null => Convert(c, c.Operand),
                IUnaryOperation u when u.OperatorMethod is null => Evaluate(u.Operand) is T v ? Unary(u.OperatorKind, v, u.Type) : null,
                IBinaryOperation b when b.OperatorMethod is null && IsArithmetic(b.OperatorKind)
                    => Evaluate(b.LeftOperand) is T l && Evaluate(b.RightOperand) is T r ? Binary(b.OperatorKind, l, r, b.Type) : null,
                IConditionalOperation c when c.WhenFalse is not null => Conditional(c),
                IInvocationOperation i => Invocation(i),
                _ => Leaf(operation),
            };
        }
        finally
        {
            _depth--;
        }
    }

    protected abstract T? Constant(double value, ITypeSymbol? type);

    /// <summary>A value the caller binds to a whole sub-expression (the input of an inline activation).</summary>
    protected virtual T? Substitute(IOperation operation) => null;

    /// <summary>A value the subset does not compute: a parameter, local, field, array element, property….</summary>
    protected abstract T? Leaf(IOperation operation);

    protected abstract T? Unary(UnaryOperatorKind kind, T operand, ITypeSymbol? type);

    protected abstract T? Binary(BinaryOperatorKind kind, T left, T right, ITypeSymbol? type);

    protected abstract T? Convert(IConversionOperation conversion, IOperation operand);

    protected abstract T? Conditional(IConditionalOperation conditional);

    protected abstract T? Invocation(IInvocationOperation invocation);

    protected static bool IsArithmetic(BinaryOperatorKind kind)
        => kind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide;

    protected static bool IsReal(ITypeSymbol? type)
        => type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double;

    protected static bool IsIntegral(ITypeSymbol? type)
        => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16
            or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32
            or SpecialType.System_UInt64;

    /// <summary>Math.Exp, MathF.Exp, UnityEngine.Mathf.Exp, System.Math.Max…: the member's name, else null.</summary>
    protected static string? MathFunction(IInvocationOperation invocation) => MathLibrary.FunctionName(invocation.TargetMethod);

    private static bool TryReal(object constant, out double value)
    {
        switch (constant)
        {
            case double d: value = d; return true;
            case float f: value = f; return true;
            case int i: value = i; return true;
            case long l: value = l; return true;
            case short s: value = s; return true;
            case byte b: value = b; return true;
            case uint u: value = u; return true;
            default: value = 0; return false;
        }
    }
}
