using System;
using ActivationGen.Benchmarks.Kernels;
using ActivationGen.Benchmarks.Reporting;
using BenchmarkDotNet.Running;

namespace ActivationGen.Benchmarks;

/// <summary>
/// Entry point: BenchmarkDotNet's switcher, so every BenchmarkDotNet option works, e.g.
/// <c>dotnet run -c Release --project tests/ActivationGen.Benchmarks -- --filter '*'</c> (everything),
/// <c>--filter '*SigmoidTanh*'</c>, <c>--job short</c> (a quick, rougher run), <c>--job dry</c> (one invocation each: a smoke check).
/// <c>--jit-probe</c> instead runs every kernel until it is optimised, for a look at the JIT's output (docs/performance.md).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--jit-probe"])
        {
            JitProbe.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
    }
}
