using System;
using System.Collections.Generic;

namespace ActivationGen.Generator.Analyzers;

/// <summary>
/// How hand-written networks name things, decided conservatively: a name is a weight only if one of its
/// words is a weight word (w, W1, weights, kernel, Wxh…) and none says it is something else that is
/// legitimately set to zero or to one value (dW, gradW, velocityW, mW, weightDecay, …).
/// </summary>
internal static class NetworkNames
{
    private static readonly HashSet<string> WeightWords = new(StringComparer.Ordinal)
    {
        "w", "weight", "weights", "kernel", "kernels", "synapse", "synapses",
        "wi", "wh", "wo", "wx", "wy", "wih", "whh", "who", "wxh", "why", "whx", "wio",
    };

    private static readonly HashSet<string> BiasWords = new(StringComparer.Ordinal)
    {
        "b", "bias", "biases", "bh", "bo", "bi", "bx",
    };

    /// <summary>Words that make a weight- or bias-like name something that is rightly zero or constant.</summary>
    private static readonly HashSet<string> NotParameterWords = new(StringComparer.Ordinal)
    {
        "d", "dw", "db", "grad", "grads", "gradient", "gradients", "delta", "deltas", "velocity", "velocities",
        "momentum", "m", "v", "moment", "moments", "cache", "accum", "accumulator", "accumulated", "sum", "sums",
        "update", "updates", "change", "changes", "prev", "previous", "old", "last", "best", "saved", "copy", "backup",
        "temp", "tmp", "target", "ema", "avg", "average", "mean", "decay", "lr", "rate", "scale", "std", "count",
        "size", "sizes", "length", "num", "number", "index", "idx", "mask", "noise", "error", "errors", "loss",
        "shape", "adam", "rms", "sq", "squared", "nabla", "step", "steps", "init", "limit", "range", "min", "max",
    };

    public static bool IsWeight(string name) => Classify(name, WeightWords);

    public static bool IsBias(string name) => Classify(name, BiasWords);

    /// <summary>A scalar weight of a tiny network (w1, W2, weight3): a weight word followed by a number.</summary>
    public static bool IsNumberedWeight(string name)
    {
        List<string> words = Words(name);
        return words.Count == 2 && words[0] is "w" or "weight" && char.IsDigit(words[1][0]);
    }

    /// <summary>A scalar bias (bias, b1, bias2).</summary>
    public static bool IsScalarBias(string name)
    {
        List<string> words = Words(name);
        return (words.Count == 1 && words[0] is "bias")
            || (words.Count == 2 && words[0] is "b" or "bias" && char.IsDigit(words[1][0]));
    }

    /// <summary>ReLU or a derivative of it, not leaky/parametric/randomised variants: Relu, ReLU, ApplyRelu, ReluLayer.</summary>
    public static bool IsRelu(string name)
    {
        string lower = name.Replace("_", string.Empty).ToLowerInvariant();
        return lower.Contains("relu") && !VariantPrefixed(name)
            && !lower.Contains("leaky") && !lower.Contains("parametric") && !lower.Contains("random") && !lower.Contains("gelu") && !lower.Contains("selu")
            && !lower.Contains("elu6");
    }

    /// <summary>
    /// Whether every "relu" in the name follows a one-letter variant prefix standing on its own: LReLU / lrelu (leaky),
    /// PReLU, RReLU, CReLU, l_relu. A letter that ends a longer word is no prefix: LayerReLU, ModelReLU, PowerReLU
    /// are plain ReLUs (a bare substring test took "layerrelu" for RReLU and "modelrelu" for LReLU).
    /// </summary>
    private static bool VariantPrefixed(string name)
    {
        bool any = false;
        for (int at = name.IndexOf("relu", StringComparison.OrdinalIgnoreCase); at >= 0; at = name.IndexOf("relu", at + 4, StringComparison.OrdinalIgnoreCase))
        {
            any = true;
            int p = at - 1;
            if (p >= 0 && name[p] == '_')
            {
                p--;
            }

            bool prefix = p >= 0 && char.ToLowerInvariant(name[p]) is 'l' or 'p' or 'r' or 'c'
                && (p == 0 || !char.IsLetter(name[p - 1]) || (char.IsLower(name[p - 1]) && char.IsUpper(name[p])));
            if (!prefix)
            {
                return false;
            }
        }

        return any;
    }

    /// <summary>
    /// A ReLU by <see cref="IsRelu"/> or a ReLU6 (Relu6, ReLU6Layer): both output 0 with no gradient below zero.
    /// Kept apart from <see cref="IsRelu"/>, which also names what a called method computes.
    /// </summary>
    public static bool DiesBelowZero(string name)
    {
        string lower = name.Replace("_", string.Empty).ToLowerInvariant();
        return IsRelu(name) || (lower.Contains("relu6") && !lower.Contains("leaky"));
    }

    /// <summary>Leaky or another ReLU variant with a non-zero negative side.</summary>
    public static bool IsLeakyRelu(string name)
    {
        string lower = name.Replace("_", string.Empty).ToLowerInvariant();
        return lower.Contains("leaky") || lower.Contains("prelu") || lower.Contains("elu");
    }

    public static bool IsSigmoid(string name)
    {
        string lower = name.ToLowerInvariant();
        return lower.Contains("sigmoid") || lower.Contains("logistic");
    }

    public static bool IsIdentity(string name)
    {
        string lower = name.ToLowerInvariant();
        return lower is "identity" or "linear" or "none";
    }

    /// <summary>A type that is a whole network rather than a layer.</summary>
    public static bool IsNetworkType(string name)
    {
        List<string> words = Words(name);
        if (words.Contains("layer") || words.Contains("dense") || words.Contains("activation") || words.Contains("neuron"))
        {
            return false;
        }

        foreach (string w in words)
        {
            if (w is "network" or "net" or "nn" or "mlp" or "perceptron" or "model" or "classifier" or "regressor" or "ann" or "brain")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The method that maps the network's input to its output.</summary>
    public static bool IsForwardMethod(string name)
        => Words(name) is { Count: > 0 } words && words[0] is "forward" or "feedforward" or "feed" or "predict" or "infer" or "inference"
            or "evaluate" or "compute" or "run" or "query" or "think" or "classify" or "output" or "calculate";

    /// <summary>
    /// An array of layer sizes: sizes, layerSizes, topology, architecture, neurons…. Not shape, dims or dimensions:
    /// in network code they name the extents of one tensor (ConvNetSharp's <c>Shape.From(params int[] dimensions)</c>,
    /// width × height × depth × batch), not the widths of successive layers.
    /// </summary>
    public static bool IsLayerSizes(string name)
    {
        foreach (string w in Words(name))
        {
            if (w is "sizes" or "topology" or "architecture" or "widths" or "layers"
                or "structure" or "neurons" or "units" or "nodes" or "layout" or "config")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a name says it holds hidden layers only (no input, no output).</summary>
    public static bool IsHidden(string name) => Words(name).Contains("hidden");

    /// <summary>A collection of layers: layers, Layers, model, network, stack.</summary>
    public static bool IsLayerCollection(string name)
    {
        List<string> words = Words(name);
        return !words.Contains("hidden")
            && (words.Contains("layers") || words.Contains("model") || words.Contains("network") || words.Contains("net")
                || words.Contains("stack") || words.Contains("sequential") || words.Contains("modules"));
    }

    /// <summary>A layer's output width among constructor parameters: outputs, outputSize, units, neurons….</summary>
    public static bool IsOutputWidth(string name)
    {
        List<string> words = Words(name);
        return words.Contains("out") || words.Contains("outputs") || words.Contains("output") || words.Contains("units")
            || words.Contains("neurons") || words.Contains("width") || words.Contains("fan") && words.Contains("out");
    }

    /// <summary>Names that hold a layer's fan-in: fanIn, inputs, inputSize, nIn, inFeatures….</summary>
    public static bool IsFanIn(string name)
    {
        List<string> words = Words(name);
        if (words.Contains("fan") && words.Contains("in"))
        {
            return true;
        }

        bool input = words.Contains("in") || words.Contains("input") || words.Contains("inputs");
        bool count = words.Count == 1 || words.Contains("size") || words.Contains("count") || words.Contains("n")
            || words.Contains("num") || words.Contains("dim") || words.Contains("features") || words.Contains("length");
        return input && count && !words.Contains("index") && !words.Contains("i");
    }

    private static bool Classify(string name, HashSet<string> accepted)
    {
        bool found = false;
        foreach (string word in Words(name))
        {
            if (NotParameterWords.Contains(word))
            {
                return false;
            }

            found |= accepted.Contains(word);
        }

        return found;
    }

    /// <summary>Splits an identifier into lower-case words: "m_hiddenWeights2" → hidden, weights, 2.</summary>
    public static List<string> Words(string name)
    {
        if (name.StartsWith("m_", StringComparison.Ordinal) || name.StartsWith("s_", StringComparison.Ordinal))
        {
            name = name.Substring(2);
        }

        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= name.Length; i++)
        {
            char c = i < name.Length ? name[i] : '_';
            bool boundary = c == '_' || !char.IsLetterOrDigit(c)
                || (start >= 0 && char.IsUpper(c) && i > start && char.IsLower(name[i - 1]))
                || (start >= 0 && char.IsUpper(c) && i + 1 < name.Length && char.IsLower(name[i + 1]) && i > start && char.IsUpper(name[i - 1]) && WordLength(name, i) > 2)
                || (start >= 0 && char.IsDigit(c) != char.IsDigit(name[i - 1]));
            if (boundary && start >= 0)
            {
                words.Add(name.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }

            if (c != '_' && char.IsLetterOrDigit(c) && start < 0)
            {
                start = i;
            }
        }

        return words;
    }

    private static int WordLength(string name, int from)
    {
        int i = from + 1;
        while (i < name.Length && char.IsLower(name[i]))
        {
            i++;
        }

        return i - from;
    }
}
