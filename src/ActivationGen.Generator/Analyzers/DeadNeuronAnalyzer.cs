using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActivationGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ActivationGen.Generator.Analyzers;

/// <summary>
/// Dead-neuron risk in hand-written networks (AG1001–AG1006). Works type by type: a symbol-start action
/// per class or struct registers operation actions that collect the type's weight and bias writes, the
/// activations it applies and its layer layouts; the symbol-end action judges them together, so a weight
/// initialisation is connected to a ReLU in the same type without binding anything outside it. Only
/// where the type applies no activation of its own does a project-wide fact (a ReLU declared somewhere,
/// found by name in the declaration table once per compilation) stand in.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeadNeuronAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        AnalyzerDescriptors.OneSidedWeightInitialization,
        AnalyzerDescriptors.ConstantWeightInitialization,
        AnalyzerDescriptors.NegativeBiasBeforeRelu,
        AnalyzerDescriptors.ReluOnOutputLayer,
        AnalyzerDescriptors.NarrowDeepReluStack,
        AnalyzerDescriptors.ReluInitializationScale);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var catalog = new ActivationCatalog(start.Compilation, start.CancellationToken);
            start.RegisterSymbolStartAction(symbolStart => OnType(symbolStart, catalog), SymbolKind.NamedType);
        });
    }

    private static void OnType(SymbolStartAnalysisContext context, ActivationCatalog catalog)
    {
        if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
        {
            return;
        }

        var scan = new TypeActivationScan(catalog, type);
        var writes = new ParameterInitializations();
        var layouts = new NetworkLayouts();

        // For the project-wide fallback (a layer class whose ReLU lives elsewhere) the type must look like a
        // layer: its weights multiply something element by element (a dot product) or are handed to it to be
        // initialised, and it evaluates no exponential or tanh of its own (an inline sigmoid: a logistic
        // regression is not a ReLU layer). A sampler's positive "weights" are not a layer's.
        var sums = new WeightedSums();
        int transcendental = 0;
        context.RegisterOperationAction(
            op =>
            {
                if (op.Operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product)
                {
                    foreach (IOperation operand in new[] { product.LeftOperand, product.RightOperand })
                    {
                        if (ParameterInitializations.Root(operand, out int depth) is { } root && depth > 0)
                        {
                            sums.Record(root, SumTarget(product));
                        }
                    }
                }
            },
            OperationKind.Binary);

        context.RegisterOperationBlockAction(block => scan.AddBody(block.OwningSymbol, block.OperationBlocks));
        context.RegisterOperationAction(
            op =>
            {
                scan.AddCandidate(op.Operation, op.ContainingSymbol);
                if (op.Operation is IInvocationOperation { TargetMethod: { Name: "Exp" or "Tanh" } target } && MathLibrary.IsMathMethod(target))
                {
                    System.Threading.Interlocked.Exchange(ref transcendental, 1);
                }

                if (op.Operation is IInvocationOperation invocation)
                {
                    writes.OnInvocation(invocation, op.ContainingSymbol);
                    layouts.OnInvocation(invocation, op.ContainingSymbol);
                }
            },
            OperationKind.Invocation,
            OperationKind.MethodReference,
            OperationKind.Conditional);
        context.RegisterOperationAction(
            op => writes.OnAssignment((IAssignmentOperation)op.Operation, op.ContainingSymbol),
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment);
        context.RegisterOperationAction(
            op =>
            {
                switch (op.Operation)
                {
                    case IFieldInitializerOperation field:
                        writes.OnInitializer(field.InitializedFields, field.Value, null);
                        break;
                    case IPropertyInitializerOperation property:
                        writes.OnInitializer(property.InitializedProperties, property.Value, null);
                        break;
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                        writes.OnInitializer([declarator.Symbol], initializer.Value, op.ContainingSymbol);
                        break;
                }
            },
            OperationKind.FieldInitializer,
            OperationKind.PropertyInitializer,
            OperationKind.VariableDeclarator);
        context.RegisterOperationAction(
            op => layouts.OnCollection(op.Operation, op.ContainingSymbol),
            OperationKind.ArrayCreation,
            OperationKind.ObjectOrCollectionInitializer,
            OperationKind.CollectionExpression);
        context.RegisterOperationAction(op => layouts.OnReturn((IReturnOperation)op.Operation, op.ContainingSymbol), OperationKind.Return);

        context.RegisterSymbolEndAction(end =>
        {
            List<ActivationApplication> applications = scan.Applications();
            ReluEvidence? evidence = Evidence(scan, applications);
            bool borrowed = ReferenceEquals(evidence, catalog.ProjectRelu);
            if (borrowed && System.Threading.Interlocked.CompareExchange(ref transcendental, 0, 0) == 1)
            {
                evidence = null;
            }

            if (evidence is not null)
            {
                // With the project's ReLU, a weights parameter is someone else's layer being initialised (an
                // initialiser class) and a field or local must be seen in a product to count as a layer's weights.
                // Always: weights whose every weighted sum goes into a sigmoid, tanh or leaky ReLU (an output
                // layer, `o[k] = Sigmoid(s)`) feed no ReLU unit, whatever the type applies elsewhere.
                System.Func<ISymbol, bool> feedsOnlyOthers = sums.FeedsOnlyNonRelu(applications);
                InitializationRules.Report(
                    end,
                    catalog,
                    writes,
                    evidence,
                    borrowed ? root => (root is IParameterSymbol || sums.IsMultiplied(root)) && !feedsOnlyOthers(root) : root => !feedsOnlyOthers(root),
                    borrowed);
            }

            layouts.Report(end, scan, applications, evidence);
        });
    }

    /// <summary>
    /// The local a product is summed into: s in `s += w[i] * x[i]`, `s = s + w[i] * x[i]` or
    /// `var s = w[0] * x[0] + …`; null where the product goes anywhere else.
    /// </summary>
    private static ILocalSymbol? SumTarget(IOperation product)
    {
        IOperation node = product;
        while (node.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } or IConversionOperation or IParenthesizedOperation)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            ICompoundAssignmentOperation { Target: ILocalReferenceOperation local } compound when ReferenceEquals(compound.Value, node) => local.Local,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when ReferenceEquals(assignment.Value, node) => local.Local,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            _ => null,
        };
    }

    /// <summary>
    /// Why this type's weights feed a ReLU (or a ReLU6, which dies below zero the same way): a ReLU the type
    /// applies (the generator's first, as the leaky ReLU fix can change it), a generated ReLU it declares, or, when it applies no activation at all (a layer
    /// whose activation lives elsewhere), a ReLU declared in the project.
    /// </summary>
    internal static ReluEvidence? Evidence(TypeActivationScan scan, List<ActivationApplication> applications)
    {
        ActivationCatalog catalog = scan.Catalog;
        INamedTypeSymbol type = scan.Type;
        ActivationApplication? inline = null;
        foreach (ActivationApplication application in applications)
        {
            if (application.Form.Role != FormRole.Forward || !FormFamilies.DiesBelowZero(application.Form.Family))
            {
                continue;
            }

            if (application.Callee is { } callee && catalog.AsGeneratedMember(callee) is { } generated)
            {
                return ReluEvidence.FromGenerated(generated.Activation);
            }

            inline ??= application;
        }

        GeneratedActivation? declared = catalog.GeneratedIn(type).FirstOrDefault(g => g.Form.Family == FormFamily.Relu)
            ?? catalog.GeneratedIn(type).FirstOrDefault(g => FormFamilies.DiesBelowZero(g.Form.Family));
        if (declared is not null)
        {
            return ReluEvidence.FromGenerated(declared);
        }

        if (inline is not null)
        {
            string what = inline.Callee is { } m ? "calls '" + m.Name + "'" : ReluEvidence.Snippet(inline.Operation.Syntax);
            return ReluEvidence.InType(type, what, inline.Method);
        }

        // A type that applies or declares another activation (a sigmoid layer, a logistic regression) has its
        // own answer; only a type with no activation of its own borrows the project's ReLU.
        bool ownActivation = applications.Any(a => a.Form.Role == FormRole.Forward) || catalog.GeneratedIn(type).Length > 0
            || scan.RealFunctions.Any(f => scan.FormOf(f.Key) is { Role: FormRole.Forward });
        return ownActivation ? null : catalog.ProjectRelu;
    }
}
