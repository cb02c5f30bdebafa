using System;
using System.Collections.Generic;
using System.Numerics.Tensors;
using DeadNeurons.Initialization;

namespace DeadNeurons.Network;

/// <summary>
/// A multilayer perceptron for classification: dense layers with <see cref="Activation"/> after every hidden
/// layer, softmax on the output, cross-entropy loss. Works on batches of up to <see cref="MaxRows"/> rows,
/// row-major, and keeps the batch's pre-activations so that dead units can be counted from them.
/// </summary>
internal sealed class Mlp
{
    private readonly DenseLayer[] _layers;
    private readonly float[][] _z;      // pre-activations of each layer, [MaxRows × units]; the last holds the logits
    private readonly float[][] _a;      // activations of each hidden layer, [MaxRows × units]
    private readonly float[][] _gradZ;  // ∂L/∂z of each layer
    private readonly float[][] _gradA;  // ∂L/∂a of each hidden layer
    private readonly float[] _probabilities;
    private int _rows;

    /// <summary>
    /// Creates the network. <paramref name="layerSizes"/> runs from the input size to the class count, e.g.
    /// 784, 256, 128, 10. Each layer's weights and biases are set by <paramref name="initializer"/>, in layer order,
    /// drawing from <paramref name="rng"/>.
    /// </summary>
    public Mlp(IReadOnlyList<int> layerSizes, IHiddenActivation activation, IWeightInitializer initializer, Random rng, int maxRows)
    {
        if (layerSizes.Count < 2)
        {
            throw new ArgumentException("A network needs at least an input and an output size.", nameof(layerSizes));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        Activation = activation;
        MaxRows = maxRows;
        int layerCount = layerSizes.Count - 1;
        _layers = new DenseLayer[layerCount];
        _z = new float[layerCount][];
        _gradZ = new float[layerCount][];
        _a = new float[layerCount - 1][];
        _gradA = new float[layerCount - 1][];
        for (int l = 0; l < layerCount; l++)
        {
            var layer = new DenseLayer(layerSizes[l], layerSizes[l + 1]);
            initializer.Initialize(layer.Weights, layer.Biases, layer.Inputs, rng);
            _layers[l] = layer;
            _z[l] = new float[maxRows * layer.Outputs];
            _gradZ[l] = new float[maxRows * layer.Outputs];
            if (l < layerCount - 1)
            {
                _a[l] = new float[maxRows * layer.Outputs];
                _gradA[l] = new float[maxRows * layer.Outputs];
            }
        }

        _probabilities = new float[maxRows * Classes];
    }

    public IHiddenActivation Activation { get; }

    public IReadOnlyList<DenseLayer> Layers => _layers;

    public int MaxRows { get; }

    public int InputSize => _layers[0].Inputs;

    public int Classes => _layers[^1].Outputs;

    public int HiddenLayerCount => _layers.Length - 1;

    /// <summary>Rows in the last forward pass.</summary>
    public int Rows => _rows;

    /// <summary>Class probabilities of the last forward pass, [Rows × Classes].</summary>
    public ReadOnlySpan<float> Probabilities => _probabilities.AsSpan(0, _rows * Classes);

    /// <summary>Pre-activations z of hidden layer <paramref name="hiddenLayer"/> in the last forward pass, [Rows × units].</summary>
    public ReadOnlySpan<float> PreActivations(int hiddenLayer)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(hiddenLayer, HiddenLayerCount);
        return _z[hiddenLayer].AsSpan(0, _rows * _layers[hiddenLayer].Outputs);
    }

    /// <summary>Runs <paramref name="rows"/> inputs ([rows × InputSize]) through the network; read <see cref="Probabilities"/> after.</summary>
    public void Forward(ReadOnlySpan<float> inputs, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxRows);
        _rows = rows;
        ReadOnlySpan<float> x = inputs.Slice(0, rows * InputSize);
        for (int l = 0; l < _layers.Length; l++)
        {
            DenseLayer layer = _layers[l];
            Span<float> z = _z[l].AsSpan(0, rows * layer.Outputs);
            layer.Forward(x, z, rows);
            if (l < HiddenLayerCount)
            {
                Span<float> a = _a[l].AsSpan(0, z.Length);
                Activation.Activate(z, a);
                x = a;
            }
        }

        // Softmax over each row of logits, shifted by the row's maximum first: TensorPrimitives.SoftMax
        // exponentiates as it is given, and exp overflows float past 88.
        Span<float> logits = _z[^1];
        for (int r = 0; r < rows; r++)
        {
            Span<float> row = logits.Slice(r * Classes, Classes);
            TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), row);
            TensorPrimitives.SoftMax(row, _probabilities.AsSpan(r * Classes, Classes));
        }
    }

    /// <summary>The class with the highest probability for row <paramref name="row"/> of the last forward pass.</summary>
    public int Predicted(int row) => TensorPrimitives.IndexOfMax(_probabilities.AsSpan(row * Classes, Classes));

    /// <summary>Summed cross-entropy −log p(label) over the rows of the last forward pass.</summary>
    public double CrossEntropySum(ReadOnlySpan<byte> labels)
    {
        double sum = 0;
        for (int r = 0; r < _rows; r++)
        {
            // Clamped so that one hopeless row gives a large finite loss rather than ∞.
            sum -= Math.Log(Math.Max(_probabilities[(r * Classes) + labels[r]], 1e-30f));
        }

        return sum;
    }

    /// <summary>
    /// Backpropagates the mean cross-entropy of the last forward pass against <paramref name="labels"/>,
    /// leaving ∂L/∂W and ∂L/∂b in each layer. <paramref name="inputs"/> is what <see cref="Forward"/> was given.
    /// </summary>
    public void Backward(ReadOnlySpan<float> inputs, ReadOnlySpan<byte> labels)
    {
        int rows = _rows;

        // Softmax with cross-entropy: ∂L/∂logits = (p − onehot(label)) / rows.
        Span<float> gradLogits = _gradZ[^1].AsSpan(0, rows * Classes);
        TensorPrimitives.Multiply(Probabilities, 1f / rows, gradLogits);
        for (int r = 0; r < rows; r++)
        {
            gradLogits[(r * Classes) + labels[r]] -= 1f / rows;
        }

        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            DenseLayer layer = _layers[l];
            ReadOnlySpan<float> x = l == 0 ? inputs.Slice(0, rows * InputSize) : _a[l - 1].AsSpan(0, rows * layer.Inputs);
            Span<float> gradX = l == 0 ? Span<float>.Empty : _gradA[l - 1].AsSpan(0, rows * layer.Inputs);
            layer.Backward(x, _gradZ[l].AsSpan(0, rows * layer.Outputs), gradX, rows);
            if (l > 0)
            {
                // ∂L/∂z = ∂L/∂a · g'(z), through the generated backward kernel.
                Activation.ActivateBackward(_z[l - 1].AsSpan(0, gradX.Length), gradX, _gradZ[l - 1].AsSpan(0, gradX.Length));
            }
        }
    }
}
