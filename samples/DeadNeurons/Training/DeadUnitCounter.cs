using System;
using System.Numerics.Tensors;

namespace DeadNeurons.Training;

/// <summary>
/// Counts the dead units of one hidden layer over a data set: a unit is dead when its pre-activation z is
/// ≤ 0 for every input observed. For ReLU such a unit outputs 0 and passes no gradient on any of those
/// inputs, so training cannot bring it back. The counter keeps the largest z seen per unit.
/// </summary>
internal sealed class DeadUnitCounter
{
    private readonly float[] _maxPreActivation;
    private int _rowsSeen;

    public DeadUnitCounter(int units)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        _maxPreActivation = new float[units];
        Reset();
    }

    public int Units => _maxPreActivation.Length;

    /// <summary>Units whose pre-activation was ≤ 0 on every row observed (all units when no row was).</summary>
    public int DeadCount
    {
        get
        {
            int dead = 0;
            foreach (float max in _maxPreActivation)
            {
                if (max <= 0)
                {
                    dead++;
                }
            }

            return _rowsSeen == 0 ? Units : dead;
        }
    }

    /// <summary><see cref="DeadCount"/> / <see cref="Units"/>, in [0, 1].</summary>
    public float DeadFraction => (float)DeadCount / Units;

    /// <summary>Takes in a batch of pre-activations, [rows × <see cref="Units"/>], row-major.</summary>
    public void Observe(ReadOnlySpan<float> preActivations)
    {
        if (preActivations.Length % Units != 0)
        {
            throw new ArgumentException($"Length {preActivations.Length} is not a whole number of rows of {Units} units.", nameof(preActivations));
        }

        for (int offset = 0; offset < preActivations.Length; offset += Units)
        {
            TensorPrimitives.Max(_maxPreActivation, preActivations.Slice(offset, Units), _maxPreActivation);
            _rowsSeen++;
        }
    }

    public void Reset()
    {
        Array.Fill(_maxPreActivation, float.NegativeInfinity);
        _rowsSeen = 0;
    }
}
