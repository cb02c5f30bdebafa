using ActivationGen.Generator.Model;
using ActivationGen.Generator.Numerics;

namespace ActivationGen.Generator.Emitting;

/// <summary>
/// How one backend (scalar, or a vector width) spells each operation of the expression language.
/// Every spelling is an exactly rounded IEEE operation or a bitwise one, so all backends agree bit for bit.
/// </summary>
internal abstract class KernelSyntax
{
    protected KernelSyntax(ElementType element) => Element = element;

    public ElementType Element { get; }

    public string ScalarType => Element == ElementType.Single ? "float" : "double";

    /// <summary>The type of a real value in this backend ("float" or "…Vector512&lt;float&gt;").</summary>
    public abstract string RealType { get; }

    /// <summary>Whether integer arithmetic must be wrapped in unchecked(...) (scalar C# may run checked).</summary>
    public abstract bool NeedsUnchecked { get; }

    /// <summary>A real literal of the element type.</summary>
    public abstract string Constant(double value);

    public abstract string IntegerConstant(long value);

    public abstract string Abs(string x);

    public abstract string Compare(CompareOperator op, string left, string right, out bool isOperator);

    public abstract string Select(string mask, string whenTrue, string whenFalse, out bool isConditional);

    public abstract string BitsOf(string real);

    public abstract string FromBits(string integer);

    public abstract string ShiftLeft(string integer, int count);

    public abstract string ShiftRightLogical(string integer, int count);

    public abstract string CopySign(string magnitude, string sign);

    /// <summary>
    /// x &lt; bound ? bound : x (lower) or x &gt; bound ? bound : x (upper) as one call, or null to have the
    /// renderer write the compare and select.
    /// </summary>
    public virtual string? Bound(bool upper, string bound, string x) => null;

    /// <summary>PositivePartExpr as one call, or null for the compare and select.</summary>
    public virtual string? PositivePart(string x) => null;

    /// <summary>GreaterOfExpr as one call, or null for the node's equivalent expression.</summary>
    public virtual string? GreaterOf(string first, string second) => null;

    /// <summary>a·b + c in one rounding; null where the target has no fused multiply-add (the renderer then
    /// writes a * b + c).</summary>
    public abstract string? MultiplyAdd(string a, string b, string c);
}

/// <summary>Plain C# on float/double (the scalar members and the scalar tail).</summary>
internal sealed class ScalarSyntax : KernelSyntax
{
    private readonly TargetModel _target;

    public ScalarSyntax(ElementType element, TargetModel target)
        : base(element) => _target = target;

    public override string RealType => ScalarType;

    public override bool NeedsUnchecked => true;

    private string IntType => Element == ElementType.Single ? "int" : "long";

    private string UIntType => Element == ElementType.Single ? "uint" : "ulong";

    public override string Constant(double value) => Literals.Real(value, Element);

    public override string IntegerConstant(long value) => Literals.Integer(value, Element);

    public override string Abs(string x) => "global::System.Math.Abs(" + x + ")";

    public override string Compare(CompareOperator op, string left, string right, out bool isOperator)
    {
        isOperator = true;
        string symbol = op switch
        {
            CompareOperator.GreaterThan => ">",
            CompareOperator.GreaterThanOrEqual => ">=",
            CompareOperator.LessThan => "<",
            _ => "<=",
        };
        return left + " " + symbol + " " + right;
    }

    public override string Select(string mask, string whenTrue, string whenFalse, out bool isConditional)
    {
        isConditional = true;
        return mask + " ? " + whenTrue + " : " + whenFalse;
    }

    public override string BitsOf(string real)
    {
        if (Element == ElementType.Double)
        {
            return "global::System.BitConverter.DoubleToInt64Bits(" + real + ")";
        }

        return _target.HasSingleBitConverter
            ? "global::System.BitConverter.SingleToInt32Bits(" + real + ")"
            : "global::ActivationGen.Internal.ActivationBits.SingleToInt32Bits(" + real + ")";
    }

    public override string FromBits(string integer)
    {
        if (Element == ElementType.Double)
        {
            return "global::System.BitConverter.Int64BitsToDouble(" + integer + ")";
        }

        return _target.HasSingleBitConverter
            ? "global::System.BitConverter.Int32BitsToSingle(" + integer + ")"
            : "global::ActivationGen.Internal.ActivationBits.Int32BitsToSingle(" + integer + ")";
    }

    public override string ShiftLeft(string integer, int count) => "(" + integer + " << " + count + ")";

    public override string ShiftRightLogical(string integer, int count)
        => "(" + IntType + ")((" + UIntType + ")" + integer + " >> " + count + ")";

    public override string? MultiplyAdd(string a, string b, string c)
        => _target.HasScalarFma
            ? (Element == ElementType.Single ? "global::System.MathF" : "global::System.Math") + ".FusedMultiplyAdd(" + a + ", " + b + ", " + c + ")"
            : null;

    public override string CopySign(string magnitude, string sign)
        => _target.HasHardwareIntrinsics
            ? (Element == ElementType.Single ? "global::System.MathF" : "global::System.Math") + ".CopySign(" + magnitude + ", " + sign + ")"
            : "global::ActivationGen.Internal.ActivationBits.CopySign(" + magnitude + ", " + sign + ")";
}

/// <summary>System.Runtime.Intrinsics.Vector128/256/512 of float/double.</summary>
internal sealed class VectorSyntax : KernelSyntax
{
    /// <summary>The helper class of bounds and selects written by SupportSourceEmitter.WriteBounds.</summary>
    private const string Bounds = "global::ActivationGen.Internal.ActivationBounds.";

    private readonly TargetModel _target;

    public VectorSyntax(ElementType element, int width, TargetModel target)
        : base(element)
    {
        Width = width;
        Static = "global::System.Runtime.Intrinsics.Vector" + width;
        _target = target;
    }

    public int Width { get; }

    /// <summary>The static helper class, e.g. "global::System.Runtime.Intrinsics.Vector512".</summary>
    public string Static { get; }

    public override string RealType => Static + "<" + ScalarType + ">";

    public override bool NeedsUnchecked => false;

    public override string Constant(double value)
    {
        double rounded = Element == ElementType.Single ? (float)value : value;
        if (rounded == 0 && !double.IsNegativeInfinity(1 / rounded))
        {
            return RealType + ".Zero";
        }

        if (rounded == 1)
        {
            return RealType + ".One";
        }

        return Static + ".Create(" + Literals.Real(value, Element) + ")";
    }

    public override string IntegerConstant(long value) => Static + ".Create(" + Literals.Integer(value, Element) + ")";

    public override string Abs(string x) => Static + ".Abs(" + x + ")";

    /// <summary>Whether every lane has x ≤ limit (false for a NaN lane): one compare and one mask test.</summary>
    public string AllAtMost(string x, double limit) => Static + ".LessThanOrEqualAll(" + x + ", " + Constant(limit) + ")";

    public override string Compare(CompareOperator op, string left, string right, out bool isOperator)
    {
        isOperator = false;
        return Static + "." + op + "(" + left + ", " + right + ")";
    }

    public override string Select(string mask, string whenTrue, string whenFalse, out bool isConditional)
    {
        isConditional = false;
        return Static + ".ConditionalSelect(" + mask + ", " + whenTrue + ", " + whenFalse + ")";
    }

    public override string BitsOf(string real)
        => Static + (Element == ElementType.Single ? ".AsInt32(" : ".AsInt64(") + real + ")";

    public override string FromBits(string integer)
        => Static + (Element == ElementType.Single ? ".AsSingle(" : ".AsDouble(") + integer + ")";

    public override string ShiftLeft(string integer, int count) => Static + ".ShiftLeft(" + integer + ", " + count + ")";

    public override string ShiftRightLogical(string integer, int count)
        => Static + ".ShiftRightLogical(" + integer + ", " + count + ")";

    /// <summary>The ActivationBounds helper: one MAXPS/MINPS on x86, a compare and select elsewhere.</summary>
    public override string? Bound(bool upper, string bound, string x)
        => Bounds + (upper ? "AtMost(" : "AtLeast(") + x + ", " + bound + ")";

    /// <summary>The ActivationBounds helper: one VFIXUPIMMPS/PD with AVX-512, a compare and select elsewhere.</summary>
    public override string? PositivePart(string x) => Bounds + "PositivePart(" + x + ")";

    /// <summary>The ActivationBounds helper: one MAXPS/MAXPD on x86, a compare and select elsewhere.</summary>
    public override string? GreaterOf(string first, string second)
        => Bounds + "GreaterOf(" + first + ", " + second + ")";

    /// <summary>VectorN.FusedMultiplyAdd (.NET 9+), else the dispatching helper emitted for net8.0.</summary>
    public override string? MultiplyAdd(string a, string b, string c)
        => (_target.HasVectorFma ? Static + ".FusedMultiplyAdd(" : "global::ActivationGen.Internal.ActivationFma.MultiplyAdd(") + a + ", " + b + ", " + c + ")";

    public override string CopySign(string magnitude, string sign)
        => Static + ".ConditionalSelect(" + Static + ".Create(" + (Element == ElementType.Single ? "-0f" : "-0.0") + "), " + sign + ", " + magnitude + ")";
}
