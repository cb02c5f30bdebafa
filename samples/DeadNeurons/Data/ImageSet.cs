using System;
using System.Numerics.Tensors;

namespace DeadNeurons.Data;

/// <summary>
/// Labelled grey images held as the bytes of the IDX file: <see cref="Count"/> images of
/// <see cref="PixelsPerImage"/> bytes (0 = background, 255 = full ink), row-major, and one label per image.
/// <see cref="Scaling"/> says how the bytes become network inputs.
/// </summary>
internal sealed class ImageSet
{
    /// <summary>Creates the set; <paramref name="pixels"/> holds labels.Length × rows × columns bytes.</summary>
    public ImageSet(byte[] pixels, byte[] labels, int rows, int columns, int classes, PixelScaling? scaling = null)
    {
        if (pixels.Length != labels.Length * rows * columns)
        {
            throw new ArgumentException("Pixel count does not match labels × rows × columns.", nameof(pixels));
        }

        Pixels = pixels;
        Labels = labels;
        Rows = rows;
        Columns = columns;
        Classes = classes;
        Scaling = scaling ?? PixelScaling.UnitInterval;
    }

    public byte[] Pixels { get; }

    public byte[] Labels { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Number of classes; every label is below it.</summary>
    public int Classes { get; }

    public PixelScaling Scaling { get; }

    public int Count => Labels.Length;

    public int PixelsPerImage => Rows * Columns;

    /// <summary>The same images with another <see cref="Scaling"/> (the arrays are shared, not copied).</summary>
    public ImageSet WithScaling(PixelScaling scaling) => new(Pixels, Labels, Rows, Columns, Classes, scaling);

    /// <summary>The images <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1, copied.</summary>
    public ImageSet Slice(int start, int count) => new(
        Pixels.AsSpan(start * PixelsPerImage, count * PixelsPerImage).ToArray(),
        Labels.AsSpan(start, count).ToArray(),
        Rows,
        Columns,
        Classes,
        Scaling);

    /// <summary>
    /// Writes image <paramref name="index"/> as network inputs, (byte / 255 − mean) / deviation, into the first
    /// <see cref="PixelsPerImage"/> floats of <paramref name="destination"/>.
    /// </summary>
    public void CopyImage(int index, Span<float> destination)
    {
        Span<float> row = destination.Slice(0, PixelsPerImage);
        TensorPrimitives.ConvertTruncating<byte, float>(Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage), row);
        TensorPrimitives.Multiply(row, 1f / (255f * Scaling.StandardDeviation), row);
        TensorPrimitives.Subtract(row, Scaling.Mean / Scaling.StandardDeviation, row);
    }
}
