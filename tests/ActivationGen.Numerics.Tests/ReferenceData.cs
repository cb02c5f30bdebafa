using System;
using System.Collections.Concurrent;
using System.IO;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ActivationGen.Numerics.Tests;

/// <summary>
/// Arbitrary-precision reference values made by tools/numerics/make_reference.py (mpmath, 60 digits):
/// the exact value rounded to T, plus the residual (exact − rounded) in ulps of the rounded value.
/// </summary>
public sealed class ReferenceTable<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public ReferenceTable(T[] inputs, T[] rounded, float[] residuals)
    {
        Inputs = inputs;
        Rounded = rounded;
        Residuals = residuals;
    }

    public T[] Inputs { get; }

    public T[] Rounded { get; }

    public float[] Residuals { get; }

    /// <summary>|computed − exact| in ulps of the correctly rounded reference; ∞ when NaN-ness differs.</summary>
    public double UlpError(int i, T computed)
    {
        T expected = Rounded[i];
        if (T.IsNaN(expected) || T.IsNaN(computed))
        {
            return T.IsNaN(expected) && T.IsNaN(computed) ? 0 : double.PositiveInfinity;
        }

        if (T.IsInfinity(expected) || T.IsInfinity(computed))
        {
            return expected == computed ? 0 : double.PositiveInfinity;
        }

        T magnitude = T.Abs(expected);
        double ulp = double.CreateChecked(T.BitIncrement(magnitude) - magnitude);
        double difference = double.CreateChecked(computed) - double.CreateChecked(expected);
        return Math.Abs((difference / ulp) - Residuals[i]);
    }
}

public static class ReferenceData
{
    private static readonly ConcurrentDictionary<string, object> Cache = new();

    public static string Folder(string type) => Path.Combine(AppContext.BaseDirectory, "Reference", type);

    public static ReferenceTable<T> Load<T>(string function, string grid = "inputs")
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => (ReferenceTable<T>)Cache.GetOrAdd(typeof(T).Name + "/" + function + "/" + grid, _ =>
        {
            string type = typeof(T) == typeof(float) ? "float" : "double";
            T[] inputs = ReadArray<T>(Path.Combine(Folder(type), grid + ".bin.gz"));
            byte[] rows = ReadAll(Path.Combine(Folder(type), function + ".bin.gz"), out int count);
            if (count != inputs.Length)
            {
                throw new InvalidDataException(function + " has " + count + " rows but the grid has " + inputs.Length + ".");
            }

            int size = Marshal.SizeOf<T>();
            var rounded = new T[count];
            var residuals = new float[count];
            for (int i = 0; i < count; i++)
            {
                rounded[i] = MemoryMarshal.Read<T>(rows.AsSpan(i * (size + 4)));
                residuals[i] = BitConverter.ToSingle(rows, (i * (size + 4)) + size);
            }

            return new ReferenceTable<T>(inputs, rounded, residuals);
        });

    public static T[] Grid<T>(string grid = "inputs")
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => (T[])Cache.GetOrAdd(typeof(T).Name + "/grid/" + grid, _ =>
            ReadArray<T>(Path.Combine(Folder(typeof(T) == typeof(float) ? "float" : "double"), grid + ".bin.gz")));

    private static T[] ReadArray<T>(string path)
        where T : unmanaged
    {
        byte[] bytes = ReadAll(path, out int count);
        return MemoryMarshal.Cast<byte, T>(bytes.AsSpan(0, count * Marshal.SizeOf<T>())).ToArray();
    }

    private static byte[] ReadAll(string path, out int count)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        byte[] all = memory.ToArray();
        count = BitConverter.ToInt32(all, 0);
        return all.AsSpan(4).ToArray();
    }
}
