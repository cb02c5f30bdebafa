using System.Collections.Immutable;
using System.Linq;
using ActivationGen.Generator.Diagnostics;
using ActivationGen.Generator.Emitting;
using ActivationGen.Generator.Model;
using ActivationGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.Generator;

/// <summary>
/// The incremental generator: [Activation] methods → <see cref="ParseResult"/> (plain values) → source.
/// Diagnostics travel in the parse result and are reported by their own output step, so a change that
/// only moves a diagnostic does not regenerate code and vice versa.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActivationGenerator : IIncrementalGenerator
{
    /// <summary>Names of the tracked pipeline steps, for caching tests.</summary>
    public static class TrackingNames
    {
        public const string Parse = "ActivationGen.Parse";
        public const string Models = "ActivationGen.Models";
        public const string Target = "ActivationGen.Target";
        public const string Kernels = "ActivationGen.Kernels";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static post =>
        {
            post.AddEmbeddedAttributeDefinition();
            post.AddSource(SupportSourceEmitter.AttributeHintName, SupportSourceEmitter.AttributeSource());
        });

        IncrementalValuesProvider<ParseResult> results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ActivationParser.AttributeMetadataName,
                predicate: static (node, _) => node is MethodDeclarationSyntax || ActivationParser.IsUnsupportedTarget(node),
                transform: static (ctx, ct) => ActivationParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValueProvider<TargetModel> target = context.CompilationProvider
            .Select(static (compilation, _) => new TargetModel(
                HasHardwareIntrinsics: compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector512`1") is not null,
                HasSpan: compilation.GetTypeByMetadataName("System.Span`1") is not null,
                HasSingleBitConverter: HasMember(compilation, "System.BitConverter", "SingleToInt32Bits"),
                HasScalarFma: HasMember(compilation, "System.Math", "FusedMultiplyAdd") && HasMember(compilation, "System.MathF", "FusedMultiplyAdd"),
                HasVectorFma: HasMember(compilation, "System.Runtime.Intrinsics.Vector128", "FusedMultiplyAdd")))
            .WithTrackingName(TrackingNames.Target);

        static bool HasMember(Compilation compilation, string type, string member)
            => compilation.GetTypeByMetadataName(type) is { } symbol && !symbol.GetMembers(member).IsEmpty;

        IncrementalValuesProvider<ActivationModel> models = results
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.Models);

        context.RegisterSourceOutput(results.SelectMany(static (r, _) => r.Diagnostics), static (spc, info) =>
        {
            DiagnosticDescriptor? descriptor = DiagnosticDescriptors.Find(info.Id);
            if (descriptor is not null)
            {
                spc.ReportDiagnostic(Diagnostic.Create(descriptor, info.Location?.ToLocation(), [.. info.MessageArgs]));
            }
        });

        context.RegisterSourceOutput(models.Combine(target), static (spc, pair) =>
            spc.AddSource(pair.Left.HintName, FamilyEmitter.Emit(pair.Left, pair.Right)));

        // One kernel class per distinct (kind, element type, parameters): a thousand Sigmoid methods share one.
        IncrementalValuesProvider<KernelConfig> kernels = models
            .Select(static (m, _) => m.Kernel)
            .Collect()
            .SelectMany(static (all, _) => all.Distinct().OrderBy(c => c.ClassName, System.StringComparer.Ordinal))
            .WithTrackingName(TrackingNames.Kernels);
        context.RegisterSourceOutput(kernels.Combine(target), static (spc, pair) =>
            spc.AddSource(pair.Left.HintName, FamilyEmitter.EmitKernelClass(pair.Left, pair.Right)));

        IncrementalValueProvider<bool> anyModel = models.Collect().Select(static (all, _) => !all.IsEmpty);
        context.RegisterSourceOutput(anyModel.Combine(target), static (spc, pair) =>
        {
            if (pair.Left)
            {
                spc.AddSource(SupportSourceEmitter.SupportHintName, SupportSourceEmitter.SupportSource(pair.Right));
            }
        });
    }
}
