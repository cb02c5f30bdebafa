using ActivationGen.Generator.Analyzers;
using Xunit;

namespace ActivationGen.Analyzers.Tests.DeadNeurons;

/// <summary>
/// Which names say "plain ReLU" (the unit that dies below zero), which say a variant. A one-letter prefix standing on
/// its own marks a variant (LReLU leaky, PReLU, RReLU, CReLU); a letter that ends a longer word does not (LayerReLU).
/// </summary>
public class NetworkNamesTests
{
    [Theory]
    [InlineData("Relu")]
    [InlineData("ReLU")]
    [InlineData("relu")]
    [InlineData("ReluLayer")]
    [InlineData("ReLUActivation")]
    [InlineData("LayerReLU")]
    [InlineData("ModelReLU")]
    [InlineData("PowerReLU")]
    [InlineData("use_relu")]
    [InlineData("ApplyRelu")]
    public void Plain_relu_names(string name) => Assert.True(NetworkNames.IsRelu(name));

    [Theory]
    [InlineData("LReLU")]
    [InlineData("LReLu")]
    [InlineData("lrelu")]
    [InlineData("l_relu")]
    [InlineData("MyLReLU")]
    [InlineData("PReLU")]
    [InlineData("RReLU")]
    [InlineData("CReLU")]
    [InlineData("LeakyReLU")]
    [InlineData("leaky_relu")]
    [InlineData("GELU")]
    [InlineData("SELU")]
    [InlineData("ReLU6")]
    [InlineData("Sigmoid")]
    public void Variant_or_other_names(string name) => Assert.False(NetworkNames.IsRelu(name));
}
