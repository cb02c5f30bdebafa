using System;
using Xunit;

namespace ActivationGen.Numerics.Tests;

/// <summary>Bad spans throw ArgumentException naming the parameter, before anything is written.</summary>
public class SpanArgumentTests
{
    private const float Sentinel = 12345f;

    [Fact]
    public void Short_destination_throws_and_writes_nothing()
    {
        float[] z = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        float[] y = Filled(9);
        ArgumentException e = Assert.Throws<ArgumentException>(() => SingleActivations.Sigmoid(z, y));
        Assert.Equal("y", e.ParamName);
        Assert.All(y, v => Assert.Equal(Sentinel, v));

        float[] d = Filled(3);
        e = Assert.Throws<ArgumentException>(() => SingleActivations.TanhDerivative(z, d));
        Assert.Equal("dydz", e.ParamName);
        Assert.All(d, v => Assert.Equal(Sentinel, v));
    }

    [Fact]
    public void Declared_span_shape_names_the_users_parameters()
    {
        // DoubleActivations.Sigmoid is declared as (ReadOnlySpan<double> z, Span<double> y).
        double[] z = new double[20];
        ArgumentException e = Assert.Throws<ArgumentException>(() => DoubleActivations.Sigmoid(z, new double[19]));
        Assert.Equal("y", e.ParamName);
    }

    [Fact]
    public void Longer_destination_is_accepted_and_only_the_prefix_is_written()
    {
        float[] z = [-1, 0, 1];
        float[] y = Filled(5);
        SingleActivations.Relu(z, y);
        Assert.Equal(new float[] { 0, 0, 1, Sentinel, Sentinel }, y);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(7)]
    [InlineData(-16)]
    public void Partial_overlap_throws_and_writes_nothing(int shift)
    {
        float[] buffer = Filled(200);
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = i;
        }

        float[] before = (float[])buffer.Clone();
        int start = 50;
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
            SingleActivations.Sigmoid(buffer.AsSpan(start, 100), buffer.AsSpan(start + shift, 100)));
        Assert.Equal("y", e.ParamName);
        Assert.Equal(before, buffer);
    }

    [Fact]
    public void Backward_with_mismatched_lengths_names_gradOutput()
    {
        float[] z = new float[32], g = new float[31], gradIn = Filled(32);
        ArgumentException e = Assert.Throws<ArgumentException>(() => SingleActivations.SigmoidBackward(z, g, gradIn));
        Assert.Equal("gradOutput", e.ParamName);
        Assert.All(gradIn, v => Assert.Equal(Sentinel, v));

        e = Assert.Throws<ArgumentException>(() => SingleActivations.SigmoidBackwardFromOutput(z, g, gradIn));
        Assert.Equal("gradOutput", e.ParamName);
    }

    [Fact]
    public void Backward_partially_overlapping_gradInput_names_gradInput()
    {
        double[] buffer = new double[100];
        double[] z = new double[40];
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
            DoubleActivations.TanhBackward(z, buffer.AsSpan(0, 40), buffer.AsSpan(3, 40)));
        Assert.Equal("gradInput", e.ParamName);
    }

    [Fact]
    public void Forward_with_overlapping_outputs_names_dydz()
    {
        float[] z = new float[40];
        float[] buffer = Filled(100);
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
            SingleActivations.SigmoidForward(z, buffer.AsSpan(0, 40), buffer.AsSpan(20, 40)));
        Assert.Equal("dydz", e.ParamName);
        e = Assert.Throws<ArgumentException>(() =>
            SingleActivations.SigmoidForward(z, buffer.AsSpan(0, 40), buffer.AsSpan(0, 40)));
        Assert.Equal("dydz", e.ParamName);
        Assert.All(buffer, v => Assert.Equal(Sentinel, v));
    }

    [Fact]
    public void Empty_spans_are_fine()
    {
        SingleActivations.Sigmoid(ReadOnlySpan<float>.Empty, Span<float>.Empty);
        DoubleActivations.TanhForward(ReadOnlySpan<double>.Empty, Span<double>.Empty, Span<double>.Empty);
        DoubleActivations.ReluBackward(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, Span<double>.Empty);
    }

    private static float[] Filled(int n)
    {
        float[] a = new float[n];
        Array.Fill(a, Sentinel);
        return a;
    }
}
