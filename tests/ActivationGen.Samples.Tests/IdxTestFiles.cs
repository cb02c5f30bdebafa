using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace ActivationGen.Samples.Tests;

/// <summary>
/// Writes small IDX files for the tests, byte by byte from the format description (big-endian magic
/// 0x0000TTDD, one 32-bit size per dimension, then the data), in a temporary folder removed on dispose.
/// </summary>
public sealed class IdxTestFiles : IDisposable
{
    public IdxTestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "activationgen-idx-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public static byte[] ImagesBytes(int count, int rows, int columns, Func<int, byte>? pixel = null, int magic = 0x00000803)
    {
        byte[] bytes = new byte[16 + (count * rows * columns)];
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(0), magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), columns);
        for (int i = 16; i < bytes.Length; i++)
        {
            bytes[i] = pixel?.Invoke(i - 16) ?? (byte)((i - 16) % 251);
        }

        return bytes;
    }

    public static byte[] LabelsBytes(params byte[] labels)
    {
        byte[] bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(0), 0x00000801);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>Writes <paramref name="content"/> under <paramref name="name"/> in the folder; returns the path.</summary>
    public string Write(string name, byte[] content)
    {
        string path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
