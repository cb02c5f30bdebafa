namespace ActivationGen.Generator.Diagnostics;

/// <summary>
/// Every rule id, in one place. AG0xxx: usage of the attribute; AG1xxx: dead-neuron risk; AG2xxx:
/// numerical misuse; AG3xxx: suggestions. Ids are never reused.
/// </summary>
internal static class RuleIdentifiers
{
    public const string MethodMustBePartial = "AG0001";
    public const string TypeMustBePartial = "AG0002";
    public const string MethodAlreadyHasBody = "AG0003";
    public const string MethodMustNotBeGeneric = "AG0004";
    public const string UnsupportedElementType = "AG0005";
    public const string UnsupportedShape = "AG0006";
    public const string ParameterOutOfRange = "AG0007";
    public const string ParameterNotUsedByKind = "AG0008";
    public const string UndefinedKind = "AG0009";
    public const string MemberAlreadyDefined = "AG0010";
    public const string LanguageVersionTooLow = "AG0011";

    public const string OneSidedWeightInitialization = "AG1001";
    public const string ConstantWeightInitialization = "AG1002";
    public const string NegativeBiasBeforeRelu = "AG1003";
    public const string ReluOnOutputLayer = "AG1004";
    public const string NarrowDeepReluStack = "AG1005";
    public const string ReluInitializationScale = "AG1006";

    public const string DerivativeFedWrongValue = "AG2001";
    public const string LeakySlopeMismatch = "AG2002";
    public const string ActivationOverflows = "AG2003";

    public const string ReplaceWithGeneratedActivation = "AG3001";
}
