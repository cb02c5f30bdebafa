using System;

namespace DeadNeurons.Data;

/// <summary>
/// How pixel bytes become network inputs: x = (byte / 255 − <see cref="Mean"/>) / <see cref="StandardDeviation"/>.
/// </summary>
/// <remarks>
/// The sample standardises with the training set's statistics, as PyTorch's Fashion-MNIST examples do with
/// <c>Normalize((0.2860,), (0.3530,))</c>. He initialisation assumes inputs centred on zero; with raw [0, 1]
/// pixels every input is ≥ 0 and a unit's pre-activation follows the image's overall brightness instead.
/// </remarks>
internal readonly record struct PixelScaling(float Mean, float StandardDeviation)
{
    /// <summary>x = byte / 255, inputs in [0, 1].</summary>
    public static PixelScaling UnitInterval { get; } = new(0f, 1f);

    /// <summary>The mean and (population) standard deviation of byte / 255 over all of <paramref name="pixels"/>.</summary>
    public static PixelScaling Measure(ReadOnlySpan<byte> pixels)
    {
        if (pixels.IsEmpty)
        {
            return UnitInterval;
        }

        long sum = 0;
        long sumOfSquares = 0;
        foreach (byte p in pixels)
        {
            sum += p;
            sumOfSquares += p * p;
        }

        double mean = (double)sum / pixels.Length;
        double variance = ((double)sumOfSquares / pixels.Length) - (mean * mean);
        double deviation = Math.Sqrt(Math.Max(variance, 0));
        return deviation == 0 ? new((float)(mean / 255), 1f) : new((float)(mean / 255), (float)(deviation / 255));
    }
}
