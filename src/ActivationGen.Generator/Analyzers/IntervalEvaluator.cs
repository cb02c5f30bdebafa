using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ActivationGen.Generator.Analyzers;

/// <summary>
/// The set of values an initialiser can produce, as a closed interval [Lo, Hi] (a superset: NextDouble()
/// in [0, 1) is kept as [0, 1]), plus whether it draws a random number and whether it depends on a value
/// known only at run time (a fan-in, a field, a parameter).
/// </summary>
internal readonly record struct ValueRange(double Lo, double Hi, bool IsRandom, bool HasRuntimeScale)
{
    public static ValueRange Unknown => new(double.NegativeInfinity, double.PositiveInfinity, false, true);

    public bool IsSingleValue => Lo == Hi && !double.IsInfinity(Lo);

    /// <summary>Every value ≥ 0, or every value ≤ 0, and not all zero.</summary>
    public bool IsOneSided => !IsSingleValue && (Lo >= 0 || Hi <= 0);

    public bool IsNegative => Hi <= 0 && Lo < 0;

    public bool IsTwoSided => Lo < 0 && Hi > 0;

    public override string ToString()
        => IsSingleValue ? Format(Lo) : "[" + Format(Lo) + ", " + Format(Hi) + "]";

    private static string Format(double v)
        => double.IsPositiveInfinity(v) ? "∞" : double.IsNegativeInfinity(v) ? "−∞"
            : Math.Round(v, 6).ToString("0.######", CultureInfo.InvariantCulture);
}

/// <summary>
/// Interval arithmetic over an initialiser (AG1001, AG1002, AG1003, AG1006): System.Random draws
/// (NextDouble, NextSingle: [0, 1); Next(n): [0, n); Next(a, b): [a, b)), constants, + − × ÷, Math.Abs,
/// Sqrt, Log, Exp, Cos, Sin, casts and ?: (both branches). A value it cannot bound is (−∞, ∞), so a
/// result that is still one-sided is one-sided for every value of the unknowns.
/// </summary>
internal sealed class IntervalEvaluator : ArithmeticInterpreter<ValueRange>
{
    private readonly INamedTypeSymbol? _random;
    private readonly Func<ILocalSymbol, IOperation?> _localValue;

    /// <param name="random">System.Random.</param>
    /// <param name="localValue">The only value ever assigned to a local, or null.</param>
    public IntervalEvaluator(INamedTypeSymbol? random, Func<ILocalSymbol, IOperation?> localValue)
    {
        _random = random;
        _localValue = localValue;
    }

    protected override ValueRange? Constant(double value, ITypeSymbol? type) => new ValueRange(value, value, false, false);

    protected override ValueRange? Leaf(IOperation operation)
    {
        if (operation is ILocalReferenceOperation local && _localValue(local.Local) is { } value)
        {
            return Evaluate(value);
        }

        // UnityEngine.Random.value: a draw in [0, 1].
        if (operation is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "value" } property } && IsUnityRandom(property.ContainingType))
        {
            return new ValueRange(0, 1, true, false);
        }

        return IsReal(operation.Type) || IsIntegral(operation.Type) ? ValueRange.Unknown : null;
    }

    protected override ValueRange? Unary(UnaryOperatorKind kind, ValueRange v, ITypeSymbol? type) => kind switch
    {
        UnaryOperatorKind.Minus => v with { Lo = -v.Hi, Hi = -v.Lo },
        UnaryOperatorKind.Plus => v,
        _ => null,
    };

    protected override ValueRange? Binary(BinaryOperatorKind kind, ValueRange l, ValueRange r, ITypeSymbol? type)
    {
        bool random = l.IsRandom || r.IsRandom, runtime = l.HasRuntimeScale || r.HasRuntimeScale;
        switch (kind)
        {
            case BinaryOperatorKind.Add:
                return new ValueRange(l.Lo + r.Lo, l.Hi + r.Hi, random, runtime);
            case BinaryOperatorKind.Subtract:
                return new ValueRange(l.Lo - r.Hi, l.Hi - r.Lo, random, runtime);
            case BinaryOperatorKind.Multiply:
                return Product(l.Lo, l.Hi, r.Lo, r.Hi, random, runtime);
            default:
                if (r.Lo <= 0 && r.Hi >= 0)
                {
                    // Division by a range that holds 0: unbounded, but the sign survives when the divisor's does.
                    return r.Lo == 0 && r.Hi > 0 && l.Lo >= 0 ? new ValueRange(0, double.PositiveInfinity, random, runtime)
                        : l.IsSingleValue && l.Lo == 0 ? l
                        : ValueRange.Unknown with { IsRandom = random };
                }

                ValueRange q = Product(l.Lo, l.Hi, 1 / r.Hi, 1 / r.Lo, random, runtime);
                return IsIntegral(type) ? q with { Lo = Math.Truncate(q.Lo), Hi = Math.Truncate(q.Hi) } : q;
        }
    }

    protected override ValueRange? Convert(IConversionOperation conversion, IOperation operand)
    {
        if (Evaluate(operand) is not ValueRange v)
        {
            return null;
        }

        return IsIntegral(conversion.Type) ? v with { Lo = Math.Truncate(v.Lo), Hi = Math.Truncate(v.Hi) }
            : IsReal(conversion.Type) ? v
            : null;
    }

    protected override ValueRange? Conditional(IConditionalOperation conditional)
    {
        if (Evaluate(conditional.WhenTrue) is not ValueRange t || Evaluate(conditional.WhenFalse) is not ValueRange f)
        {
            return null;
        }

        return new ValueRange(Math.Min(t.Lo, f.Lo), Math.Max(t.Hi, f.Hi), t.IsRandom || f.IsRandom, t.HasRuntimeScale || f.HasRuntimeScale);
    }

    protected override ValueRange? Invocation(IInvocationOperation invocation)
    {
        if (IsRandomDraw(invocation))
        {
            return RandomDraw(invocation);
        }

        string? math = MathFunction(invocation);
        if (math is null)
        {
            return IsReal(invocation.Type) || IsIntegral(invocation.Type) ? ValueRange.Unknown : null;
        }

        var args = new ValueRange[invocation.Arguments.Length];
        for (int i = 0; i < args.Length; i++)
        {
            if (Evaluate(invocation.Arguments[i].Value) is not ValueRange a)
            {
                return null;
            }

            args[i] = a;
        }

        if (args.Length == 0)
        {
            return null;
        }

        ValueRange x = args[0];
        return (math, args.Length) switch
        {
            ("Abs", 1) => x with { Lo = x.Lo >= 0 ? x.Lo : x.Hi <= 0 ? -x.Hi : 0, Hi = Math.Max(Math.Abs(x.Lo), Math.Abs(x.Hi)) },
            ("Sqrt", 1) when x.Hi >= 0 => x with { Lo = Math.Sqrt(Math.Max(0, x.Lo)), Hi = Math.Sqrt(x.Hi) },
            ("Log", 1) when x.Lo >= 0 => x with { Lo = Math.Log(x.Lo), Hi = Math.Log(x.Hi) },
            ("Exp", 1) => x with { Lo = Math.Exp(x.Lo), Hi = Math.Exp(x.Hi) },
            ("Tanh", 1) => x with { Lo = Math.Tanh(x.Lo), Hi = Math.Tanh(x.Hi) },
            ("Cos" or "Sin", 1) => x with { Lo = -1, Hi = 1 },
            ("Floor" or "Ceiling" or "Round" or "Truncate", 1) => x with { Lo = Math.Floor(x.Lo), Hi = Math.Ceiling(x.Hi) },
            ("Max", 2) => Join(x, args[1]) with { Lo = Math.Max(x.Lo, args[1].Lo), Hi = Math.Max(x.Hi, args[1].Hi) },
            ("Min", 2) => Join(x, args[1]) with { Lo = Math.Min(x.Lo, args[1].Lo), Hi = Math.Min(x.Hi, args[1].Hi) },
            ("Pow", 2) when x.Lo >= 0 && args[1].IsSingleValue && args[1].Lo > 0
                => x with { Lo = Math.Pow(x.Lo, args[1].Lo), Hi = Math.Pow(x.Hi, args[1].Lo) },
            _ => ValueRange.Unknown with { IsRandom = x.IsRandom },
        };
    }

    /// <summary>
    /// A call of System.Random (or a subclass): rng.NextDouble(), Random.Shared.Next(-1, 2)…; or Unity's static
    /// UnityEngine.Random.Range(a, b), the usual draw in game-AI networks.
    /// </summary>
    public bool IsRandomDraw(IInvocationOperation invocation)
    {
        if (IsUnityRandom(invocation.TargetMethod.ContainingType))
        {
            return invocation.TargetMethod is { IsStatic: true, Name: "Range" } && invocation.Arguments.Length == 2;
        }

        if (_random is null || invocation.TargetMethod.IsStatic)
        {
            return false;
        }

        for (ITypeSymbol? t = invocation.TargetMethod.ContainingType; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, _random))
            {
                return invocation.TargetMethod.Name is "NextDouble" or "NextSingle" or "Next" or "NextInt64";
            }
        }

        return false;
    }

    private static bool IsUnityRandom(INamedTypeSymbol? type)
        => type is { Name: "Random", ContainingNamespace: { Name: "UnityEngine", ContainingNamespace.IsGlobalNamespace: true } };

    private ValueRange? RandomDraw(IInvocationOperation invocation)
    {
        var args = new ValueRange[invocation.Arguments.Length];
        for (int i = 0; i < args.Length; i++)
        {
            if (Evaluate(invocation.Arguments[i].Value) is not ValueRange a)
            {
                return null;
            }

            args[i] = a;
        }

        bool unity = IsUnityRandom(invocation.TargetMethod.ContainingType);
        ValueRange range = (invocation.TargetMethod.Name, args.Length) switch
        {
            // Unity: Range(float a, float b) is in [a, b] (both ends included), Range(int a, int b) in [a, b).
            ("Range", 2) when unity && IsReal(invocation.Type)
                => new ValueRange(Math.Min(args[0].Lo, args[1].Lo), Math.Max(args[0].Hi, args[1].Hi), true, args[0].HasRuntimeScale || args[1].HasRuntimeScale),
            ("NextDouble" or "NextSingle", 0) => new ValueRange(0, 1, true, false),
            (_, 0) => new ValueRange(0, int.MaxValue, true, false),
            (_, 1) when args[0].Lo >= 1 => new ValueRange(0, args[0].Hi - 1, true, args[0].HasRuntimeScale),
            (_, 2) when args[1].Lo > args[0].Hi => new ValueRange(args[0].Lo, args[1].Hi - 1, true, args[0].HasRuntimeScale || args[1].HasRuntimeScale),
            _ => ValueRange.Unknown with { IsRandom = true },
        };
        return range;
    }

    private static ValueRange Join(ValueRange a, ValueRange b)
        => new(0, 0, a.IsRandom || b.IsRandom, a.HasRuntimeScale || b.HasRuntimeScale);

    private static ValueRange Product(double a, double b, double c, double d, bool random, bool runtime)
    {
        double p1 = Mul(a, c), p2 = Mul(a, d), p3 = Mul(b, c), p4 = Mul(b, d);
        return new ValueRange(Math.Min(Math.Min(p1, p2), Math.Min(p3, p4)), Math.Max(Math.Max(p1, p2), Math.Max(p3, p4)), random, runtime);
    }

    /// <summary>0 · ∞ = 0 here: an endpoint at 0 times an unbounded one bounds the product by 0.</summary>
    private static double Mul(double x, double y) => x == 0 || y == 0 ? 0 : x * y;
}
