using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ActivationGen.Generator.Analyzers;

/// <summary>
/// Computes a hand-written function at a point, with IEEE semantics: where C# computes in float the
/// result is rounded to float, so MathF.Exp(100f) is +∞ exactly as at run time and an overflow shows up
/// as ∞ or NaN. Runs straight-line method bodies (locals, if/else, return) and expressions; calls to
/// other one-argument functions are resolved by the caller (sibling methods, generated activations).
/// </summary>
internal sealed class PointEvaluator : ArithmeticInterpreter<double>
{
    private const int MaxStatements = 32;

    [ThreadStatic]
    private static int t_overflows;

    [ThreadStatic]
    private static bool t_lastOverflowSingle;

    private readonly Func<IOperation, double?>? _leaf;
    private readonly Func<IMethodSymbol, Func<double, double?>?>? _callees;
    private readonly Dictionary<ISymbol, double> _variables = new(SymbolEqualityComparer.Default);

    /// <param name="leaf">Value bound to a sub-expression (the input of an inline expression), or null.</param>
    /// <param name="callees">The function a called method computes, or null where it is unknown.</param>
    public PointEvaluator(Func<IOperation, double?>? leaf, Func<IMethodSymbol, Func<double, double?>?>? callees)
    {
        _leaf = leaf;
        _callees = callees;
    }

    /// <summary>
    /// How many calls of Exp, Pow, Sinh or Cosh evaluated on this thread so far returned ±∞ from finite arguments
    /// (after rounding to the call's type): the overflows AG2003 names. A caller reads it before and after an
    /// evaluation; nested evaluations of called methods count too.
    /// </summary>
    public static int Overflows => t_overflows;

    /// <summary>Whether the last overflow counted by <see cref="Overflows"/> was in float (else double).</summary>
    public static bool LastOverflowSingle => t_lastOverflowSingle;

    /// <summary>Runs a method body (the block of an operation block) with its one parameter set to x.</summary>
    public double? Run(IOperation body, IParameterSymbol parameter, double x)
    {
        _variables.Clear();
        _variables[parameter] = Round(x, parameter.Type);
        int budget = MaxStatements;
        return Execute(body, ref budget, out double? result) ? result : null;
    }

    protected override double? Constant(double value, ITypeSymbol? type) => Round(value, type);

    protected override double? Substitute(IOperation operation) => _leaf?.Invoke(operation);

    protected override double? Leaf(IOperation operation)
    {
        ISymbol? symbol = operation switch
        {
            ILocalReferenceOperation l => l.Local,
            IParameterReferenceOperation p => p.Parameter,
            _ => null,
        };
        if (symbol is not null && _variables.TryGetValue(symbol, out double value))
        {
            return value;
        }

        return null;
    }

    protected override double? Unary(UnaryOperatorKind kind, double operand, ITypeSymbol? type) => kind switch
    {
        UnaryOperatorKind.Minus => -operand,
        UnaryOperatorKind.Plus => operand,
        _ => null,
    };

    protected override double? Binary(BinaryOperatorKind kind, double left, double right, ITypeSymbol? type)
    {
        if (IsIntegral(type))
        {
            if (kind == BinaryOperatorKind.Divide)
            {
                return right == 0 ? null : Math.Truncate(left / right);
            }
        }
        else if (!IsReal(type))
        {
            return null;
        }

        double result = kind switch
        {
            BinaryOperatorKind.Add => left + right,
            BinaryOperatorKind.Subtract => left - right,
            BinaryOperatorKind.Multiply => left * right,
            _ => left / right,
        };
        return Round(result, type);
    }

    protected override double? Convert(IConversionOperation conversion, IOperation operand)
    {
        if (Evaluate(operand) is not double value)
        {
            return null;
        }

        if (IsIntegral(conversion.Type))
        {
            return double.IsNaN(value) || Math.Abs(value) > int.MaxValue ? null : Math.Truncate(value);
        }

        if (!IsReal(conversion.Type))
        {
            return null;
        }

        // (float)Math.Exp(100): finite in double, +∞ in float; the exponential overflows in the type it is used in.
        double rounded = Round(value, conversion.Type);
        if (double.IsInfinity(rounded) && !double.IsInfinity(value) && !double.IsNaN(value)
            && TypeActivationScan.Unwrap(operand) is IInvocationOperation invocation && MathFunction(invocation) is "Exp" or "Pow" or "Sinh" or "Cosh")
        {
            CountOverflow(conversion.Type);
        }

        return rounded;
    }

    private static void CountOverflow(ITypeSymbol? type)
    {
        t_overflows++;
        t_lastOverflowSingle = type?.SpecialType == SpecialType.System_Single;
    }

    protected override double? Conditional(IConditionalOperation conditional)
        => Condition(conditional.Condition) switch
        {
            true => Evaluate(conditional.WhenTrue),
            false => Evaluate(conditional.WhenFalse),
            null => null,
        };

    protected override double? Invocation(IInvocationOperation invocation)
    {
        var args = new double[invocation.Arguments.Length];
        for (int i = 0; i < args.Length; i++)
        {
            if (Evaluate(invocation.Arguments[i].Value) is not double a)
            {
                return null;
            }

            args[i] = a;
        }

        string? math = MathFunction(invocation);
        if (math is not null)
        {
            if (MathCall(math, args) is not double r)
            {
                return null;
            }

            double rounded = Round(r, invocation.TargetMethod.ReturnType);
            if (math is "Exp" or "Pow" or "Sinh" or "Cosh" && double.IsInfinity(rounded) && Array.TrueForAll(args, a => !double.IsNaN(a) && !double.IsInfinity(a)))
            {
                CountOverflow(invocation.TargetMethod.ReturnType);
            }

            return rounded;
        }

        if (args.Length == 1 && _callees?.Invoke(invocation.TargetMethod) is { } callee)
        {
            return callee(args[0]) is double r ? Round(r, invocation.TargetMethod.ReturnType) : null;
        }

        return null;
    }

    private static double? MathCall(string name, double[] a) => (name, a.Length) switch
    {
        ("Exp", 1) => Math.Exp(a[0]),
        ("Log", 1) => Math.Log(a[0]),
        ("Sqrt", 1) => Math.Sqrt(a[0]),
        ("Abs", 1) => Math.Abs(a[0]),
        ("Tanh", 1) => Math.Tanh(a[0]),
        ("Sinh", 1) => Math.Sinh(a[0]),
        ("Cosh", 1) => Math.Cosh(a[0]),
        ("Pow", 2) => Math.Pow(a[0], a[1]),
        ("Max", 2) => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Max(a[0], a[1]),
        ("Min", 2) => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Min(a[0], a[1]),
        ("Clamp", 3) => !(a[1] <= a[2]) ? null : double.IsNaN(a[0]) ? double.NaN : Math.Min(Math.Max(a[0], a[1]), a[2]),
        _ => null,
    };

    private bool? Condition(IOperation operation)
    {
        switch (operation)
        {
            case IParenthesizedOperation p:
                return Condition(p.Operand);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return !Condition(not.Operand);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return Condition(and.LeftOperand) is bool l && Condition(and.RightOperand) is bool r ? l && r : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return Condition(or.LeftOperand) is bool l2 && Condition(or.RightOperand) is bool r2 ? l2 || r2 : null;
            case IBinaryOperation b when b.OperatorMethod is null:
                if (Evaluate(b.LeftOperand) is not double left || Evaluate(b.RightOperand) is not double right)
                {
                    return null;
                }

                return b.OperatorKind switch
                {
                    BinaryOperatorKind.GreaterThan => left > right,
                    BinaryOperatorKind.GreaterThanOrEqual => left >= right,
                    BinaryOperatorKind.LessThan => left < right,
                    BinaryOperatorKind.LessThanOrEqual => left <= right,
                    BinaryOperatorKind.Equals => left == right,
                    BinaryOperatorKind.NotEquals => left != right,
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>Runs a statement; returns false where it leaves the subset. Sets result on return.</summary>
    private bool Execute(IOperation statement, ref int budget, out double? result)
    {
        result = null;
        if (--budget < 0)
        {
            return false;
        }

        switch (statement)
        {
            case IBlockOperation block:
                foreach (IOperation inner in block.Operations)
                {
                    if (!Execute(inner, ref budget, out result))
                    {
                        return false;
                    }

                    if (result is not null)
                    {
                        return true;
                    }
                }

                return true;

            case IReturnOperation { ReturnedValue: { } value }:
                result = Evaluate(value);
                return result is not null;

            case IVariableDeclarationGroupOperation group:
                foreach (IVariableDeclarationOperation declaration in group.Declarations)
                {
                    foreach (IVariableDeclaratorOperation declarator in declaration.Declarators)
                    {
                        IVariableInitializerOperation? initializer = declarator.Initializer ?? declaration.Initializer;
                        if (initializer is null || Evaluate(initializer.Value) is not double v)
                        {
                            return false;
                        }

                        _variables[declarator.Symbol] = v;
                    }
                }

                return true;

            case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment }:
                if (Evaluate(assignment.Value) is not double assigned)
                {
                    return false;
                }

                _variables[local.Local] = assigned;
                return true;

            case IExpressionStatementOperation { Operation: ICompoundAssignmentOperation { Target: ILocalReferenceOperation local } compound }
                when compound.OperatorMethod is null && IsArithmetic(compound.OperatorKind):
                if (!_variables.TryGetValue(local.Local, out double current) || Evaluate(compound.Value) is not double operand
                    || Binary(compound.OperatorKind, current, operand, compound.Type) is not double updated)
                {
                    return false;
                }

                _variables[local.Local] = updated;
                return true;

            case IConditionalOperation { Type: null } branch:
                bool? taken = Condition(branch.Condition);
                if (taken is null)
                {
                    return false;
                }

                IOperation? chosen = taken.Value ? branch.WhenTrue : branch.WhenFalse;
                return chosen is null || Execute(chosen, ref budget, out result);

            case IEmptyOperation:
                return true;

            default:
                return false;
        }
    }

    private static double Round(double value, ITypeSymbol? type)
        => type?.SpecialType == SpecialType.System_Single ? (float)value : value;
}
