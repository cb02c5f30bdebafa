using System;
using DeadNeurons.Data;
using DeadNeurons.Initialization;
using DeadNeurons.Network;
using DeadNeurons.Training;
using Xunit;

namespace ActivationGen.Samples.Tests;

public sealed class DeadUnitTests
{
    /// <summary>
    /// A 2-input, 4-unit layer and three inputs, worked out by hand:
    ///
    ///   unit  weights   bias   z on (1,0)  (0,1)  (2,1)   verdict
    ///   0     ( 1, -1)   0        1         -1     1      alive
    ///   1     (-1, -1)   0.5     -0.5       -0.5  -2.5    dead
    ///   2     ( 0,  0)   0        0          0     0      dead (z = 0 counts: ReLU'(0) = 0)
    ///   3     ( 0,  1)  -0.5     -0.5        0.5   0.5    alive, but only from the second input on
    /// </summary>
    [Fact]
    public void Counts_the_units_whose_pre_activation_never_exceeds_zero()
    {
        var layer = new DenseLayer(inputs: 2, outputs: 4);
        float[] weights = [1, -1, -1, -1, 0, 0, 0, 1];
        float[] biases = [0, 0.5f, 0, -0.5f];
        weights.CopyTo(layer.Weights, 0);
        biases.CopyTo(layer.Biases, 0);
        float[] first = [1, 0];
        float[] rest = [0, 1, 2, 1];
        float[] z1 = new float[4];
        float[] z2 = new float[8];
        var counter = new DeadUnitCounter(4);

        layer.Forward(first, z1, rows: 1);
        Assert.Equal(new float[] { 1, -0.5f, 0, -0.5f }, z1);
        counter.Observe(z1);
        Assert.Equal(3, counter.DeadCount);

        layer.Forward(rest, z2, rows: 2);
        Assert.Equal(new float[] { -1, -0.5f, 0, 0.5f, 1, -2.5f, 0, 0.5f }, z2);
        counter.Observe(z2);
        Assert.Equal(2, counter.DeadCount);
        Assert.Equal(0.5f, counter.DeadFraction);
    }

    [Fact]
    public void Before_any_row_every_unit_counts_as_dead_and_reset_starts_over()
    {
        var counter = new DeadUnitCounter(3);
        Assert.Equal(3, counter.DeadCount);

        counter.Observe([1, 1, 1]);
        Assert.Equal(0, counter.DeadCount);

        counter.Reset();
        Assert.Equal(3, counter.DeadCount);
    }

    [Fact]
    public void A_batch_that_is_not_whole_rows_is_refused()
    {
        var counter = new DeadUnitCounter(3);

        Assert.Throws<ArgumentException>(() => counter.Observe(new float[4]));
    }

    /// <summary>
    /// Evaluate over a data set, on a network set by hand: layer 1 has zero weights and bias −1, so every
    /// unit sees z = −1 on every image (all dead); layer 2 then sees only zeros from ReLU and has z = its
    /// bias, +1 for the first half of its units and −1 for the rest (half dead).
    /// </summary>
    [Fact]
    public void Evaluate_reports_the_dead_fraction_of_every_hidden_layer()
    {
        var network = new Mlp([784, 8, 6, 10], new ReluActivation(), new HeInitializer(), new Random(3), maxRows: 4);
        Array.Clear(network.Layers[0].Weights);
        Array.Fill(network.Layers[0].Biases, -1f);
        Array.Clear(network.Layers[1].Weights);
        float[] secondBiases = [1, 1, 1, -1, -1, -1];
        secondBiases.CopyTo(network.Layers[1].Biases, 0);
        var images = new ImageSet(new byte[10 * 784], new byte[10], 28, 28, 10);
        for (int i = 0; i < images.Pixels.Length; i++)
        {
            images.Pixels[i] = (byte)(i * 31 % 256);
        }

        Evaluation evaluation = Trainer.Evaluate(network, images);

        Assert.Equal(new[] { 1f, 0.5f }, evaluation.DeadFractions);
    }
}
