using System;
using System.Linq;
using DeadNeurons.Data;
using DeadNeurons.Initialization;
using DeadNeurons.Network;
using DeadNeurons.Speed;
using DeadNeurons.Training;
using Xunit;

namespace ActivationGen.Samples.Tests;

public sealed class TrainingTests
{
    private static readonly Lazy<(ImageSet Train, ImageSet Test)> Bundled = new(() => FashionMnist.Load(FashionMnist.BundledDirectory));

    [Fact]
    public void A_short_run_on_a_slice_of_the_subset_lowers_the_loss_and_beats_chance_by_far()
    {
        ImageSet train = Bundled.Value.Train.Slice(0, 2000);
        ImageSet test = Bundled.Value.Test.Slice(0, 500);
        var run = new VariantRun(Variant.All[1], [784, 64, 32, 10], batchSize: 32, learningRate: 1e-3f, seed: 5);

        EpochRecord initial = run.EvaluateInitial(test);
        EpochRecord first = run.RunEpoch(train, test);
        EpochRecord second = run.RunEpoch(train, test);

        // Untrained: about ln 10 = 2.30 and chance accuracy (10 classes, 50 test images of each).
        Assert.InRange(initial.Test.Loss, 1.8, 3.5);
        Assert.InRange(initial.Test.Accuracy, 0.0, 0.3);
        Assert.True(second.Training!.Loss < first.Training!.Loss, $"training loss {first.Training.Loss} then {second.Training.Loss}");
        Assert.True(second.Test.Loss < 0.5 * initial.Test.Loss, $"test loss {initial.Test.Loss} then {second.Test.Loss}");
        Assert.True(second.Test.Accuracy > 0.6, $"test accuracy {second.Test.Accuracy}, chance is 0.1");
        Assert.Equal(20, run.LossCurve.Count);
        Assert.Equal(2.0, run.LossCurve[^1].Epoch);
    }

    [Fact]
    public void The_same_seed_gives_the_same_numbers()
    {
        ImageSet train = Bundled.Value.Train.Slice(0, 300);
        ImageSet test = Bundled.Value.Test.Slice(0, 100);

        (EpochRecord Record, float[] Weights) Run()
        {
            var run = new VariantRun(Variant.All[0], [784, 16, 10], batchSize: 25, learningRate: 1e-3f, seed: 9);
            return (run.RunEpoch(train, test), run.Network.Layers[0].Weights);
        }

        var (a, weightsA) = Run();
        var (b, weightsB) = Run();

        Assert.Equal(a.Training, b.Training);
        Assert.Equal(a.Test.Loss, b.Test.Loss);
        Assert.Equal(a.Test.DeadFractions, b.Test.DeadFractions);
        Assert.Equal(weightsA, weightsB);
    }

    /// <summary>
    /// Backpropagation (through the generated leaky-ReLU backward kernel) against central finite differences
    /// of the loss, on a tiny network whose pre-activations are checked to sit away from the kink.
    /// </summary>
    [Fact]
    public void Backward_matches_finite_differences_of_the_loss()
    {
        var network = new Mlp([4, 5, 3], new LeakyReluActivation(), new HeInitializer(), new Random(11), maxRows: 2);
        float[] inputs = [0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f, 0.1f, -0.3f];
        byte[] labels = [2, 0];
        network.Forward(inputs, 2);
        // A step of H in one parameter moves a hidden z by at most H·max|x| = 2e-3; keep every z further
        // from the kink than that, or the difference quotient straddles it.
        Assert.All(network.PreActivations(0).ToArray(), z => Assert.True(Math.Abs(z) > 0.01, $"z = {z} too near the kink"));
        network.Backward(inputs, labels);

        double Loss()
        {
            network.Forward(inputs, 2);
            return network.CrossEntropySum(labels) / 2;
        }

        const float H = 1e-3f;
        foreach (DenseLayer layer in network.Layers)
        {
            float[] analytic = [.. layer.WeightGradients, .. layer.BiasGradients];
            float[][] parameters = [layer.Weights, layer.Biases];
            int k = 0;
            foreach (float[] p in parameters)
            {
                for (int i = 0; i < p.Length; i++, k++)
                {
                    float saved = p[i];
                    p[i] = saved + H;
                    double plus = Loss();
                    p[i] = saved - H;
                    double minus = Loss();
                    p[i] = saved;
                    double numeric = (plus - minus) / (2 * H);
                    Assert.True(Math.Abs(numeric - analytic[k]) < 2e-3, $"parameter {k}: numeric {numeric}, backprop {analytic[k]}");
                }
            }
        }
    }

    [Fact]
    public void The_naive_baseline_computes_what_the_generated_kernels_compute()
    {
        float[] z = Enumerable.Range(-50, 101).Select(i => i * 0.037f).Append(0f).Append(-0f).ToArray();
        float[] gradOutput = z.Select((_, i) => ((i % 5) - 2) * 0.5f).ToArray();
        (IHiddenActivation Generated, IHiddenActivation Naive)[] pairs =
        [
            (new ReluActivation(), new NaiveScalarRelu()),
            (new LeakyReluActivation(), new NaiveScalarLeakyRelu()),
        ];

        foreach ((IHiddenActivation generated, IHiddenActivation naive) in pairs)
        {
            float[] y1 = new float[z.Length], y2 = new float[z.Length], g1 = new float[z.Length], g2 = new float[z.Length];
            generated.Activate(z, y1);
            naive.Activate(z, y2);
            generated.ActivateBackward(z, gradOutput, g1);
            naive.ActivateBackward(z, gradOutput, g2);

            // Compared as values: MathF.Max(0, −0) and the generated kernel may differ in the sign of zero.
            Assert.Equal(y2, y1);
            Assert.Equal(g2, g1);
        }
    }

    [Fact]
    public void Pixels_are_standardised_with_the_measured_mean_and_deviation()
    {
        byte[] pixels = [0, 255, 0, 255];
        PixelScaling scaling = PixelScaling.Measure(pixels);
        var image = new ImageSet(pixels, [3], 2, 2, 10, scaling);
        float[] x = new float[4];

        image.CopyImage(0, x);

        Assert.Equal(0.5f, scaling.Mean);
        Assert.Equal(0.5f, scaling.StandardDeviation);
        Assert.Equal(new float[] { -1, 1, -1, 1 }, x);
    }
}
