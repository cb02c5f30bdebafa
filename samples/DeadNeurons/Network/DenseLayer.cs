using System;
using System.Numerics.Tensors;

namespace DeadNeurons.Network;

/// <summary>
/// A fully connected layer, z = x·Wᵀ + b, over a batch of rows. Weights are row-major [outputs × inputs]:
/// row o holds the weights into unit o, so a forward product is one dot product per (row, unit).
/// Dense products use <see cref="TensorPrimitives"/> (vectorised); the layer owns its gradients.
/// </summary>
internal sealed class DenseLayer
{
    public DenseLayer(int inputs, int outputs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        Inputs = inputs;
        Outputs = outputs;
        Weights = new float[outputs * inputs];
        Biases = new float[outputs];
        WeightGradients = new float[outputs * inputs];
        BiasGradients = new float[outputs];
    }

    /// <summary>Fan-in: the length of one input row.</summary>
    public int Inputs { get; }

    /// <summary>Fan-out: the number of units.</summary>
    public int Outputs { get; }

    /// <summary>[Outputs × Inputs], row-major.</summary>
    public float[] Weights { get; }

    /// <summary>[Outputs].</summary>
    public float[] Biases { get; }

    /// <summary>∂L/∂W from the last <see cref="Backward"/>, same layout as <see cref="Weights"/>.</summary>
    public float[] WeightGradients { get; }

    /// <summary>∂L/∂b from the last <see cref="Backward"/>.</summary>
    public float[] BiasGradients { get; }

    /// <summary>z[r, o] = b[o] + Σᵢ x[r, i] · W[o, i] for r &lt; <paramref name="rows"/>; x is [rows × Inputs], z is [rows × Outputs].</summary>
    public void Forward(ReadOnlySpan<float> x, Span<float> z, int rows)
    {
        ReadOnlySpan<float> weights = Weights;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> xRow = x.Slice(r * Inputs, Inputs);
            Span<float> zRow = z.Slice(r * Outputs, Outputs);
            for (int o = 0; o < Outputs; o++)
            {
                zRow[o] = TensorPrimitives.Dot(xRow, weights.Slice(o * Inputs, Inputs));
            }

            TensorPrimitives.Add(zRow, Biases, zRow);
        }
    }

    /// <summary>
    /// From ∂L/∂z ([rows × Outputs]) and the layer's input x ([rows × Inputs]): sets ∂L/∂W = (∂L/∂z)ᵀ·x and
    /// ∂L/∂b = Σ_r ∂L/∂z[r], and, unless <paramref name="gradX"/> is empty, ∂L/∂x = ∂L/∂z·W ([rows × Inputs]).
    /// </summary>
    public void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradZ, Span<float> gradX, int rows)
    {
        Span<float> weightGradients = WeightGradients;
        weightGradients.Clear();
        Array.Clear(BiasGradients);
        for (int o = 0; o < Outputs; o++)
        {
            Span<float> gradRow = weightGradients.Slice(o * Inputs, Inputs);
            float biasGradient = 0;
            for (int r = 0; r < rows; r++)
            {
                float g = gradZ[(r * Outputs) + o];
                if (g != 0)
                {
                    TensorPrimitives.MultiplyAdd(x.Slice(r * Inputs, Inputs), g, gradRow, gradRow);
                    biasGradient += g;
                }
            }

            BiasGradients[o] = biasGradient;
        }

        if (gradX.IsEmpty)
        {
            return;
        }

        ReadOnlySpan<float> weights = Weights;
        for (int r = 0; r < rows; r++)
        {
            Span<float> gradXRow = gradX.Slice(r * Inputs, Inputs);
            gradXRow.Clear();
            ReadOnlySpan<float> gradZRow = gradZ.Slice(r * Outputs, Outputs);
            for (int o = 0; o < Outputs; o++)
            {
                float g = gradZRow[o];
                if (g != 0)
                {
                    TensorPrimitives.MultiplyAdd(weights.Slice(o * Inputs, Inputs), g, gradXRow, gradXRow);
                }
            }
        }
    }
}
