using System;
using ActivationGen.Benchmarks.Kernels;
using BenchmarkDotNet.Running;

namespace ActivationGen.Benchmarks.Reporting;

/// <summary>Reads the parameters of a kernel benchmark case: element type, element count, kind.</summary>
internal static class KernelCase
{
    public static int? ElementCount(BenchmarkCase benchmarkCase)
        => benchmarkCase.HasParameters && Has(benchmarkCase, "N") ? (int)benchmarkCase.Parameters["N"] : null;

    public static KernelKind? Kind(BenchmarkCase benchmarkCase)
        => Has(benchmarkCase, "Kind") ? (KernelKind)benchmarkCase.Parameters["Kind"] : null;

    /// <summary>"float" or "double" for a generic kernel benchmark, else null.</summary>
    public static string? ElementType(BenchmarkCase benchmarkCase)
    {
        Type type = benchmarkCase.Descriptor.Type;
        if (!type.IsGenericType)
        {
            return null;
        }

        Type argument = type.GetGenericArguments()[0];
        return argument == typeof(float) ? "float" : argument == typeof(double) ? "double" : argument.Name;
    }

    /// <summary>The class name without generic arity, e.g. <c>SigmoidTanhForwardBenchmarks</c>.</summary>
    public static string ClassName(BenchmarkCase benchmarkCase)
    {
        string name = benchmarkCase.Descriptor.Type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static bool Has(BenchmarkCase benchmarkCase, string name)
    {
        foreach (var item in benchmarkCase.Parameters.Items)
        {
            if (item.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
