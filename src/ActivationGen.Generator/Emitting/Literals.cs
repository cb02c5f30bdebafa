using System.Globalization;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Emitting;

/// <summary>
/// C# literals for the element type, independent of the machine's culture and of the compiler host's
/// formatting quirks: the shortest "G" precision that parses back to the same value (round-trip).
/// </summary>
internal static class Literals
{
    public static string Real(double value, ElementType type)
    {
        if (type == ElementType.Single)
        {
            float f = (float)value;
            if (float.IsNaN(f))
            {
                return "float.NaN";
            }

            if (float.IsInfinity(f))
            {
                return f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
            }

            return ShortestSingle(f) + "f";
        }

        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        string text = ShortestDouble(value);
        return text.IndexOfAny(['.', 'E']) >= 0 ? text : text + ".0";
    }

    public static string Integer(long value, ElementType type)
    {
        string digits = value >= 65536 ? "0x" + value.ToString("X", CultureInfo.InvariantCulture)
            : value.ToString(CultureInfo.InvariantCulture);
        return type == ElementType.Single ? digits : digits + "L";
    }

    /// <summary>Shortest round-trip text of a double, invariant culture.</summary>
    public static string ShortestDouble(double value)
    {
        if (value == 0)
        {
            return IsNegativeZero(value) ? "-0" : "0";
        }

        for (int precision = 1; precision < 17; precision++)
        {
            string s = value.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) == value)
            {
                return s;
            }
        }

        return value.ToString("G17", CultureInfo.InvariantCulture);
    }

    private static string ShortestSingle(float value)
    {
        if (value == 0)
        {
            return IsNegativeZero(value) ? "-0" : "0";
        }

        for (int precision = 1; precision < 9; precision++)
        {
            string s = value.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) == value)
            {
                return s;
            }
        }

        return value.ToString("G9", CultureInfo.InvariantCulture);
    }

    private static bool IsNegativeZero(double value) => value == 0 && double.IsNegativeInfinity(1 / value);
}
