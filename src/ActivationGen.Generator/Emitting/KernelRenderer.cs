using System;
using System.Collections.Generic;
using ActivationGen.Generator.Numerics;

namespace ActivationGen.Generator.Emitting;

/// <summary>A local the kernel declares before its results: <c>var name = value;</c>.</summary>
internal sealed record KernelLocal(string Name, string Value, string? Comment, ValueKind Kind);

/// <summary>A kernel rendered for one backend: locals in dependency order, then one expression per root.</summary>
internal sealed record RenderedKernel(IReadOnlyList<KernelLocal> Locals, IReadOnlyList<string> Results);

/// <summary>
/// Turns expression trees into C# for one backend. Each <see cref="LetExpr"/> becomes one local the
/// first time it is needed, so values shared by several roots (forward and derivative) are computed once.
/// </summary>
internal sealed class KernelRenderer
{
    // C# precedence, high binds tighter.
    private const int Primary = 100;
    private const int Unary = 90;
    private const int Multiplicative = 80;
    private const int Additive = 70;
    private const int Relational = 60;
    private const int Conditional = 10;

    private readonly KernelSyntax _syntax;
    private readonly Func<KernelInput, string> _inputName;
    private readonly NameScope _names;
    private readonly string? _absOfInput;
    private readonly Dictionary<LetExpr, string> _rendered = new();
    private readonly List<KernelLocal> _locals = new();

    private KernelRenderer(KernelSyntax syntax, Func<KernelInput, string> inputName, NameScope names, string? absOfInput)
    {
        _syntax = syntax;
        _inputName = inputName;
        _names = names;
        _absOfInput = absOfInput;
    }

    /// <param name="absOfInput">Where set, the name of a value the caller already holds for |z| (or |y|): Abs of the
    /// kernel's first input renders as that name instead of being computed again.</param>
    public static RenderedKernel Render(KernelSyntax syntax, IReadOnlyList<Expr> roots, Func<KernelInput, string> inputName, NameScope names, string? absOfInput = null)
    {
        var renderer = new KernelRenderer(syntax, inputName, names, absOfInput);
        var results = new List<string>(roots.Count);
        foreach (Expr root in roots)
        {
            results.Add(renderer.Emit(root, insideInteger: false).Text);
        }

        return new RenderedKernel(renderer._locals, results);
    }

    private (string Text, int Precedence) Emit(Expr expr, bool insideInteger)
    {
        // Scalar C# may compile in a checked context (CheckForOverflowUnderflow); the integer steps of
        // exp rely on wrap-around-free but sign-reinterpreting arithmetic, so wrap them in unchecked.
        if (_syntax.NeedsUnchecked && !insideInteger && expr is BinaryExpr { Kind: ValueKind.Integer } or ShiftExpr)
        {
            return ("unchecked(" + EmitCore(expr).Text + ")", Primary);
        }

        return EmitCore(expr);
    }

    private (string Text, int Precedence) EmitCore(Expr expr)
    {
        bool integer = expr.Kind == ValueKind.Integer;
        switch (expr)
        {
            case LetExpr let:
                return (Local(let), Primary);

            case InputExpr input:
                return (_inputName(input.Input), Primary);

            case ConstantExpr constant:
            {
                string text = _syntax.Constant(constant.Value);
                return (text, text.StartsWith("-", StringComparison.Ordinal) ? Unary : Primary);
            }

            case IntegerConstantExpr constant:
            {
                string text = _syntax.IntegerConstant(constant.Value);
                return (text, text.StartsWith("-", StringComparison.Ordinal) ? Unary : Primary);
            }

            case UnaryExpr { Operator: UnaryOperator.Abs, Operand: InputExpr { Input: not KernelInput.GradOutput } } when _absOfInput is not null:
                return (_absOfInput, Primary);

            case UnaryExpr unary when unary.Operator == UnaryOperator.Abs:
                return (_syntax.Abs(Emit(unary.Operand, false).Text), Primary);

            case UnaryExpr unary:
            {
                (string text, int precedence) = Emit(unary.Operand, false);
                // Parenthesise anything but a primary, and never write "--".
                string operand = precedence < Primary || text.StartsWith("-", StringComparison.Ordinal) ? "(" + text + ")" : text;
                return ("-" + operand, Unary);
            }

            case BinaryExpr binary:
            {
                int precedence = binary.Operator is BinaryOperator.Add or BinaryOperator.Subtract ? Additive : Multiplicative;
                string symbol = binary.Operator switch
                {
                    BinaryOperator.Add => " + ",
                    BinaryOperator.Subtract => " - ",
                    BinaryOperator.Multiply => " * ",
                    _ => " / ",
                };

                // Left-associative: the right operand needs parentheses at equal precedence too, so that
                // the generated text evaluates in exactly the order the tree says (rounding depends on it).
                string left = Operand(binary.Left, integer, precedence, rightSide: false);
                string right = Operand(binary.Right, integer, precedence, rightSide: true);
                return (left + symbol + right, precedence);
            }

            case CompareExpr compare:
            {
                string left = Operand(compare.Left, false, Relational, rightSide: false);
                string right = Operand(compare.Right, false, Relational, rightSide: true);
                string text = _syntax.Compare(compare.Operator, left, right, out bool isOperator);
                return (text, isOperator ? Relational : Primary);
            }

            case SelectExpr select:
            {
                string mask = Operand(select.Mask, false, Conditional + 1, rightSide: false);
                string whenTrue = Operand(select.WhenTrue, false, Conditional + 1, rightSide: false);
                string whenFalse = Operand(select.WhenFalse, false, Conditional + 1, rightSide: false);
                string text = _syntax.Select(mask, whenTrue, whenFalse, out bool isConditional);
                return (text, isConditional ? Conditional : Primary);
            }

            case BitCastExpr cast:
            {
                string operand = Emit(cast.Operand, insideInteger: false).Text;
                return (cast.Operand.Kind == ValueKind.Real ? _syntax.BitsOf(operand) : _syntax.FromBits(operand), Primary);
            }

            case ShiftExpr shift:
            {
                string operand = Operand(shift.Operand, true, Primary, rightSide: false);
                return (shift.IsLeft ? _syntax.ShiftLeft(operand, shift.Count) : _syntax.ShiftRightLogical(operand, shift.Count), Primary);
            }

            case MultiplyAddExpr { Unfused: { } unfused } when _syntax.MultiplyAdd("a", "b", "c") is null:
                return Emit(unfused, false);

            case MultiplyAddExpr fma:
            {
                string a = Emit(fma.A, false).Text, b = Emit(fma.B, false).Text, c = Emit(fma.C, false).Text;
                string? fused = _syntax.MultiplyAdd(a, b, c);
                if (fused is not null)
                {
                    return (fused, Primary);
                }

                string product = Operand(fma.A, false, Multiplicative, rightSide: false) + " * " + Operand(fma.B, false, Multiplicative, rightSide: true);
                return (product + " + " + Operand(fma.C, false, Additive, rightSide: true), Additive);
            }

            case BoundExpr bound:
            {
                string? native = _syntax.Bound(bound.IsUpper, Emit(bound.Bound, false).Text, Emit(bound.Operand, false).Text);
                return native is null ? Emit(bound.AsSelect(), false) : (native, Primary);
            }

            case PositivePartExpr positive:
            {
                string? native = _syntax.PositivePart(Emit(positive.Operand, false).Text);
                return native is null ? Emit(positive.AsSelect(), false) : (native, Primary);
            }

            case GreaterOfExpr greater:
            {
                string? native = _syntax.GreaterOf(Emit(greater.First, false).Text, Emit(greater.Second, false).Text);
                return native is null ? Emit(greater.Equivalent, false) : (native, Primary);
            }

            case CopySignExpr copySign:
                return (_syntax.CopySign(Emit(copySign.Magnitude, false).Text, Emit(copySign.Sign, false).Text), Primary);

            default:
                throw new InvalidOperationException("Unknown expression node " + expr.GetType().Name + ".");
        }
    }

    private string Operand(Expr operand, bool insideInteger, int parentPrecedence, bool rightSide)
    {
        (string text, int precedence) = Emit(operand, insideInteger);
        bool needsParentheses = precedence < parentPrecedence || (rightSide && precedence == parentPrecedence);
        return needsParentheses ? "(" + text + ")" : text;
    }

    private string Local(LetExpr let)
    {
        if (_rendered.TryGetValue(let, out string? name))
        {
            return name;
        }

        string value = Emit(let.Value, insideInteger: false).Text;
        name = _names.Fresh(let.Name);
        _rendered.Add(let, name);
        _locals.Add(new KernelLocal(name, value, let.Comment, let.Kind));
        return name;
    }
}
