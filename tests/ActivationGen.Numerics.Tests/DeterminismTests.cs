using System;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using Xunit;

namespace ActivationGen.Numerics.Tests;

/// <summary>
/// Hashes every member's output over the reference grids. .ci/run runs this under
/// DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0 and DOTNET_EnableHWIntrinsic=0 as well as the default, and
/// requires the four hashes to be equal: the same bits on every instruction set. NaN payloads are not part
/// of the contract (IEEE 754 leaves their propagation open), so every NaN is hashed as one canonical NaN.
/// </summary>
public class DeterminismTests
{
    public const string HashFileVariable = "ACTIVATIONGEN_DETERMINISM_HASH_FILE";

    [Fact]
    public void Outputs_hash_is_recorded_with_the_instruction_sets_in_use()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (Family<float> f in Families.Single)
        {
            AddFamily(hash, f);
        }

        foreach (Family<double> f in Families.Double)
        {
            AddFamily(hash, f);
        }

        string digest = Convert.ToHexString(hash.GetHashAndReset());
        string isa = $"Vector512={Vector512.IsHardwareAccelerated} Vector256={Vector256.IsHardwareAccelerated} "
            + $"Vector128={Vector128.IsHardwareAccelerated} Avx512F={Avx512F.IsSupported} Avx2={Avx2.IsSupported} Fma={Fma.IsSupported}";
        string? file = Environment.GetEnvironmentVariable(HashFileVariable);
        if (!string.IsNullOrEmpty(file))
        {
            File.WriteAllText(file, digest + "\n" + isa + "\n");
        }

        Assert.Equal(64, digest.Length);
    }

    private static void AddFamily<T>(IncrementalHash hash, Family<T> f)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T[] z = ReferenceData.Grid<T>();
        T[] g = SpanConsistencyTests.Inputs<T>(z.Length, seed: 7);
        var buffer = new T[z.Length];
        var second = new T[z.Length];

        void Add(T[] values)
        {
            T[] canonical = Array.ConvertAll(values, v => T.IsNaN(v) ? T.NaN : v);
            hash.AppendData(MemoryMarshal.AsBytes(canonical.AsSpan()));
        }

        // Span members (widest vectors, overlapping tail) and scalar members (one element at a time).
        f.ForwardSpan(z, buffer);
        Add(buffer);
        f.DerivativeSpan(z, buffer);
        Add(buffer);
        f.ForwardWithDerivative(z, buffer, second);
        Add(buffer);
        Add(second);
        f.Backward(z, g, buffer);
        Add(buffer);
        Add(Array.ConvertAll(z, v => f.Forward(v)));
        Add(Array.ConvertAll(z, v => f.Derivative(v)));
        if (f.DerivativeFromOutput is not null)
        {
            T[] y = Array.ConvertAll(z, v => f.Forward(v));
            f.DerivativeFromOutputSpan!(y, buffer);
            Add(buffer);
            f.BackwardFromOutput!(y, g, buffer);
            Add(buffer);
        }
    }
}
