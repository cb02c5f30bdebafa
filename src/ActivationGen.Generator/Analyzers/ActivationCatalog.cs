using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using ActivationGen.Generator.Kinds;
using ActivationGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Analyzers;

/// <summary>An [Activation] method the generator implements, with its kind and constant.</summary>
/// <param name="Method">The declared partial method.</param>
/// <param name="Form">Its family as the analyzers see it (Role: Forward).</param>
/// <param name="Attribute">The attribute, for the code fix that switches Kind.Relu to Kind.LeakyRelu.</param>
internal sealed record GeneratedActivation(IMethodSymbol Method, ActivationForm Form, SyntaxReference? Attribute);

/// <summary>A member of a generated family that a call site reaches: which activation, which member.</summary>
internal sealed record GeneratedMember(GeneratedActivation Activation, FamilyMember Member, ActivationForm Form);

/// <summary>
/// What the analyzers need to know about a compilation, resolved once per compilation start and cached:
/// the [Activation] attribute, which types declare generated activations, and whether the project declares
/// a ReLU anywhere (looked up by name in the declaration table, which binds no method body).
/// </summary>
internal sealed class ActivationCatalog
{
    public const string AttributeMetadataName = "ActivationGen.ActivationAttribute";

    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<GeneratedActivation>> _generatedByType = new(SymbolEqualityComparer.Default);
    private readonly Lazy<ReluEvidence?> _projectRelu;
    private readonly ConcurrentDictionary<IMethodSymbol, SourceFunction?> _sourceFunctions = new(SymbolEqualityComparer.Default);
    private readonly CancellationToken _cancellationToken;

    public ActivationCatalog(Compilation compilation, CancellationToken cancellationToken)
    {
        Compilation = compilation;
        Attribute = compilation.GetTypeByMetadataName(AttributeMetadataName);
        Random = compilation.GetTypeByMetadataName("System.Random");
        _cancellationToken = cancellationToken;
        _projectRelu = new Lazy<ReluEvidence?>(() => FindProjectRelu(cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? Attribute { get; }

    public INamedTypeSymbol? Random { get; }

    /// <summary>
    /// A ReLU declared somewhere in the project: an [Activation(Kind.Relu)] method, or a method or type whose
    /// name says ReLU (Relu, ReLU, ReluLayer, ReLUActivation). Computed on first use, once per compilation.
    /// </summary>
    public ReluEvidence? ProjectRelu => _projectRelu.Value;

    /// <summary>The generated activations declared directly in a type (cached per type).</summary>
    public ImmutableArray<GeneratedActivation> GeneratedIn(INamedTypeSymbol type)
        => Attribute is null ? ImmutableArray<GeneratedActivation>.Empty : _generatedByType.GetOrAdd(type, Scan);

    /// <summary>The generated activation a method declares, or null.</summary>
    public GeneratedActivation? AsGenerated(IMethodSymbol method)
    {
        IMethodSymbol definition = method.PartialDefinitionPart ?? method;
        if (Attribute is null || definition.ContainingType is null)
        {
            return null;
        }

        foreach (GeneratedActivation g in GeneratedIn(definition.ContainingType))
        {
            if (SymbolEqualityComparer.Default.Equals(g.Method, definition))
            {
                return g;
            }
        }

        return null;
    }

    /// <summary>The generated family member a call reaches (Sigmoid, SigmoidDerivativeFromOutput, …), or null.</summary>
    public GeneratedMember? AsGeneratedMember(IMethodSymbol method)
    {
        if (Attribute is null || method.ContainingType is null)
        {
            return null;
        }

        ImmutableArray<GeneratedActivation> generated = GeneratedIn(method.ContainingType);
        foreach (GeneratedActivation g in generated)
        {
            if (!method.Name.StartsWith(g.Method.Name, StringComparison.Ordinal))
            {
                continue;
            }

            string suffix = method.Name.Substring(g.Method.Name.Length);
            bool isSpan = method.Parameters.Length > 1;
            foreach (FamilyMember member in FamilyMember.For(withFromOutput: true))
            {
                if (member.Suffix == suffix && member.IsSpan == isSpan && member.Parameters.Length == method.Parameters.Length
                    && RoleOf(member.Role, g.Form) is FormRole role)
                {
                    return new GeneratedMember(g, member, g.Form with { Role = role });
                }
            }
        }

        return null;
    }

    /// <summary>The function a generated scalar member computes, for the point evaluator.</summary>
    public Func<double, double?>? GeneratedFunction(IMethodSymbol method)
    {
        if (AsGeneratedMember(method) is not { Member.IsSpan: false } member)
        {
            return null;
        }

        ActivationForm form = member.Form;
        return z => ActivationForms.Reference(form, z);
    }

    /// <summary>
    /// A one-real function declared in source outside the type being analysed (Activations.Sigmoid called
    /// from a Network class): its body is bound on first use and kept for the compilation. Only methods of
    /// one float/double parameter with a short body qualify, so this never grows into binding the project.
    /// </summary>
    public SourceFunction? SourceFunctionOf(IMethodSymbol method)
    {
        method = method.PartialImplementationPart ?? method.OriginalDefinition;
        return TypeActivationScan.IsRealFunction(method) && method.Locations.Length == 1 && method.Locations[0].IsInSource
            ? _sourceFunctions.GetOrAdd(method, Bind)
            : null;
    }

    private SourceFunction? Bind(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        SyntaxReference reference = method.DeclaringSyntaxReferences[0];
        if (reference.Span.Length > MaxBoundMethodLength || !Compilation.ContainsSyntaxTree(reference.SyntaxTree))
        {
            return null;
        }

#pragma warning disable RS1030 // Binds one short method of another file, once per compilation (cached above); no semantic model of the analysed file exists for it.
        SemanticModel model = Compilation.GetSemanticModel(reference.SyntaxTree);
#pragma warning restore RS1030
        IOperation? operation = model.GetOperation(reference.GetSyntax(_cancellationToken), _cancellationToken);
        IOperation? body = operation switch
        {
            Microsoft.CodeAnalysis.Operations.IMethodBodyOperation m => (IOperation?)m.BlockBody ?? m.ExpressionBody,
            _ => null,
        };
        return body is null ? null : new SourceFunction(method, body);
    }

    private const int MaxBoundMethodLength = 2000;

    private static FormRole? RoleOf(MemberRole role, ActivationForm form)
    {
        bool step = !form.DerivativeDependsOnWhatItIsFed;
        return role switch
        {
            MemberRole.Forward => FormRole.Forward,
            MemberRole.Derivative or MemberRole.Backward => step ? FormRole.Derivative : FormRole.DerivativeFromInput,
            MemberRole.DerivativeFromOutput or MemberRole.BackwardFromOutput => step ? FormRole.Derivative : FormRole.DerivativeFromOutput,
            _ => null,
        };
    }

    private ImmutableArray<GeneratedActivation> Scan(INamedTypeSymbol type)
    {
        ImmutableArray<GeneratedActivation>.Builder builder = ImmutableArray.CreateBuilder<GeneratedActivation>();
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IMethodSymbol { IsPartialDefinition: true } method && FromAttribute(method) is { } generated)
            {
                builder.Add(generated);
            }
        }

        return builder.ToImmutable();
    }

    private GeneratedActivation? FromAttribute(IMethodSymbol method)
    {
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, Attribute)
                || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not int kindValue)
            {
                continue;
            }

            double slope = LeakyReluKind.Slope.Default, min = HardTanhKind.Min.Default, max = HardTanhKind.Max.Default;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Value.Value is double value)
                {
                    slope = named.Key == LeakyReluKind.Slope.Name ? value : slope;
                    min = named.Key == HardTanhKind.Min.Name ? value : min;
                    max = named.Key == HardTanhKind.Max.Name ? value : max;
                }
            }

            ActivationForm? form = (ActivationKindId)kindValue switch
            {
                ActivationKindId.Sigmoid => new ActivationForm(FormFamily.Sigmoid, FormRole.Forward, 0),
                ActivationKindId.Tanh => new ActivationForm(FormFamily.Tanh, FormRole.Forward, 0),
                ActivationKindId.Relu => new ActivationForm(FormFamily.Relu, FormRole.Forward, 0),
                ActivationKindId.LeakyRelu => new ActivationForm(FormFamily.LeakyRelu, FormRole.Forward, slope),
                ActivationKindId.Relu6 => new ActivationForm(FormFamily.Relu6, FormRole.Forward, 0),
                ActivationKindId.HardTanh => new ActivationForm(FormFamily.HardTanh, FormRole.Forward, min, max),
                ActivationKindId.HardSigmoid => new ActivationForm(FormFamily.HardSigmoid, FormRole.Forward, 0),
                _ => null,
            };
            return form is { } f ? new GeneratedActivation(method, f, attribute.ApplicationSyntaxReference) : null;
        }

        return null;
    }

    /// <summary>A test method ([Fact], [Theory], [Test], [TestCase], [TestMethod]) or a member of a test class
    /// ([TestClass], [TestFixture], or a name ending in Test / Tests).</summary>
    private static bool IsTestCode(ISymbol symbol)
    {
        for (ISymbol? current = symbol; current is not null; current = current.ContainingType)
        {
            if (current is INamedTypeSymbol type && (type.Name.EndsWith("Tests", StringComparison.Ordinal) || type.Name.EndsWith("Test", StringComparison.Ordinal)))
            {
                return true;
            }

            foreach (AttributeData attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "FactAttribute" or "TheoryAttribute" or "TestAttribute" or "TestCaseAttribute"
                    or "TestMethodAttribute" or "TestClassAttribute" or "TestFixtureAttribute" or "DataTestMethodAttribute")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private ReluEvidence? FindProjectRelu(CancellationToken cancellationToken)
    {
        ReluEvidence? byName = null;
        foreach (ISymbol symbol in Compilation.GetSymbolsWithName(NetworkNames.DiesBelowZero, SymbolFilter.TypeAndMember, cancellationToken))
        {
            if (symbol.IsImplicitlyDeclared || symbol.Locations.Length == 0 || !symbol.Locations[0].IsInSource)
            {
                continue;
            }

            if (symbol is IMethodSymbol method && AsGeneratedMember(method) is { } generated)
            {
                if (generated.Form.Family == FormFamily.Relu)
                {
                    // The generator's ReLU is the strongest evidence and the one the LeakyRelu fix can change.
                    return ReluEvidence.FromGenerated(generated.Activation);
                }

                if (FormFamilies.DiesBelowZero(generated.Form.Family))
                {
                    byName ??= ReluEvidence.FromGenerated(generated.Activation);
                }

                continue;
            }

            // A method that takes something (Relu(x), ApplyReLU(layer)) or a ReLU type, outside tests: a test method
            // named LinearWithReLU_FeedForward_Matches() says nothing about what the project's networks apply.
            if ((symbol is IMethodSymbol { Parameters.Length: > 0 } || symbol is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct })
                && !IsTestCode(symbol))
            {
                byName ??= ReluEvidence.FromName(symbol);
            }
        }

        return byName;
    }
}

/// <summary>A method of one real argument with its bound body.</summary>
internal sealed record SourceFunction(IMethodSymbol Method, IOperation Body);
