using System;
using System.Collections.Generic;

namespace ActivationGen.Generator.Numerics;

/// <summary>What a node evaluates to, per lane: a real of the element type, an integer of the same
/// width (int for float, long for double), or a comparison mask.</summary>
internal enum ValueKind
{
    Real,
    Integer,
    Mask,
}

internal enum UnaryOperator
{
    Negate,
    Abs,
}

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

internal enum CompareOperator
{
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}

/// <summary>The inputs a kernel may read.</summary>
internal enum KernelInput
{
    /// <summary>The pre-activation z.</summary>
    Z,

    /// <summary>The activation's output y = g(z).</summary>
    Y,

    /// <summary>The incoming gradient ∂L/∂y of a backward pass.</summary>
    GradOutput,
}

/// <summary>
/// A node of the tiny expression language in which kinds and the shared approximations (exp, expm1) are
/// written once. The scalar and every vector renderer turn the same tree into code, so scalar and SIMD
/// results agree bit for bit: every node maps to an operation that is exactly rounded (IEEE 754
/// add/sub/mul/div, fused multiply-add, compare, select, bitwise) on every instruction set. There is
/// deliberately no Math.Min/Max (whose NaN and signed-zero behaviour differs between runtimes); the one-sided
/// <see cref="BoundExpr"/> is defined as a compare and select whose x86 instruction gives the same bits.
/// </summary>
internal abstract class Expr
{
    public abstract ValueKind Kind { get; }

    public static Expr operator +(Expr left, Expr right) => new BinaryExpr(BinaryOperator.Add, left, right);

    public static Expr operator -(Expr left, Expr right) => new BinaryExpr(BinaryOperator.Subtract, left, right);

    public static Expr operator *(Expr left, Expr right) => new BinaryExpr(BinaryOperator.Multiply, left, right);

    public static Expr operator /(Expr left, Expr right) => new BinaryExpr(BinaryOperator.Divide, left, right);

    public static Expr operator -(Expr operand) => new UnaryExpr(UnaryOperator.Negate, operand);

    public static implicit operator Expr(double value) => new ConstantExpr(value);
}

internal sealed class InputExpr : Expr
{
    public InputExpr(KernelInput input) => Input = input;

    public KernelInput Input { get; }

    public override ValueKind Kind => ValueKind.Real;
}

/// <summary>A real constant; rendered as a literal of the element type (the value is rounded to float
/// for float kernels, exactly as the C# compiler would round the literal).</summary>
internal sealed class ConstantExpr : Expr
{
    public ConstantExpr(double value) => Value = value;

    public double Value { get; }

    public override ValueKind Kind => ValueKind.Real;
}

/// <summary>An integer constant (int lanes for float kernels, long lanes for double kernels).</summary>
internal sealed class IntegerConstantExpr : Expr
{
    public IntegerConstantExpr(long value) => Value = value;

    public long Value { get; }

    public override ValueKind Kind => ValueKind.Integer;
}

internal sealed class UnaryExpr : Expr
{
    public UnaryExpr(UnaryOperator op, Expr operand)
    {
        Require(operand, ValueKind.Real);
        Operator = op;
        Operand = operand;
    }

    public UnaryOperator Operator { get; }

    public Expr Operand { get; }

    public override ValueKind Kind => ValueKind.Real;

    internal static void Require(Expr e, ValueKind kind)
    {
        if (e.Kind != kind)
        {
            throw new ArgumentException("Expected a " + kind + " operand, got " + e.Kind + ".");
        }
    }
}

/// <summary>Add, subtract, multiply, divide; on reals, or add/subtract on integers.</summary>
internal sealed class BinaryExpr : Expr
{
    public BinaryExpr(BinaryOperator op, Expr left, Expr right)
    {
        if (left.Kind != right.Kind || left.Kind == ValueKind.Mask)
        {
            throw new ArgumentException("Binary operands must both be reals or both integers.");
        }

        if (left.Kind == ValueKind.Integer && op is not (BinaryOperator.Add or BinaryOperator.Subtract))
        {
            throw new ArgumentException("Integers support only add and subtract.");
        }

        Operator = op;
        Left = left;
        Right = right;
    }

    public BinaryOperator Operator { get; }

    public Expr Left { get; }

    public Expr Right { get; }

    public override ValueKind Kind => Left.Kind;
}

internal sealed class CompareExpr : Expr
{
    public CompareExpr(CompareOperator op, Expr left, Expr right)
    {
        UnaryExpr.Require(left, ValueKind.Real);
        UnaryExpr.Require(right, ValueKind.Real);
        Operator = op;
        Left = left;
        Right = right;
    }

    public CompareOperator Operator { get; }

    public Expr Left { get; }

    public Expr Right { get; }

    public override ValueKind Kind => ValueKind.Mask;
}

/// <summary>mask ? whenTrue : whenFalse, lane by lane (reals only).</summary>
internal sealed class SelectExpr : Expr
{
    public SelectExpr(Expr mask, Expr whenTrue, Expr whenFalse)
    {
        UnaryExpr.Require(mask, ValueKind.Mask);
        UnaryExpr.Require(whenTrue, ValueKind.Real);
        UnaryExpr.Require(whenFalse, ValueKind.Real);

        Mask = mask;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
    }

    public Expr Mask { get; }

    public Expr WhenTrue { get; }

    public Expr WhenFalse { get; }

    public override ValueKind Kind => WhenTrue.Kind;
}

/// <summary>
/// a·b + c rounded once (IEEE 754 fusedMultiplyAdd). Rendered as Math.FusedMultiplyAdd / VectorN.FusedMultiplyAdd,
/// whose results are the same on every instruction set (hardware FMA, or a correctly rounded software
/// fallback where the CPU has none). Kinds use it only where a separately rounded a·b + c would also be
/// accurate, because targets without any fused multiply-add API (netstandard2.0) render it that way.
/// </summary>
internal sealed class MultiplyAddExpr : Expr
{
    public MultiplyAddExpr(Expr a, Expr b, Expr c, Expr? unfused = null)
    {
        Unfused = unfused;
        UnaryExpr.Require(a, ValueKind.Real);
        UnaryExpr.Require(b, ValueKind.Real);
        UnaryExpr.Require(c, ValueKind.Real);
        A = a;
        B = b;
        C = c;
    }

    public Expr A { get; }

    public Expr B { get; }

    public Expr C { get; }

    /// <summary>What to compute instead where there is no fused multiply-add, when a·b + c rounded twice
    /// would lose accuracy (e.g. y − y² near y = 1, where y·(1 − y) is the accurate unfused form).</summary>
    public Expr? Unfused { get; }

    public override ValueKind Kind => ValueKind.Real;
}

/// <summary>Reinterprets the bits of a real as an integer of the same width, or back.</summary>
internal sealed class BitCastExpr : Expr
{
    public BitCastExpr(Expr operand)
    {
        if (operand.Kind == ValueKind.Mask)
        {
            throw new ArgumentException("Cannot bit-cast a mask.");
        }

        Operand = operand;
    }

    public Expr Operand { get; }

    public override ValueKind Kind => Operand.Kind == ValueKind.Real ? ValueKind.Integer : ValueKind.Real;
}

/// <summary>Integer shift by a constant count: left, or logical right.</summary>
internal sealed class ShiftExpr : Expr
{
    public ShiftExpr(Expr operand, bool left, int count)
    {
        UnaryExpr.Require(operand, ValueKind.Integer);
        Operand = operand;
        IsLeft = left;
        Count = count;
    }

    public Expr Operand { get; }

    public bool IsLeft { get; }

    public int Count { get; }

    public override ValueKind Kind => ValueKind.Integer;
}

/// <summary>Copies the sign bit of <see cref="Sign"/> onto the magnitude bits of <see cref="Magnitude"/>.</summary>
internal sealed class CopySignExpr : Expr
{
    public CopySignExpr(Expr magnitude, Expr sign)
    {
        UnaryExpr.Require(magnitude, ValueKind.Real);
        UnaryExpr.Require(sign, ValueKind.Real);
        Magnitude = magnitude;
        Sign = sign;
    }

    public Expr Magnitude { get; }

    public Expr Sign { get; }

    public override ValueKind Kind => ValueKind.Real;
}

/// <summary>
/// A one-sided bound with a constant: <c>x &lt; bound ? bound : x</c> (lower) or <c>x &gt; bound ? bound : x</c>
/// (upper), lane by lane. NaN x and x equal to the bound give x itself. That is, to the bit, the definition of
/// x86's MAXPS/MAXPD (lower, operands (bound, x)) and MINPS/MINPD (upper): "if the first operand is not greater
/// (less) than the second, return the second", so on x86 a bound is one instruction instead of a compare and a
/// select, with the same result on every instruction set (elsewhere it is rendered as the compare and select).
/// It is not Math.Max/Min: those give NaN or a fixed signed zero where this gives x.
/// </summary>
internal sealed class BoundExpr : Expr
{
    public BoundExpr(bool upper, Expr bound, Expr operand)
    {
        if (bound is not ConstantExpr)
        {
            throw new ArgumentException("A bound must be a constant.");
        }

        UnaryExpr.Require(operand, ValueKind.Real);
        IsUpper = upper;
        Bound = (ConstantExpr)bound;
        Operand = operand;
    }

    /// <summary>True for x &gt; bound ? bound : x, false for x &lt; bound ? bound : x.</summary>
    public bool IsUpper { get; }

    public ConstantExpr Bound { get; }

    public Expr Operand { get; }

    public override ValueKind Kind => ValueKind.Real;

    /// <summary>The same value as a compare and a select (the operand appears twice).</summary>
    public Expr AsSelect()
        => new SelectExpr(new CompareExpr(IsUpper ? CompareOperator.GreaterThan : CompareOperator.LessThan, Operand, Bound), Bound, Operand);
}

/// <summary>
/// ReLU's positive part <c>x ≤ 0 ? +0 : x</c> per lane: +0 for ±0 and negatives (−∞ included), x itself for
/// positives, +∞ and NaN (signalling NaN too, bits unchanged). With AVX-512 that is one VFIXUPIMMPS/PD, which
/// maps each lane's class (QNaN, SNaN, zero, one, −∞, +∞, negative, positive) to "x" or "+0" through a table;
/// elsewhere it is the compare and select of <see cref="AsSelect"/>, the same bits.
/// </summary>
internal sealed class PositivePartExpr : Expr
{
    public PositivePartExpr(Expr operand)
    {
        UnaryExpr.Require(operand, ValueKind.Real);
        Operand = operand;
    }

    public Expr Operand { get; }

    public override ValueKind Kind => ValueKind.Real;

    /// <summary>The same value as a compare and a select (the operand appears twice).</summary>
    public Expr AsSelect() => new SelectExpr(new CompareExpr(CompareOperator.LessThanOrEqual, Operand, new ConstantExpr(0)), new ConstantExpr(0), Operand);
}

/// <summary>
/// <c>first &gt; second ? first : second</c> per lane, which is, to the bit, x86's MAXPS/MAXPD(first, second)
/// (NaN or equal operands return second). A kind uses it only where it has shown the value equal, bit for bit on
/// every input, to a cheaper-to-read <see cref="Equivalent"/>, which the scalar code renders; vector code takes
/// the one instruction on x86 and the compare and select elsewhere.
/// </summary>
internal sealed class GreaterOfExpr : Expr
{
    public GreaterOfExpr(Expr first, Expr second, Expr equivalent)
    {
        UnaryExpr.Require(first, ValueKind.Real);
        UnaryExpr.Require(second, ValueKind.Real);
        UnaryExpr.Require(equivalent, ValueKind.Real);
        First = first;
        Second = second;
        Equivalent = equivalent;
    }

    public Expr First { get; }

    public Expr Second { get; }

    /// <summary>An expression with the same bits on every input, shown so by the kind that builds the node.</summary>
    public Expr Equivalent { get; }

    public override ValueKind Kind => ValueKind.Real;
}

/// <summary>
/// A named intermediate value. The same instance used from several roots (forward and derivative)
/// is computed once, as a local, where both are emitted together (NForward).
/// </summary>
internal sealed class LetExpr : Expr
{
    public LetExpr(string name, Expr value, string? comment)
    {
        Name = name;
        Value = value;
        Comment = comment;
    }

    public string Name { get; }

    /// <summary>Written above the local in generated code, so a reader follows the algorithm.</summary>
    public string? Comment { get; }

    public Expr Value { get; }

    public override ValueKind Kind => Value.Kind;
}

/// <summary>Constructors that make the kind definitions read like the formulas.</summary>
internal static class E
{
    public static readonly Expr Z = new InputExpr(KernelInput.Z);
    public static readonly Expr Y = new InputExpr(KernelInput.Y);
    public static readonly Expr GradOutput = new InputExpr(KernelInput.GradOutput);

    public static Expr Let(string name, Expr value, string? comment = null) => new LetExpr(name, value, comment);

    public static Expr Abs(Expr x) => new UnaryExpr(UnaryOperator.Abs, x);

    /// <summary>a·b + c, rounded once where the target has a fused multiply-add.</summary>
    public static Expr MulAdd(Expr a, Expr b, Expr c) => new MultiplyAddExpr(a, b, c);

    /// <summary>a·b + c fused, or <paramref name="unfused"/> where the target has no fused multiply-add.</summary>
    public static Expr MulAdd(Expr a, Expr b, Expr c, Expr unfused) => new MultiplyAddExpr(a, b, c, unfused);

    public static Expr Gt(Expr a, Expr b) => new CompareExpr(CompareOperator.GreaterThan, a, b);

    public static Expr Ge(Expr a, Expr b) => new CompareExpr(CompareOperator.GreaterThanOrEqual, a, b);

    public static Expr Lt(Expr a, Expr b) => new CompareExpr(CompareOperator.LessThan, a, b);

    public static Expr Le(Expr a, Expr b) => new CompareExpr(CompareOperator.LessThanOrEqual, a, b);

    public static Expr Select(Expr mask, Expr whenTrue, Expr whenFalse) => new SelectExpr(mask, whenTrue, whenFalse);

    public static Expr CopySign(Expr magnitude, Expr sign) => new CopySignExpr(magnitude, sign);

    public static Expr Int(long value) => new IntegerConstantExpr(value);

    public static Expr Bits(Expr real) => new BitCastExpr(real);

    public static Expr FromBits(Expr integer) => new BitCastExpr(integer);

    public static Expr ShiftLeft(Expr x, int count) => new ShiftExpr(x, left: true, count);

    public static Expr ShiftRightLogical(Expr x, int count) => new ShiftExpr(x, left: false, count);

    /// <summary>
    /// A step with PyTorch's kink convention and NaN propagation: z &gt; 0 → above, z ≤ 0 → atOrBelow,
    /// NaN → NaN (both comparisons are false for NaN, so the input itself is selected).
    /// </summary>
    public static Expr Step(Expr z, Expr above, Expr atOrBelow)
        => Select(Gt(z, 0), above, Select(Le(z, 0), atOrBelow, z));

    /// <summary>
    /// The derivative of a clamp to [lo, hi] with PyTorch's convention at the edges (hardtanh_backward:
    /// lo &lt; z &lt; hi → inside, z ≤ lo or z ≥ hi → outside) and NaN propagation (every comparison is false for
    /// NaN, so the input itself is selected).
    /// </summary>
    public static Expr Window(Expr z, Expr lo, Expr hi, Expr inside, Expr outside)
        => Select(Le(z, lo), outside, Select(Ge(z, hi), outside, Select(Lt(z, hi), inside, z)));

    /// <summary>x &lt; low ? low : x per lane (NaN passes through); see <see cref="BoundExpr"/>.</summary>
    public static Expr AtLeast(Expr x, double low) => new BoundExpr(upper: false, low, x);

    /// <summary>x &gt; high ? high : x per lane (NaN passes through); see <see cref="BoundExpr"/>.</summary>
    public static Expr AtMost(Expr x, double high) => new BoundExpr(upper: true, high, x);

    /// <summary>x ≤ 0 ? +0 : x per lane (NaN passes through); see <see cref="PositivePartExpr"/>.</summary>
    public static Expr PositivePart(Expr x) => new PositivePartExpr(x);

    /// <summary>first &gt; second ? first : second, bit for bit <paramref name="equivalent"/>; see <see cref="GreaterOfExpr"/>.</summary>
    public static Expr GreaterOf(Expr first, Expr second, Expr equivalent) => new GreaterOfExpr(first, second, equivalent);

    /// <summary>
    /// z clamped to [lo, hi] for lo &lt; hi: lo below, hi above, z between and for NaN. Where lo (hi) is a zero
    /// it is compared with ≤ (≥), so that z = −0 clamped at lo = +0 gives +0, as ReLU does (lo = +0 is
    /// <see cref="PositivePart"/>, one VFIXUPIMM with AVX-512); otherwise z = lo gives z, which has lo's bits,
    /// so the cheaper one-sided bound applies. Pass bounds already rounded to the element type.
    /// </summary>
    public static Expr Clamp(Expr z, double lo, double hi)
    {
        string loText = lo.ToString("R", System.Globalization.CultureInfo.InvariantCulture).Replace("-", "−");
        string zeroBound = "raised = z ≤ " + loText + " ? " + loText + " : z";

        // A local: the scalar rendering of the upper bound reads its operand twice.
        Expr lower = lo != 0 ? Let("raised", AtLeast(z, lo), "raised = z < " + loText + " ? " + loText + " : z (one MAXPS/MAXPD on x86)")
            : BitConverter.DoubleToInt64Bits(lo) == 0 ? Let("raised", PositivePart(z), zeroBound + " (one VFIXUPIMMPS/PD with AVX-512)")
            : Let("raised", Select(Le(z, lo), lo, z), zeroBound);
        return hi == 0 ? Select(Ge(lower, hi), hi, lower) : AtMost(lower, hi);
    }

    /// <summary>
    /// 1/(a + b), accurate to about half an ulp. d = a + b rounds, but (a − d) + b is its exact error when
    /// |a| ≥ |b| (Fast2Sum); y = 1/d rounds, but ρ = 1 − d·y is exact with a fused multiply-add. Then
    /// 1/(d + err) = y·(1 + ρ − y·err) + O(ρ², err²): the last multiply-add is the only rounding that matters.
    /// (Where the target has no fused multiply-add, ρ is rounded too and the result is within about an ulp.)
    /// </summary>
    public static Expr CompensatedReciprocal(Expr a, Expr b, string name) => CompensatedReciprocal(a, b, null, name);

    /// <summary>
    /// 1/(1 + s + b) for 0 ≤ s ≤ 1 as <see cref="CompensatedReciprocal(Expr, Expr, string)"/>, where 1 + s itself
    /// may round (s below the last bit of 1): its error s − ((1 + s) − 1) is exact and joins the sum's.
    /// </summary>
    public static Expr CompensatedReciprocalOfOnePlus(Expr s, Expr b, string name)
    {
        Expr onePlusS = Let(name + "1", 1 + s);
        return CompensatedReciprocal(onePlusS, b, s - (onePlusS - 1), name);
    }

    private static Expr CompensatedReciprocal(Expr a, Expr b, Expr? aError, string name)
    {
        Expr d = Let(name, a + b, name + " = a + b rounded; its error " + name + "Err is exact (Fast2Sum, |a| ≥ |b|)");
        Expr sumError = (a - d) + b;
        Expr err = Let(name + "Err", aError is null ? sumError : sumError + aError);
        Expr y = Let(name + "Inv", 1 / d);
        Expr rho = Let(name + "Rho", MulAdd(-d, y, 1), "ρ = 1 − d·y, exact with a fused multiply-add");
        return MulAdd(y, MulAdd(-err, y, rho), y);
    }

    /// <summary>
    /// 1/(1 + e^x) for e^x = s·(1 + q) with s = 2^n, |n| ≤ 23 (float) / 52 (double) so that s + 1 is exact
    /// (<see cref="ExpApproximation.ExactOnePlusLimit"/>): the denominator (s + 1) + s·q rounds once (s·q is exact,
    /// so a separate multiply and add give the same bits as the fused one), the quotient once. Within 1.70 ulp for
    /// float, measured over every float in [−16, 16] (the denominator's rounding is worth up to 1 ulp of the
    /// quotient, the division 1/2, e^x's own error the rest).
    /// </summary>
    public static Expr ReciprocalOfOnePlusExp(Expr s, Expr q)
        => 1 / Let("d", MulAdd(s, q, s + 1), "d = 1 + e^x = (s + 1) + s·q, one rounding: s + 1 and s·q are exact");

    /// <summary>Horner evaluation of c[0] + c[1]·x + … + c[n]·xⁿ.</summary>
    public static Expr Polynomial(Expr x, IReadOnlyList<double> coefficients)
    {
        Expr acc = coefficients[coefficients.Count - 1];
        for (int i = coefficients.Count - 2; i >= 0; i--)
        {
            acc = MulAdd(acc, x, coefficients[i]);
        }

        return acc;
    }
}
