using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ActivationGen.Generator.Analyzers;

/// <summary>Thresholds read from .editorconfig (activationgen.* keys), with the documented defaults.</summary>
internal static class AnalyzerSettings
{
    public const string DeadNeuronProbabilityThresholdKey = "activationgen.dead_neuron_probability_threshold";

    /// <summary>AG1005 reports a ReLU stack whose born-dead probability is above this (default 10 %).</summary>
    public const double DefaultDeadNeuronProbabilityThreshold = 0.10;

    /// <summary>The threshold for a tree: a fraction in (0, 1), or a percentage with '%' ("5%").</summary>
    public static double DeadNeuronProbabilityThreshold(AnalyzerOptions options, SyntaxTree tree)
    {
        if (options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(DeadNeuronProbabilityThresholdKey, out string? text))
        {
            text = text.Trim();
            bool percent = text.EndsWith("%", System.StringComparison.Ordinal);
            if (double.TryParse(percent ? text.Substring(0, text.Length - 1) : text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                value = percent ? value / 100 : value;
                if (value > 0 && value < 1)
                {
                    return value;
                }
            }
        }

        return DefaultDeadNeuronProbabilityThreshold;
    }
}
