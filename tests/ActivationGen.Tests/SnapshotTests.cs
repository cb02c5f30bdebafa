using System;
using System.IO;
using System.Linq;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>
/// The generated text for every kind and element type, compared with the reviewed files in Snapshots/.
/// A change to generated code is a reviewed diff: rerun with ACTIVATIONGEN_UPDATE_SNAPSHOTS=1, read the
/// diff of Snapshots/, and commit it with the change that caused it.
/// </summary>
public class SnapshotTests
{
    public const string Source = """
        using System;
        using ActivationGen;

        namespace Snapshots;

        public static partial class SingleActivations
        {
            [Activation(Kind.Sigmoid)] public static partial float Sigmoid(float z);
            [Activation(Kind.Tanh)] public static partial void Tanh(ReadOnlySpan<float> z, Span<float> y);
            [Activation(Kind.Relu)] public static partial float Relu(float z);
            [Activation(Kind.LeakyRelu, Slope = 0.01)] public static partial void LeakyRelu(ReadOnlySpan<float> z, Span<float> y);
            [Activation(Kind.Relu6)] public static partial float Relu6(float z);
            [Activation(Kind.HardTanh)] public static partial void HardTanh(ReadOnlySpan<float> z, Span<float> y);
            [Activation(Kind.HardSigmoid)] public static partial float HardSigmoid(float z);
        }

        public static partial class DoubleActivations
        {
            [Activation(Kind.Sigmoid)] public static partial void Sigmoid(ReadOnlySpan<double> z, Span<double> y);
            [Activation(Kind.Tanh)] public static partial double Tanh(double z);
            [Activation(Kind.Relu)] public static partial void Relu(ReadOnlySpan<double> z, Span<double> y);
            [Activation(Kind.LeakyRelu, Slope = 0.2)] public static partial double LeakyRelu(double z);
            [Activation(Kind.Relu6)] public static partial void Relu6(ReadOnlySpan<double> z, Span<double> y);
            [Activation(Kind.HardTanh, Min = -2, Max = 0.5)] public static partial double HardTanh(double z);
            [Activation(Kind.HardSigmoid)] public static partial void HardSigmoid(ReadOnlySpan<double> z, Span<double> y);
        }
        """;

    public static TheoryData<string> HintNames()
    {
        var data = new TheoryData<string>();
        foreach (GeneratedSourceResult s in Generate().GeneratedSources)
        {
            data.Add(s.HintName);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HintNames))]
    public void Generated_source_matches_the_reviewed_snapshot(string hintName)
    {
        string actual = Generate().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
        string path = Path.Combine(SnapshotFolder(), hintName);
        if (Environment.GetEnvironmentVariable("ACTIVATIONGEN_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), "No snapshot " + path + "; run with ACTIVATIONGEN_UPDATE_SNAPSHOTS=1 and review it.");
        string expected = File.ReadAllText(path);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_kind_and_element_type_has_a_snapshot()
    {
        string[] names = Generate().GeneratedSources.Select(s => s.HintName).ToArray();
        foreach (string kind in new[] { "Sigmoid", "Tanh", "Relu", "LeakyRelu" })
        {
            Assert.Contains(names, n => n.StartsWith("Snapshots.SingleActivations." + kind + ".float.", StringComparison.Ordinal));
            Assert.Contains(names, n => n.StartsWith("Snapshots.DoubleActivations." + kind + ".double.", StringComparison.Ordinal));
        }

        Assert.Equal(names.Length, Directory.GetFiles(SnapshotFolder()).Length);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        string[] invariant = Generate().GeneratedSources.Select(s => s.SourceText.ToString()).ToArray();
        System.Globalization.CultureInfo saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            foreach (string culture in new[] { "fi-FI", "de-DE", "ar-SA" })
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
                Assert.Equal(invariant, GenerateFresh().GeneratedSources.Select(s => s.SourceText.ToString()).ToArray());
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    private static readonly Lazy<GeneratorRunResult> Clean = new(() => GeneratorHarness.GenerateClean(Source).Result);

    /// <summary>Generated once and compiled once with every diagnostic checked (GenerateClean).</summary>
    private static GeneratorRunResult Generate() => Clean.Value;

    /// <summary>A fresh generator run without compiling, for the culture test.</summary>
    private static GeneratorRunResult GenerateFresh()
        => GeneratorHarness.RunGenerator(GeneratorHarness.CreateCompilation(Source), out _, out _);

    /// <summary>
    /// Found from the test binaries, not [CallerFilePath]: with ContinuousIntegrationBuild (CI=true) the
    /// compiler maps source paths to /_/, which does not exist at test time.
    /// </summary>
    private static string SnapshotFolder()
        => Path.Combine(RepositoryPaths.Root, "tests", "ActivationGen.Tests", "Snapshots");
}
