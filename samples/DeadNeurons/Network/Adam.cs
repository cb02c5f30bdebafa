using System;
using System.Collections.Generic;
using System.Numerics.Tensors;

namespace DeadNeurons.Network;

/// <summary>
/// Adam (Kingma and Ba, 2015) over the weights and biases of a set of layers, with PyTorch's defaults
/// β₁ = 0.9, β₂ = 0.999, ε = 1e-8. Each step reads the gradients the layers hold.
/// </summary>
internal sealed class Adam
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    private readonly List<(float[] Parameters, float[] Gradients, float[] FirstMoment, float[] SecondMoment)> _slots = [];
    private readonly float[] _scratch;
    private int _step;

    public Adam(IEnumerable<DenseLayer> layers, float learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        LearningRate = learningRate;
        int largest = 0;
        foreach (DenseLayer layer in layers)
        {
            _slots.Add((layer.Weights, layer.WeightGradients, new float[layer.Weights.Length], new float[layer.Weights.Length]));
            _slots.Add((layer.Biases, layer.BiasGradients, new float[layer.Biases.Length], new float[layer.Biases.Length]));
            largest = Math.Max(largest, layer.Weights.Length);
        }

        _scratch = new float[largest];
    }

    public float LearningRate { get; }

    /// <summary>One update of every parameter from its current gradient.</summary>
    public void Step()
    {
        _step++;

        // The bias corrections folded into the step size and ε (the reordering section 2 of the paper
        // suggests), so no m̂, v̂ buffers: lr·m̂/(√v̂ + ε) = αₜ·m/(√v + ε̂), αₜ = lr·√(1−β₂ᵗ)/(1−β₁ᵗ), ε̂ = ε·√(1−β₂ᵗ).
        float correction2 = MathF.Sqrt(1 - MathF.Pow(Beta2, _step));
        float stepSize = LearningRate * correction2 / (1 - MathF.Pow(Beta1, _step));
        float epsilon = Epsilon * correction2;
        foreach ((float[] parameters, float[] gradients, float[] m, float[] v) in _slots)
        {
            Span<float> scratch = _scratch.AsSpan(0, parameters.Length);
            TensorPrimitives.Lerp(m, gradients, 1 - Beta1, m);                // m ← β₁m + (1−β₁)g
            TensorPrimitives.Multiply(gradients, gradients, scratch);
            TensorPrimitives.Lerp(v, scratch, 1 - Beta2, v);                  // v ← β₂v + (1−β₂)g²
            TensorPrimitives.Sqrt(v, scratch);
            TensorPrimitives.Add(scratch, epsilon, scratch);
            TensorPrimitives.Divide(m, scratch, scratch);
            TensorPrimitives.MultiplyAdd(scratch, -stepSize, parameters, parameters);
        }
    }
}
