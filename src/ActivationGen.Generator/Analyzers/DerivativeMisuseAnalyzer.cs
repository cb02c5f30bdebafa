using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActivationGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ActivationGen.Generator.Analyzers;

/// <summary>
/// AG2001: a derivative fed the wrong side of its activation. In one type it learns which variables hold
/// an activation's output (a[j] = Sigmoid(z[j]), Act.Sigmoid(z, a)) and which hold its pre-activation (the
/// z[j] passed to it), then checks every derivative: a from-input derivative (σ'(z) = σ(z)(1 − σ(z)),
/// SigmoidDerivative) given an output, or a from-output one (y(1 − y), SigmoidDerivativeFromOutput) given
/// a pre-activation. A variable that holds both, or anything else, is not judged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DerivativeMisuseAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the generated family member that takes what is passed.</summary>
    public const string ReplacementProperty = "Replacement";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AnalyzerDescriptors.DerivativeFedWrongValue);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var catalog = new ActivationCatalog(start.Compilation, start.CancellationToken);
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    if (symbolStart.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
                    {
                        return;
                    }

                    var scan = new TypeActivationScan(catalog, type);
                    var writes = new ConcurrentQueue<ISimpleAssignmentOperation>();
                    symbolStart.RegisterOperationBlockAction(block => scan.AddBody(block.OwningSymbol, block.OperationBlocks));
                    symbolStart.RegisterOperationAction(op => scan.AddCandidate(op.Operation, op.ContainingSymbol), OperationKind.Invocation, OperationKind.Binary);
                    symbolStart.RegisterOperationAction(op => writes.Enqueue((ISimpleAssignmentOperation)op.Operation), OperationKind.SimpleAssignment);
                    symbolStart.RegisterSymbolEndAction(end => Judge(end, scan, writes));
                },
                SymbolKind.NamedType);
        });
    }

    private static void Judge(SymbolAnalysisContext context, TypeActivationScan scan, IEnumerable<ISimpleAssignmentOperation> writes)
    {
        List<ActivationApplication> applications = scan.Applications();
        var forwards = applications.Where(a => a.Form.Role == FormRole.Forward && a.Form.DerivativeDependsOnWhatItIsFed).ToList();
        if (forwards.Count == 0)
        {
            return;
        }

        var forwardOps = new HashSet<IOperation>(forwards.Select(f => TypeActivationScan.Unwrap(f.Operation)));
        var outputs = new Dictionary<ISymbol, ActivationApplication>(SymbolEqualityComparer.Default);
        var mixed = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var preActivations = new Dictionary<ISymbol, ActivationApplication>(SymbolEqualityComparer.Default);

        // Outputs: every element-level (or scalar) write of the variable is the same activation's result.
        foreach (ISimpleAssignmentOperation write in writes)
        {
            if (ParameterInitializations.Root(write.Target, out _) is not { } target || target is IParameterSymbol)
            {
                continue;
            }

            IOperation value = TypeActivationScan.Unwrap(write.Value);
            ActivationApplication? forward = forwardOps.Contains(value) ? forwards.First(f => ReferenceEquals(TypeActivationScan.Unwrap(f.Operation), value)) : null;
            if (forward is null)
            {
                // Rows and whole arrays (a[0] = input, a = new double[n]) are not element values.
                if (!ParameterInitializations.IsCollection(write.Value.Type))
                {
                    mixed.Add(target);
                }

                continue;
            }

            if (outputs.TryGetValue(target, out ActivationApplication? previous) && previous.Form.Family != forward.Form.Family)
            {
                mixed.Add(target);
            }

            outputs[target] = forward;
        }

        foreach (ActivationApplication forward in forwards)
        {
            if (forward.Operation is IInvocationOperation { Arguments.Length: 2 } span
                && ParameterInitializations.Root(span.Arguments[1].Value, out _) is { } destination and not IParameterSymbol)
            {
                outputs[destination] = forward;
            }

            if (forward.Input is { } input && ParameterInitializations.Root(TypeActivationScan.Unwrap(input), out _) is { } source and not IParameterSymbol)
            {
                preActivations[source] = forward;
            }
        }

        foreach (ActivationApplication derivative in applications)
        {
            if (derivative.Form.Role is not (FormRole.DerivativeFromInput or FormRole.DerivativeFromOutput) || derivative.Input is null
                || !derivative.Form.DerivativeDependsOnWhatItIsFed)
            {
                continue;
            }

            IOperation input = TypeActivationScan.Unwrap(derivative.Input);
            ISymbol? root = ParameterInitializations.Root(input, out _);
            bool fromInput = derivative.Form.Role == FormRole.DerivativeFromInput;
            ActivationApplication? evidence = null;
            if (fromInput)
            {
                evidence = forwards.FirstOrDefault(f => ReferenceEquals(TypeActivationScan.Unwrap(f.Operation), input) && f.Form.Family == derivative.Form.Family);
                if (evidence is null && root is not null && !mixed.Contains(root) && !preActivations.ContainsKey(root)
                    && outputs.TryGetValue(root, out ActivationApplication? output) && output.Form.Family == derivative.Form.Family)
                {
                    evidence = output;
                }
            }
            else if (root is not null && !outputs.ContainsKey(root) && preActivations.TryGetValue(root, out ActivationApplication? pre)
                && pre.Form.Family == derivative.Form.Family)
            {
                evidence = pre;
            }

            if (evidence is not null)
            {
                Report(context, scan, derivative, evidence, fromInput);
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, TypeActivationScan scan, ActivationApplication derivative, ActivationApplication evidence, bool fromInput)
    {
        string forwardName = evidence.Callee?.Name ?? evidence.Form.FamilyDisplayName;
        string derivativeName = derivative.Callee?.Name ?? ReluEvidence.Snippet(derivative.Operation.Syntax);
        string? replacement = null;
        if (derivative.Callee is { } callee && scan.Catalog.AsGeneratedMember(callee) is { } member)
        {
            string name = member.Activation.Method.Name;
            replacement = member.Member.Suffix switch
            {
                "Derivative" => name + "DerivativeFromOutput",
                "DerivativeFromOutput" => name + "Derivative",
                "Backward" => name + "BackwardFromOutput",
                "BackwardFromOutput" => name + "Backward",
                _ => null,
            };
        }

        string remedy = fromInput
            ? "pass the pre-activation z" + (replacement is null ? ", or use the from-output form (" + FromOutputFormula(derivative.Form) + ")" : ", or call '" + replacement + "', which takes the output")
            : "pass the output y" + (replacement is null ? ", or use the from-input form" : ", or call '" + replacement + "', which takes the pre-activation");
        ImmutableDictionary<string, string?> properties = replacement is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, replacement);
        context.ReportDiagnostic(Diagnostic.Create(
            AnalyzerDescriptors.DerivativeFedWrongValue,
            derivative.Operation.Syntax.GetLocation(),
            properties,
            derivativeName,
            fromInput ? "the pre-activation z" : "the output y = " + forwardName + "(z)",
            ReluEvidence.Snippet(derivative.Input!.Syntax),
            fromInput ? "already the output of '" + forwardName + "'" : "the pre-activation passed to '" + forwardName + "'",
            remedy));
    }

    private static string FromOutputFormula(ActivationForm form) => form.Family switch
    {
        FormFamily.Sigmoid => "y * (1 - y)",
        FormFamily.Tanh => "1 - y * y",
        _ => "y + alpha for y < 0",
    };
}
