using System;

namespace Quickstart;

/// <summary>
/// A 2-H-1 perceptron for XOR: tanh hidden layer, sigmoid output, binary cross-entropy loss, full-batch
/// gradient descent. Plain loops for the dense products; the activations are ActivationGen's.
/// </summary>
internal sealed class XorNetwork
{
    public const int Samples = 4;
    private const int InputSize = 2;

    /// <summary>The four XOR inputs, row-major [sample, input].</summary>
    public static ReadOnlySpan<float> Inputs => [0, 0, 0, 1, 1, 0, 1, 1];

    /// <summary>The XOR of each input row.</summary>
    public static ReadOnlySpan<float> Targets => [0, 1, 1, 0];

    private readonly int _hidden;
    private readonly float[] _w1; // [hidden, input]
    private readonly float[] _b1; // [hidden]
    private readonly float[] _w2; // [hidden]
    private float _b2;

    // Batch buffers, row-major [sample, hidden]: pre-activations, activations and their gradients.
    private readonly float[] _z1;
    private readonly float[] _h;
    private readonly float[] _gradH;
    private readonly float[] _gradZ1;
    private readonly float[] _p = new float[Samples];

    public XorNetwork(int hidden, int seed)
    {
        _hidden = hidden;
        _w1 = new float[hidden * InputSize];
        _b1 = new float[hidden];
        _w2 = new float[hidden];
        _z1 = new float[Samples * hidden];
        _h = new float[Samples * hidden];
        _gradH = new float[Samples * hidden];
        _gradZ1 = new float[Samples * hidden];

        // Glorot-uniform: tanh keeps its gradient when the weights are scaled by fan-in + fan-out.
        var rng = new Random(seed);
        float limit1 = MathF.Sqrt(6f / (InputSize + hidden));
        float limit2 = MathF.Sqrt(6f / (hidden + 1));
        for (int i = 0; i < _w1.Length; i++)
        {
            _w1[i] = (float)(((2 * rng.NextDouble()) - 1) * limit1);
        }

        for (int j = 0; j < hidden; j++)
        {
            _w2[j] = (float)(((2 * rng.NextDouble()) - 1) * limit2);
        }
    }

    /// <summary>Runs the network on the four inputs; returns P(XOR = 1) for each.</summary>
    public ReadOnlySpan<float> Predict()
    {
        Forward();
        return _p;
    }

    /// <summary>One forward and backward pass over the batch and one gradient step; returns the loss before the step.</summary>
    public float TrainStep(float learningRate)
    {
        Forward();

        float loss = 0;
        float gradB2 = 0;
        Span<float> gradW2 = stackalloc float[_hidden];
        gradW2.Clear();
        for (int s = 0; s < Samples; s++)
        {
            float p = _p[s];
            float t = Targets[s];
            loss -= (t * MathF.Log(p + 1e-7f)) + ((1 - t) * MathF.Log(1 - p + 1e-7f));

            // Sigmoid output with cross-entropy: ∂L/∂o = p − t, no sigmoid derivative needed.
            float gradO = (p - t) / Samples;
            gradB2 += gradO;
            for (int j = 0; j < _hidden; j++)
            {
                gradW2[j] += gradO * _h[(s * _hidden) + j];
                _gradH[(s * _hidden) + j] = gradO * _w2[j];
            }
        }

        // ∂L/∂z1 = ∂L/∂h · tanh'(z1), with tanh' = 1 − h² computed from the saved output.
        Act.TanhBackwardFromOutput(_h, _gradH, _gradZ1);

        for (int j = 0; j < _hidden; j++)
        {
            float gradB1 = 0;
            float gradW10 = 0;
            float gradW11 = 0;
            for (int s = 0; s < Samples; s++)
            {
                float g = _gradZ1[(s * _hidden) + j];
                gradB1 += g;
                gradW10 += g * Inputs[s * InputSize];
                gradW11 += g * Inputs[(s * InputSize) + 1];
            }

            _b1[j] -= learningRate * gradB1;
            _w1[j * InputSize] -= learningRate * gradW10;
            _w1[(j * InputSize) + 1] -= learningRate * gradW11;
            _w2[j] -= learningRate * gradW2[j];
        }

        _b2 -= learningRate * gradB2;
        return loss / Samples;
    }

    private void Forward()
    {
        for (int s = 0; s < Samples; s++)
        {
            for (int j = 0; j < _hidden; j++)
            {
                _z1[(s * _hidden) + j] = _b1[j]
                    + (_w1[j * InputSize] * Inputs[s * InputSize])
                    + (_w1[(j * InputSize) + 1] * Inputs[(s * InputSize) + 1]);
            }
        }

        // The whole [sample, hidden] batch through the generated, vectorised span member.
        Act.Tanh(_z1, _h);

        for (int s = 0; s < Samples; s++)
        {
            float o = _b2;
            for (int j = 0; j < _hidden; j++)
            {
                o += _w2[j] * _h[(s * _hidden) + j];
            }

            _p[s] = Act.Sigmoid(o);
        }
    }
}
