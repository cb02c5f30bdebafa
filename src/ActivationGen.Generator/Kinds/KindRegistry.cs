using System.Collections.Immutable;

namespace ActivationGen.Generator.Kinds;

/// <summary>Every kind the generator knows, in enum order.</summary>
internal static class KindRegistry
{
    public static readonly ImmutableArray<ActivationKind> All = ImmutableArray.Create<ActivationKind>(
        new SigmoidKind(),
        new TanhKind(),
        new ReluKind(),
        new LeakyReluKind(),
        new Relu6Kind(),
        new HardTanhKind(),
        new HardSigmoidKind());

    /// <summary>Every parameter name any kind reads (the attribute's named properties).</summary>
    public static readonly ImmutableArray<KindParameter> AllParameters = CollectParameters();

    public static ActivationKind? Find(int value)
    {
        foreach (ActivationKind kind in All)
        {
            if ((int)kind.Id == value)
            {
                return kind;
            }
        }

        return null;
    }

    public static ActivationKind Get(ActivationKindId id) => Find((int)id)!;

    private static ImmutableArray<KindParameter> CollectParameters()
    {
        ImmutableArray<KindParameter>.Builder builder = ImmutableArray.CreateBuilder<KindParameter>();
        foreach (ActivationKind kind in All)
        {
            foreach (KindParameter p in kind.Parameters)
            {
                bool seen = false;
                foreach (KindParameter q in builder)
                {
                    seen |= q.Name == p.Name;
                }

                if (!seen)
                {
                    builder.Add(p);
                }
            }
        }

        return builder.ToImmutable();
    }
}
