using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.IO.Compression;

namespace DeadNeurons.Data;

/// <summary>The content of an IDX image file: <see cref="Count"/> images of <see cref="Rows"/>×<see cref="Columns"/> bytes, row-major, one after another.</summary>
internal sealed record IdxImages(byte[] Pixels, int Count, int Rows, int Columns);

/// <summary>
/// Reads the IDX files of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/): a big-endian header
/// (magic number 0x0000TTDD with element type TT and dimension count DD, then one 32-bit size per dimension)
/// followed by the elements. Only unsigned-byte files are read: images (3 dimensions) and labels (1).
/// Files may be gzip-compressed, as they are distributed; the gzip magic bytes decide, not the file name.
/// </summary>
/// <remarks>
/// Every check runs before the data is used: the magic number, that the header is complete, and that the
/// file holds exactly as many bytes as its header promises. A failure is an <see cref="IdxFormatException"/>
/// naming the file and the problem, never a partial load.
/// </remarks>
internal static class IdxReader
{
    /// <summary>Magic number of an IDX file of unsigned bytes with three dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of an IDX file of unsigned bytes with one dimension (count).</summary>
    public const int LabelsMagic = 0x00000801;

    private const byte UnsignedByteType = 0x08;

    /// <summary>Reads an IDX image file (magic 0x00000803).</summary>
    /// <exception cref="IdxFormatException">The file is missing, unreadable, not an image file, or not the length its header states.</exception>
    public static IdxImages ReadImages(string path)
    {
        const int HeaderBytes = 16;
        ReadOnlySpan<byte> data = ReadWithHeader(path, ImagesMagic, "an image file (3 dimensions)", HeaderBytes);
        int count = ReadSize(path, data, 4, "image count");
        int rows = ReadSize(path, data, 8, "row count");
        int columns = ReadSize(path, data, 12, "column count");
        long expected = (long)count * rows * columns;
        CheckBodyLength(path, data.Length - HeaderBytes, expected, string.Create(CultureInfo.InvariantCulture, $"{count:N0} images of {rows}×{columns}"));
        return new IdxImages(data.Slice(HeaderBytes).ToArray(), count, rows, columns);
    }

    /// <summary>Reads an IDX label file (magic 0x00000801).</summary>
    /// <exception cref="IdxFormatException">The file is missing, unreadable, not a label file, or not the length its header states.</exception>
    public static byte[] ReadLabels(string path)
    {
        const int HeaderBytes = 8;
        ReadOnlySpan<byte> data = ReadWithHeader(path, LabelsMagic, "a label file (1 dimension)", HeaderBytes);
        int count = ReadSize(path, data, 4, "label count");
        CheckBodyLength(path, data.Length - HeaderBytes, count, string.Create(CultureInfo.InvariantCulture, $"{count:N0} labels"));
        return data.Slice(HeaderBytes).ToArray();
    }

    /// <summary>The file's content, checked to start with <paramref name="magic"/> and to hold a whole header.</summary>
    private static byte[] ReadWithHeader(string path, int magic, string kind, int headerBytes)
    {
        byte[] content = ReadContent(path);
        CheckMagic(path, content, magic, kind);
        if (content.Length < headerBytes)
        {
            throw new IdxFormatException(path, string.Create(CultureInfo.InvariantCulture, $"truncated: {content.Length} bytes, shorter than its {headerBytes}-byte header"));
        }

        return content;
    }

    /// <summary>The bytes of the file, gunzipped where the file starts with the gzip magic bytes.</summary>
    private static byte[] ReadContent(string path)
    {
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IdxFormatException(path, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : "cannot be read: " + e.Message, e);
        }

        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b)
        {
            return raw;
        }

        try
        {
            using var compressed = new MemoryStream(raw, writable: false);
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            using var content = new MemoryStream();
            gzip.CopyTo(content);
            return content.ToArray();
        }
        catch (InvalidDataException e)
        {
            // A gzip stream cut short or damaged: the header checks below would only see its first part.
            throw new IdxFormatException(path, "damaged or truncated gzip data: " + e.Message, e);
        }
    }

    private static void CheckMagic(string path, ReadOnlySpan<byte> data, int expected, string expectedKind)
    {
        if (data.Length < 4)
        {
            throw new IdxFormatException(path, string.Create(CultureInfo.InvariantCulture, $"truncated: {data.Length} bytes, too short for an IDX magic number"));
        }

        int magic = BinaryPrimitives.ReadInt32BigEndian(data);
        if (magic == expected)
        {
            return;
        }

        string found = data[0] != 0 || data[1] != 0 ? "not an IDX file (those start with two zero bytes)"
            : data[2] != UnsignedByteType ? string.Create(CultureInfo.InvariantCulture, $"an IDX file of element type 0x{data[2]:X2}, not unsigned bytes (0x08)")
            : magic == ImagesMagic ? "an image file (3 dimensions)"
            : magic == LabelsMagic ? "a label file (1 dimension)"
            : string.Create(CultureInfo.InvariantCulture, $"an IDX file with {data[3]} dimensions");
        throw new IdxFormatException(path, string.Create(
            CultureInfo.InvariantCulture,
            $"wrong magic number 0x{magic:X8}: expected 0x{expected:X8}, {expectedKind}; this is {found}"));
    }

    private static int ReadSize(string path, ReadOnlySpan<byte> data, int offset, string what)
    {
        // Sizes are unsigned 32-bit; anything past int.MaxValue cannot be a real image set.
        uint size = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(offset));
        if (size is 0 or > int.MaxValue)
        {
            throw new IdxFormatException(path, string.Create(CultureInfo.InvariantCulture, $"header gives {what} {size}"));
        }

        return (int)size;
    }

    private static void CheckBodyLength(string path, long actual, long expected, string promised)
    {
        if (actual < expected)
        {
            throw new IdxFormatException(path, string.Create(
                CultureInfo.InvariantCulture,
                $"truncated: the header promises {promised} ({expected:N0} bytes after the header) but the file holds {actual:N0}"));
        }

        if (actual > expected)
        {
            throw new IdxFormatException(path, string.Create(
                CultureInfo.InvariantCulture,
                $"{actual - expected:N0} bytes more than the header's {promised} ({expected:N0} bytes after the header); the header and the data do not belong together"));
        }
    }
}
