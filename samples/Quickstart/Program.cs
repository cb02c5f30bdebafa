using System;
using System.Globalization;
using Quickstart;

// Part 1: the generated scalar members, value and derivative at a few points.
Console.WriteLine("ActivationGen quickstart: the four kinds, value g(z) and derivative g'(z)");
Console.WriteLine();
Console.WriteLine($"{"z",6} | {"Sigmoid",8} {"g'",7} | {"Tanh",8} {"g'",7} | {"Relu",8} {"g'",7} | {"LeakyRelu",9} {"g'",7}");
Console.WriteLine("-------+------------------+------------------+------------------+-------------------");
foreach (float z in new[] { -3f, -1f, 0f, 1f, 3f })
{
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{z,6:0.0} | {Act.Sigmoid(z),8:0.0000} {Act.SigmoidDerivative(z),7:0.0000} | {Act.Tanh(z),8:0.0000} {Act.TanhDerivative(z),7:0.0000} | {Act.Relu(z),8:0.0000} {Act.ReluDerivative(z),7:0.0000} | {Act.LeakyRelu(z),9:0.0000} {Act.LeakyReluDerivative(z),7:0.0000}"));
}

Console.WriteLine();
Console.WriteLine("At the kink z = 0, ReLU'(0) = 0 and LeakyReLU'(0) = Slope (PyTorch's convention).");
Console.WriteLine();

// Part 2: a 2-8-1 network learns XOR. The hidden layer's activation runs through the generated span
// members: Act.Tanh forward and Act.TanhBackwardFromOutput backward, over the whole batch at once.
Console.WriteLine("Training a 2-8-1 tanh/sigmoid network on XOR (full batch, gradient descent, seed 1)");
Console.WriteLine();
var network = new XorNetwork(hidden: 8, seed: 1);
const int Epochs = 3000;
const float LearningRate = 0.5f;
for (int epoch = 1; epoch <= Epochs; epoch++)
{
    float loss = network.TrainStep(LearningRate);
    if (epoch == 1 || epoch % 500 == 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {epoch,5}   loss {loss:0.000000}"));
    }
}

Console.WriteLine();
Console.WriteLine("  x1 x2 | target | P(XOR = 1)");
ReadOnlySpan<float> predictions = network.Predict();
for (int s = 0; s < XorNetwork.Samples; s++)
{
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"   {XorNetwork.Inputs[2 * s]:0}  {XorNetwork.Inputs[(2 * s) + 1]:0} |   {XorNetwork.Targets[s]:0}    |   {predictions[s]:0.0000}"));
}
