using System.Linq;
using ActivationGen.Generator.Model;
using static ActivationGen.Generator.Numerics.E;

namespace ActivationGen.Generator.Numerics;

/// <summary>
/// Our own e^x and e^x − 1, written in the expression language so that the scalar and every vector
/// kernel evaluate the very same operations (no Math.Exp, whose result differs between runtimes and
/// between scalar and vector code).
/// <para>
/// Method (Cody–Waite range reduction, as in fdlibm and Cephes): x = n·ln2 + r with n = round(x/ln2)
/// and |r| ≤ ln2/2, where n·ln2 is subtracted in two parts (ln2 = ln2Hi + ln2Lo, ln2Hi with trailing
/// zero bits so that n·ln2Hi is exact). Then e^r − 1 = r + r²·P(r) with P a near-minimax polynomial
/// (degree 5 for float, 10 for double; coefficients from tools/numerics/fit_polynomials.py, which
/// also prints their approximation error: 0.012 ulp float, 0.003 ulp double; tanh takes the "shorter" fits
/// one degree lower, 0.18 ulp float, 0.14 ulp double). Finally 2^n is built from
/// the exponent bits, as two factors 2^n1·2^n2 so that results in the subnormal range are rounded once.
/// Multiply-adds are fused where the target has a fused multiply-add (net8.0+; same bits with or without
/// FMA hardware) and separate elsewhere.
/// n is found with the "magic number" trick (x·log2e + 1.5·2^p rounds to an integer in the add), which
/// is one exactly rounded add on every instruction set, unlike a float→int conversion.
/// </para>
/// </summary>
internal static class ExpApproximation
{
    private const double Log2E = 1.4426950408889634;

    // P(r) ≈ (e^r − 1 − r) / r², lowest degree first. Rounded to the element type.
    private static readonly double[] SingleP =
    [
        0.5, 0.1666666716337204, 0.04166646674275398, 0.00833331048488617, 0.0013933649752289057,
        0.00019890991097781807,
    ];

    // One degree lower (4 float, 9 double): 0.18 ulp float, 0.14 ulp double. For kinds whose error budget has the
    // room (tanh, where 1 − 2σ(−2|z|) damps the error of e^(2|z|)): one fused multiply-add fewer per reduction.
    private static readonly double[] SingleShorterP =
    [
        0.5, 0.16666576266288757, 0.041666556149721146, 0.008363178931176662, 0.0013926184037700295,
    ];

    private static readonly double[] DoubleShorterP =
    [
        0.5000000000000001, 0.16666666666666669, 0.04166666666662413, 0.008333333333330062, 0.0013888888917213717,
        0.00019841269863053618, 2.4801521295954376e-05, 2.7557268459997064e-06, 2.7620088445409746e-07,
        2.510038549551032e-08,
    ];

    private static readonly double[] DoubleP =
    [
        0.5, 0.1666666666666667, 0.04166666666666667, 0.008333333333326136, 0.0013888888888883748,
        0.00019841269874820627, 2.4801587325547743e-05, 2.7557255400206422e-06, 2.75572736431103e-07,
        2.5105217004720745e-08, 2.0914686968086876e-09,
    ];

    /// <summary>
    /// The normal range of a non-positive x: for −limit ≤ x ≤ 0, 2^n is a normal number, and so is every
    /// product of it with q or with a value in [1/2, 2] (n ≥ −92 for float, −866 for double, while |q| ≥ 2^−34
    /// resp. 2^−156 wherever n ≠ 0, since x − n·ln2 is never that small for an x of the type).
    /// </summary>
    public static double NormalRangeLimit(ElementType type) => type == ElementType.Single ? 64 : 600;

    /// <summary>
    /// The largest |x| for which 1 + 2^n is exact: |n| ≤ 23 (float) / 52 (double), as n = round(x·log2e) and
    /// 16·log2e = 23.08, 36·log2e = 51.94. There 1 + e^x = (1 + s) + s·q needs one rounding only, the one of a
    /// fused multiply-add.
    /// </summary>
    public static double ExactOnePlusLimit(ElementType type) => type == ElementType.Single ? 16 : 36;

    /// <summary>
    /// Reduces x to (2^n1, 2^n2, q = e^r − 1). <paramref name="nonPositive"/> states that x ≤ 0 (or NaN)
    /// by construction, which drops the overflow clamp. <paramref name="normalRange"/> states, in addition,
    /// that x is not NaN and either −<see cref="NormalRangeLimit"/> ≤ x ≤ 0 or |x| ≤ <see cref="ExactOnePlusLimit"/>
    /// (the caller has checked): then the range clamp goes and 2^n is built as one factor, which gives the same
    /// bits as the general form with five fewer integer operations and one multiply fewer per use.
    /// </summary>
    public static ExpReduction Reduce(Expr x, ElementType type, bool nonPositive, bool normalRange = false, bool shorter = false)
    {
        bool single = type == ElementType.Single;

        // Below `low` even 4·e^x is 0 after rounding (4e^-106 < 2^-150, 4e^-748 < 2^-1075); above `high` it
        // is +∞ (e^89 > float.MaxValue, e^710 > double.MaxValue). Clamping keeps n in range; NaN passes
        // through both comparisons unchanged and propagates to the result.
        double low = single ? -106.0 : -748.0;
        double high = single ? 89.0 : 710.0;
        Expr clamped = nonPositive ? AtLeast(x, low) : AtMost(Let("xl", AtLeast(x, low)), high);

        Expr xc = normalRange ? x : Let("xc", clamped, "x clamped to [" + Format(low) + ", " + (nonPositive ? "0" : Format(high)) + "]: keeps n in range; NaN passes through");

        (double magic, long magicBits, double ln2Hi, double ln2Lo, int mantissaBits, long bias) = Constants(single);

        Expr t = Let("t", MulAdd(xc, Log2E, magic), "t = x·log2(e) + 1.5·2^" + (single ? "23" : "52") + ": the add rounds x/ln2 to the nearest integer n");
        Expr n = Let("n", t - magic);
        Expr r = Let("r", MulAdd(n, -ln2Lo, MulAdd(n, -ln2Hi, xc)), "r = x − n·ln2, |r| ≤ ln2/2 (ln2 in two parts, Cody–Waite: n·ln2Hi is exact)");
        // P(±r) = Pe(r²) ± r·Po(r²): one evaluation serves e^r and e^(−r), with a shorter dependency chain.
        double[] p = Coefficients(type, shorter);
        Expr u = Let("u", r * r);
        Expr even = Let("pe", Polynomial(u, Every(p, 0)));
        Expr odd = Let("po", r * Polynomial(u, Every(p, 1)), "P(±r) = pe ± po, P(r) ≈ (e^r − 1 − r)/r² (near-minimax)");

        long half = single ? 128 : 1024;
        if (normalRange)
        {
            // The bits of t are magicBits + n: n + bias shifted into the exponent field, one step each.
            Expr scale = Let("s", FromBits(ShiftLeft(Bits(t) - Int(magicBits - bias), mantissaBits)), "s = 2^n from t's bits (magic + n) − (magic − bias): one normal factor in the normal range");
            Expr inverse = FromBits(ShiftLeft(Int(bias + magicBits) - Bits(t), mantissaBits));
            return new ExpReduction(r, u, even, odd, scale, scale2: null, inverse);
        }

        Expr k = Let("k", Bits(t) - Int(magicBits), "k = n as an integer, read from the low bits of t");
        Expr k1 = Let("k1", ShiftRightLogical(k + Int(2 * half), 1) - Int(half), "2^n = 2^k1 · 2^k2 with k1 = ⌊k/2⌋, so both factors are normal numbers");
        Expr scale1 = Let("scale1", FromBits(ShiftLeft(k1 + Int(bias), mantissaBits)));
        Expr scale2 = Let("scale2", FromBits(ShiftLeft((k - k1) + Int(bias), mantissaBits)));
        return new ExpReduction(r, u, even, odd, scale1, scale2, FromBits(ShiftLeft(Int(bias) - k, mantissaBits)));
    }

    /// <summary>
    /// d = 1 + e^(c·y) for |c·y| ≤ <see cref="ExactOnePlusLimit"/> (y not NaN), c = ±1 or ±2 — the short forward's
    /// denominator (s + 1) + s·q of <see cref="Reduce"/> with normalRange, without forming x = c·y. Every step is
    /// the reduction of x scaled by an exact power of two: t = y·(c·log2e) + magic is the same t; r/c = y − n·(ln2/c)
    /// in the same two steps; the even and odd parts of the polynomial are evaluated in u/c² with their coefficients
    /// scaled by powers of c (each Horner step is then c^k times the unscaled one, and rounding commutes with that);
    /// so q/c, c·s (from t's bits, with c's exponent and sign) and c·s·(q/c) = s·q are exactly the unscaled
    /// values, and d has the same bits as Reduce's, with one operation fewer (the negation or doubling of y).
    /// </summary>
    public static Expr OnePlusExpScaled(Expr y, double c, ElementType type, bool shorter = false)
    {
        int log2C = System.Math.Abs(c) switch { 1 => 0, 2 => 1, _ => throw new System.ArgumentOutOfRangeException(nameof(c)) };
        bool single = type == ElementType.Single;
        (double magic, long magicBits, double ln2Hi, double ln2Lo, int mantissaBits, long bias) = Constants(single);

        // Shifted left by the mantissa width, bit (width of the exponent field) of the integer lands on the sign.
        long signBit = single ? 256 : 2048;
        string cText = c < 0 ? (log2C == 0 ? "−z" : "−2z") : (log2C == 0 ? "z" : "2|z|");
        Expr t = Let("t", MulAdd(y, c * Log2E, magic), "t = x·log2(e) + 1.5·2^" + (single ? "23" : "52") + " for x = " + cText + ": the add rounds x/ln2 to the nearest integer n");
        Expr cs = Let("cs", FromBits(ShiftLeft(Bits(t) - Int(magicBits - bias - log2C - (c < 0 ? signBit : 0)), mantissaBits)), "c·s = " + Format(c) + "·2^n from t's bits (one normal factor in the normal range)");
        Expr n = Let("n", t - magic);
        Expr rc = Let("rc", MulAdd(n, -ln2Lo / c, MulAdd(n, -ln2Hi / c, y)), "r/c = (x − n·ln2)/c, c = " + Format(c) + ", in the two Cody–Waite steps (exact scalings of r's)");
        Expr uc = Let("uc", rc * rc);
        // c·P's even part in u/c²: p[2k]·c^(2k+1); c·P's odd part over r/c: p[2k+1]·c^(2k+2).
        double[] p = Coefficients(type, shorter).Select((coefficient, i) => coefficient * System.Math.Pow(c, i + 1)).ToArray();
        Expr pe = Let("pe", Polynomial(uc, Every(p, 0)));
        Expr po = Let("po", rc * Polynomial(uc, Every(p, 1)), "c·P(r) = pe + po, P(r) ≈ (e^r − 1 − r)/r² with every step scaled by a power of c");
        Expr qc = Let("qc", MulAdd(uc, pe + po, rc), "q/c = (r + r²·P(r))/c, q = e^r − 1");
        return Let("d", MulAdd(cs, qc, MulAdd(cs, 1 / c, 1)), "d = 1 + e^x = (s + 1) + s·q, one rounding: s + 1 and s·q = (c·s)·(q/c) are exact");
    }

    /// <summary>
    /// The magic number 1.5·2^p and its bits, ln2 in two parts (ln2Hi with trailing zero bits, so n·ln2Hi is exact),
    /// the mantissa width and the exponent bias of the element type.
    /// </summary>
    private static (double Magic, long MagicBits, double Ln2Hi, double Ln2Lo, int MantissaBits, long Bias) Constants(bool single) => single
        ? (12582912.0, 0x4B400000L, 0.693145751953125, 1.428606765330187e-06, 23, 127)
        : (6755399441055744.0, 0x4338000000000000L, 0.6931471803691238, 1.9082149292705877e-10, 52, 1023);

    private static double[] Coefficients(ElementType type, bool shorter) => type == ElementType.Single
        ? (shorter ? SingleShorterP : SingleP)
        : (shorter ? DoubleShorterP : DoubleP);

    private static double[] Every(double[] coefficients, int start)
    {
        var result = new System.Collections.Generic.List<double>();
        for (int i = start; i < coefficients.Length; i += 2)
        {
            result.Add(coefficients[i]);
        }

        return result.ToArray();
    }

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// x = n·ln2 + r reduced. e^x = s·(1 + q) and e^(−x) = (1/s)·(1 + q̃) with s = 2^n, q = e^r − 1,
/// q̃ = e^(−r) − 1. s is held as two factors 2^n1·2^n2 (general form) or as one (normal range): a caller
/// scales by <see cref="Scale1"/> and passes the result through <see cref="ApplyScale2"/>, so that one
/// kernel text serves both forms. Members create their locals on first use, so a kernel pays only for
/// what it reads.
/// </summary>
internal sealed class ExpReduction
{
    private readonly Expr _r;
    private readonly Expr _u;
    private readonly Expr _even;
    private readonly Expr _odd;
    private readonly Expr? _scale2;
    private readonly Expr _inverse;
    private Expr? _q;
    private Expr? _qNegated;
    private Expr? _scale;
    private Expr? _scaleInverse;

    public ExpReduction(Expr r, Expr u, Expr even, Expr odd, Expr scale1, Expr? scale2, Expr inverse)
    {
        _r = r;
        _u = u;
        _even = even;
        _odd = odd;
        Scale1 = scale1;
        _scale2 = scale2;
        _inverse = inverse;
    }

    /// <summary>2^n1 (general form, n1 = ⌊n/2⌋) or s itself (normal range).</summary>
    public Expr Scale1 { get; }

    /// <summary>q = e^r − 1 = r + r²·P(r).</summary>
    public Expr Q => _q ??= Let("q", MulAdd(_u, _even + _odd, _r), "q = e^r − 1 = r + r²·P(r)");

    /// <summary>q̃ = e^(−r) − 1 = −r + r²·P(−r).</summary>
    public Expr QNegated => _qNegated ??= Let("qNeg", MulAdd(_u, _even - _odd, -_r), "q̃ = e^(−r) − 1 = −r + r²·P(−r)");

    /// <summary>s = 2^n, exact (subnormal or 0 far below 1).</summary>
    public Expr Scale => _scale ??= _scale2 is null ? Scale1 : Let("s", Scale1 * _scale2, "s = 2^n (exact)");

    /// <summary>
    /// 1/s = 2^(−n) in one factor: exact while −n stays in the exponent range; beyond it (|x| ≳ 88 for
    /// float, 709 for double) the bits are meaningless, so callers select another form there.
    /// </summary>
    public Expr ScaleInverse => _scaleInverse ??= Let("sInv", _inverse, "1/s = 2^(−n) (exact where it is used)");

    /// <summary>
    /// value·2^n2 for a value already scaled by <see cref="Scale1"/> (general form), or the value itself
    /// (normal range, where Scale1 is all of s). Exact, or one rounding onto the subnormal grid.
    /// </summary>
    public Expr ApplyScale2(Expr value) => _scale2 is null ? value : value * _scale2;

    /// <summary>e^x = (2^k1 + q·2^k2)·2^k2 in that order: one rounding, then an exact scaling (or, for a
    /// subnormal result, one more rounding onto the subnormal grid and no other).</summary>
    public Expr Exp() => ApplyScale2(MulAdd(Q, Scale1, Scale1));

    /// <summary>
    /// e·(1 − e) = s·(1 + (q − e)) for <paramref name="e"/> this reduction's <see cref="Exp"/> (its local), to e²
    /// relative: e/(1 + e) where e &lt; 2^−23 (2^−52), the sigmoid of a large negative argument. One rounding, then an
    /// exact scaling (or one onto the subnormal grid), as for <see cref="Exp"/>.
    /// </summary>
    public Expr ExpTimesOneMinusExp(Expr e) => ApplyScale2(MulAdd(Q - e, Scale1, Scale1));
}
