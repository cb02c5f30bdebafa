using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Model;
using ActivationGen.Generator.Numerics;

namespace ActivationGen.Generator.Emitting;

/// <summary>
/// The span members. In a user's family: argument checks, then a call into the kernel class. In the kernel
/// class (callers have checked): a loop over the widest accelerated vector (512, 256, 128 bit;
/// the JIT folds IsHardwareAccelerated and drops the other branches), with the remainder handled by one
/// more vector that ends at the last element and overlaps the previous one. That last vector is loaded
/// before the loop so that in-place calls (output = input) still read the original values. Spans shorter
/// than one 128-bit vector, and machines without SIMD, go through the scalar members, which compute the
/// same bits.
/// </summary>
internal static class SpanMemberEmitter
{
    private static readonly int[] Widths = [512, 256, 128];

    public static void Write(SourceWriter writer, FamilyContext family, FamilyMember member)
    {
        IReadOnlyList<DeclaredParameter> parameters = family.Parameters(member);
        var inputs = new List<string>();
        var outputs = new List<string>();
        for (int i = 0; i < member.Parameters.Length; i++)
        {
            (member.Parameters[i] == ParameterShape.Span ? outputs : inputs).Add(parameters[i].Name);
        }

        DocumentationEmitter.Write(writer, family, member);
        if (family.KernelClass is null && family.Target.HasHardwareIntrinsics && family.Kernels.NormalRange is not null)
        {
            // The loop inlines one kernel per vector width and call site; inlined into its caller as well, the
            // loop would share the caller's inlining budget and the JIT would leave the kernels as calls.
            writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        }

        writer.OpenBlock(family.Modifiers(member) + " void " + family.MemberName(member) + "(" + family.ParametersText(member) + ")");
        if (family.KernelClass is not null)
        {
            // The user's member: check the arguments (naming the user's parameters), then run the shared kernel.
            WriteChecks(writer, inputs, outputs);
            writer.WriteLine(family.KernelMember(member) + "(" + string.Join(", ", parameters.Select(p => p.Name)) + ");");
            writer.CloseBlock();
            return;
        }

        var names = new NameScope(parameters.Select(p => p.Name));
        if (family.Target.HasHardwareIntrinsics)
        {
            WriteVectorDriver(writer, family, member, inputs, outputs, names);
        }
        else
        {
            string i = names.Fresh("i");
            writer.OpenBlock("for (int " + i + " = 0; " + i + " < " + inputs[0] + ".Length; " + i + "++)");
            WriteScalarStep(writer, family, member, inputs.Select(x => x + "[" + i + "]").ToList(), outputs.Select(x => x + "[" + i + "]").ToList());
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    private static void WriteChecks(SourceWriter writer, List<string> inputs, List<string> outputs)
    {
        const string Checks = "global::ActivationGen.Internal.ActivationSpans";
        for (int i = 1; i < inputs.Count; i++)
        {
            writer.WriteLine(Checks + ".CheckSameLength(" + inputs[0] + ", \"" + Plain(inputs[0]) + "\", " + inputs[i] + ", \"" + Plain(inputs[i]) + "\");");
        }

        foreach (string output in outputs)
        {
            foreach (string input in inputs)
            {
                writer.WriteLine(Checks + ".CheckDestination(" + input + ", \"" + Plain(input) + "\", " + output + ", \"" + Plain(output) + "\");");
            }
        }

        for (int i = 1; i < outputs.Count; i++)
        {
            writer.WriteLine(Checks + ".CheckDisjoint(" + outputs[0] + ", \"" + Plain(outputs[0]) + "\", " + outputs[i] + ", \"" + Plain(outputs[i]) + "\", " + inputs[0] + ".Length);");
        }
    }

    private static string Plain(string identifier) => identifier.TrimStart('@');

    private static void WriteVectorDriver(SourceWriter writer, FamilyContext family, FamilyMember member, List<string> inputs, List<string> outputs, NameScope names)
    {
        string t = family.ElementType;
        const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
        const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";

        List<string> inputRefs = inputs.Select(x => names.Fresh(Plain(x) + "Ref")).ToList();
        List<string> outputRefs = outputs.Select(x => names.Fresh(Plain(x) + "Ref")).ToList();
        string length = names.Fresh("length");
        string last = names.Fresh("last");
        string i = names.Fresh("i");
        string j = names.Fresh("j");
        List<string> lastBlocks = inputs.Select(x => names.Fresh(Plain(x) + "Last")).ToList();
        List<string> results = outputs.Select(x => names.Fresh(Plain(x) + "Block")).ToList();
        List<string> lastResults = outputs.Select(x => names.Fresh(Plain(x) + "LastBlock")).ToList();
        Dictionary<int, string> kernelNames = Widths.ToDictionary(w => w, w => names.Fresh("Kernel" + w));

        // Sigmoid and tanh: each vector is tested for exp's normal range here, in the loop, and goes to the short
        // kernel or to the general one (out of line). Each branch stores its own result: a kernel that branched
        // inside and returned either result made the JIT pass every result through the stack.
        (double Limit, IReadOnlyList<Expr> Roots)? normalRange = family.NormalRangeRoots(member.Role);
        Dictionary<int, string> generalNames = normalRange is null
            ? new Dictionary<int, string>()
            : Widths.ToDictionary(w => w, w => names.Fresh("Kernel" + w + "General"));
        string inputBlock = names.Fresh(Plain(inputs[0]) + "Block");
        string absBlock = names.Fresh(inputBlock + "Abs");
        string absLast = names.Fresh(lastBlocks[0] + "Abs");

        // Names of the unrolled blocks' results (each width's loop sits in its own block, so they are reused).
        List<List<string>> unrolledResults = Enumerable.Range(0, family.Kind.UnrollFactor)
            .Select(u => outputs.Select(x => names.Fresh(Plain(x) + "Block" + u)).ToList())
            .ToList();

        // The guarded kinds' unrolled blocks: their inputs and |first input|.
        // NForward (two outputs) keeps one block per iteration: four blocks of its forward-and-derivative kernel
        // measured 1.2-2.3x slower (float and double sigmoid/tanh; the JIT runs out of vector registers).
        bool unrollGuarded = normalRange is not null && outputs.Count == 1 && family.Kind.UnrollFactor > 1;
        List<List<string>> unrolledInputs = !unrollGuarded
            ? []
            : Enumerable.Range(0, family.Kind.UnrollFactor).Select(u => inputs.Select(x => names.Fresh(Plain(x) + "Block" + u)).ToList()).ToList();
        List<string> unrolledAbs = unrolledInputs.Select(block => names.Fresh(block[0] + "Abs")).ToList();

        for (int k = 0; k < inputs.Count; k++)
        {
            writer.WriteLine("ref " + t + " " + inputRefs[k] + " = ref " + MemoryMarshal + ".GetReference(" + inputs[k] + ");");
        }

        for (int k = 0; k < outputs.Count; k++)
        {
            writer.WriteLine("ref " + t + " " + outputRefs[k] + " = ref " + MemoryMarshal + ".GetReference(" + outputs[k] + ");");
        }

        writer.WriteLine("nuint " + length + " = (nuint)" + inputs[0] + ".Length;");
        foreach (int width in Widths)
        {
            var syntax = new VectorSyntax(family.Model.ElementType, width, family.Target);
            string v = syntax.Static;
            string count = "(nuint)" + syntax.RealType + ".Count";
            writer.OpenBlock("if (" + v + ".IsHardwareAccelerated && " + length + " >= " + count + ")");
            writer.WriteLine("nuint " + last + " = " + length + " - " + count + ";");
            for (int k = 0; k < inputs.Count; k++)
            {
                writer.WriteLine("var " + lastBlocks[k] + " = " + v + ".LoadUnsafe(ref " + inputRefs[k] + ", " + last + ");");
            }

            int unroll = family.Kind.UnrollFactor;
            writer.WriteLine("nuint " + i + " = 0;");
            if (unrollGuarded)
            {
                WriteGuardedUnrolledLoop(writer, syntax, normalRange!.Value.Limit, kernelNames[width], generalNames[width], unrolledInputs, unrolledAbs, inputRefs, outputRefs, unrolledResults, i, length, count, j, inputBlock, absBlock, results);
            }
            else if (unroll > 1 && normalRange is null)
            {
                // Cheap kinds are bound by loads, stores and loop overhead: several independent blocks per iteration,
                // every block loaded and computed before the first store. Interleaving load, store, load, store
                // lets a store to y stall the next load of z when the two arrays lie a multiple of 4 KiB apart
                // (4K aliasing); loading first is also what keeps the in-place call (y == z) correct here. The loop
                // runs up to the end of the span, not to the last block: that block was loaded before the loop, so
                // storing it again afterwards writes the same values, and a length that is a multiple of the
                // unrolled step (1,024 floats) needs no single-block iterations at all.
                writer.OpenBlock("for (; " + i + " + " + unroll + " * " + count + " <= " + length + "; " + i + " += " + unroll + " * " + count + ")");
                var indexes = new List<string>();
                for (int u = 0; u < unroll; u++)
                {
                    string index = BlockIndex(i, u, count);
                    List<string> block = unrolledResults[u];
                    string call = kernelNames[width] + "(" + string.Join(", ", inputRefs.Select(r => v + ".LoadUnsafe(ref " + r + ", " + index + ")")) + ")";
                    writer.WriteLine(block.Count == 1 ? "var " + block[0] + " = " + call + ";" : "var (" + string.Join(", ", block) + ") = " + call + ";");
                    indexes.Add(index);
                }

                for (int u = 0; u < unroll; u++)
                {
                    for (int k = 0; k < outputRefs.Count; k++)
                    {
                        writer.WriteLine(v + ".StoreUnsafe(" + unrolledResults[u][k] + ", ref " + outputRefs[k] + ", " + indexes[u] + ");");
                    }
                }

                writer.CloseBlock();
            }

            writer.OpenBlock("for (; " + i + " < " + last + "; " + i + " += " + count + ")");
            if (normalRange is { } range)
            {
                WriteLoadedGuardedStep(writer, syntax, range.Limit, kernelNames[width], generalNames[width], inputRefs, inputBlock, absBlock, outputRefs, results, i);
            }
            else
            {
                WriteVectorStep(writer, v, kernelNames[width], inputRefs.Select(r => v + ".LoadUnsafe(ref " + r + ", " + i + ")").ToList(), outputRefs, results, i);
            }

            writer.CloseBlock();
            if (normalRange is { } lastRange)
            {
                WriteGuardedStep(writer, syntax, lastRange.Limit, kernelNames[width], generalNames[width], lastBlocks, absLast, outputRefs, lastResults, last);
            }
            else
            {
                WriteVectorStep(writer, v, kernelNames[width], lastBlocks, outputRefs, lastResults, last);
            }

            writer.WriteLine("return;");
            writer.CloseBlock();
        }

        writer.OpenBlock("for (nuint " + i + " = 0; " + i + " < " + length + "; " + i + "++)");
        WriteScalarStep(
            writer,
            family,
            member,
            inputRefs.Select(r => Unsafe + ".Add(ref " + r + ", " + i + ")").ToList(),
            outputRefs.Select(r => Unsafe + ".Add(ref " + r + ", " + i + ")").ToList());
        writer.CloseBlock();

        foreach (int width in Widths)
        {
            writer.WriteLine();
            WriteVectorKernel(writer, family, member, new VectorSyntax(family.Model.ElementType, width, family.Target), kernelNames[width], generalNames.TryGetValue(width, out string? general) ? general : null);
        }
    }

    /// <summary>
    /// Several vectors per iteration for the guarded kinds: every block is loaded and its |input| taken first; when
    /// all of them are within the normal range (the common case) the short kernels run back to back and the stores
    /// follow, else each block takes its own branch. 4 blocks measured about 15 % faster than 1 for float tanh
    /// (scratch Stopwatch loop, 1,024 and 1 M elements; the loop test and branch are paid once per four blocks, and
    /// the JIT keeps some of the constants in registers across the four inlined kernels). Inputs are all loaded
    /// before the first store, which keeps the in-place call (y == z) correct. The single-block loop after it
    /// takes what is left before the last block.
    /// </summary>
    private static void WriteGuardedUnrolledLoop(SourceWriter writer, VectorSyntax syntax, double limit, string kernel, string general, List<List<string>> blocks, List<string> absBlocks, List<string> inputRefs, List<string> outputRefs, List<List<string>> unrolledResults, string i, string length, string count, string j, string single, string singleAbs, List<string> singleResults)
    {
        string v = syntax.Static;
        int unroll = unrolledResults.Count;
        writer.OpenBlock("for (; " + i + " + " + unroll + " * " + count + " <= " + length + "; " + i + " += " + unroll + " * " + count + ")");
        var indexes = new List<string>();
        for (int u = 0; u < unroll; u++)
        {
            string index = BlockIndex(i, u, count);
            indexes.Add(index);
            for (int k = 0; k < inputRefs.Count; k++)
            {
                writer.WriteLine("var " + blocks[u][k] + " = " + v + ".LoadUnsafe(ref " + inputRefs[k] + ", " + index + ");");
            }
        }

        for (int u = 0; u < unroll; u++)
        {
            writer.WriteLine("var " + absBlocks[u] + " = " + syntax.Abs(blocks[u][0]) + ";");
        }

        writer.OpenBlock("if (" + string.Join(" && ", absBlocks.Select(a => syntax.AllAtMost(a, limit))) + ")");
        for (int u = 0; u < unroll; u++)
        {
            List<string> block = unrolledResults[u];
            string call = kernel + "(" + string.Join(", ", blocks[u].Concat([absBlocks[u]])) + ")";
            writer.WriteLine(block.Count == 1 ? "var " + block[0] + " = " + call + ";" : "var (" + string.Join(", ", block) + ") = " + call + ";");
        }

        for (int u = 0; u < unroll; u++)
        {
            for (int k = 0; k < outputRefs.Count; k++)
            {
                writer.WriteLine(v + ".StoreUnsafe(" + unrolledResults[u][k] + ", ref " + outputRefs[k] + ", " + indexes[u] + ");");
            }
        }

        writer.CloseBlock();

        // Else block by block, loaded again (nothing stored yet beyond the block at hand, so in place is still
        // correct): the loaded vectors are then dead here, and the JIT need not keep them across the general
        // kernel's call (with them live, it spilled all four to the stack on every iteration, fast path included).
        writer.OpenBlock("else");
        writer.OpenBlock("for (nuint " + j + " = " + i + "; " + j + " < " + i + " + " + unroll + " * " + count + "; " + j + " += " + count + ")");
        WriteLoadedGuardedStep(writer, syntax, limit, kernel, general, inputRefs, single, singleAbs, outputRefs, singleResults, j);
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>The index of the u-th block of an unrolled iteration starting at i.</summary>
    private static string BlockIndex(string i, int u, string count) => u == 0 ? i : i + " + " + (u == 1 ? count : u + " * " + count);

    /// <summary>Loads one vector of every input at index (the first into a local) and writes its guarded step.</summary>
    private static void WriteLoadedGuardedStep(SourceWriter writer, VectorSyntax syntax, double limit, string kernel, string general, List<string> inputRefs, string inputBlock, string absBlock, List<string> outputRefs, List<string> results, string index)
    {
        List<string> loads = inputRefs.Select(r => syntax.Static + ".LoadUnsafe(ref " + r + ", " + index + ")").ToList();
        writer.WriteLine("var " + inputBlock + " = " + loads[0] + ";");
        loads[0] = inputBlock;
        WriteGuardedStep(writer, syntax, limit, kernel, general, loads, absBlock, outputRefs, results, index);
    }

    /// <summary>
    /// One vector through the short kernel when every |input| is within the normal range, else the general one.
    /// The short kernel receives the |input| the test computed as its last argument: the JIT expands Abs late
    /// (an AND with a constant) and does not share it between the test and the inlined kernel by itself.
    /// </summary>
    private static void WriteGuardedStep(SourceWriter writer, VectorSyntax syntax, double limit, string kernel, string general, IReadOnlyList<string> arguments, string absBlock, List<string> outputRefs, List<string> results, string index)
    {
        writer.WriteLine("var " + absBlock + " = " + syntax.Abs(arguments[0]) + ";");
        writer.OpenBlock("if (" + syntax.AllAtMost(absBlock, limit) + ")");
        WriteVectorStep(writer, syntax.Static, kernel, arguments.Concat([absBlock]).ToList(), outputRefs, results, index);
        writer.CloseBlock();
        writer.OpenBlock("else");
        WriteVectorStep(writer, syntax.Static, general, arguments, outputRefs, results, index);
        writer.CloseBlock();
    }

    private static void WriteVectorStep(SourceWriter writer, string v, string kernel, IReadOnlyList<string> arguments, List<string> outputRefs, List<string> results, string index)
    {
        string call = kernel + "(" + string.Join(", ", arguments) + ")";
        if (outputRefs.Count == 1)
        {
            writer.WriteLine(v + ".StoreUnsafe(" + call + ", ref " + outputRefs[0] + ", " + index + ");");
            return;
        }

        writer.WriteLine("var (" + string.Join(", ", results) + ") = " + call + ";");
        for (int k = 0; k < outputRefs.Count; k++)
        {
            writer.WriteLine(v + ".StoreUnsafe(" + results[k] + ", ref " + outputRefs[k] + ", " + index + ");");
        }
    }

    /// <summary>One element through the scalar members: the same operations as the vector kernels.</summary>
    private static void WriteScalarStep(SourceWriter writer, FamilyContext family, FamilyMember member, List<string> inputs, List<string> outputs)
    {
        string forward = family.MemberName(MemberRole.Forward, span: false);
        string derivative = family.MemberName(MemberRole.Derivative, span: false);
        string fromOutput = family.MemberName(MemberRole.DerivativeFromOutput, span: false);
        switch (member.Role)
        {
            case MemberRole.Forward:
                writer.WriteLine(outputs[0] + " = " + forward + "(" + inputs[0] + ");");
                break;
            case MemberRole.Derivative:
                writer.WriteLine(outputs[0] + " = " + derivative + "(" + inputs[0] + ");");
                break;
            case MemberRole.DerivativeFromOutput:
                writer.WriteLine(outputs[0] + " = " + fromOutput + "(" + inputs[0] + ");");
                break;
            case MemberRole.ForwardWithDerivative:
                // Read z once: in place, writing y first would change it.
                writer.WriteLine("var (" + "yValue, dValue) = (" + forward + "(" + inputs[0] + "), " + derivative + "(" + inputs[0] + "));");
                writer.WriteLine(outputs[0] + " = yValue;");
                writer.WriteLine(outputs[1] + " = dValue;");
                break;
            case MemberRole.Backward:
                writer.WriteLine(outputs[0] + " = " + inputs[1] + " * " + derivative + "(" + inputs[0] + ");");
                break;
            case MemberRole.BackwardFromOutput:
                writer.WriteLine(outputs[0] + " = " + inputs[1] + " * " + fromOutput + "(" + inputs[0] + ");");
                break;
        }
    }

    private static void WriteVectorKernel(SourceWriter writer, FamilyContext family, FamilyMember member, VectorSyntax syntax, string name, string? general)
    {
        string v = syntax.RealType;
        IReadOnlyList<Expr> roots = family.Roots(member.Role);
        bool fromOutput = member.Role is MemberRole.DerivativeFromOutput or MemberRole.BackwardFromOutput;
        bool backward = member.Role is MemberRole.Backward or MemberRole.BackwardFromOutput;
        string input = fromOutput ? "y" : "z";
        string parameters = v + " " + input + (backward ? ", " + v + " gradOutput" : string.Empty);
        string returns = roots.Count == 1 ? v : "(" + string.Join(", ", roots.Select(_ => v)) + ")";

        if (general is not null && family.NormalRangeRoots(member.Role) is { } normalRange)
        {
            string limit = normalRange.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            writer.WriteLine("// For a vector whose every |" + input + "| ≤ " + limit + ": the short form (exp's normal range, no range clamp, 2^n as one factor).");
            writer.WriteLine("// The same bits as " + general + ", which the loop calls for any other vector (NaN, ±∞, larger |" + input + "|).");
            writer.WriteLine(ScalarMemberEmitter.AggressiveInlining);
            writer.OpenBlock("static " + returns + " " + name + "(" + parameters + ", " + v + " " + input + "Abs)");
            WriteKernelBody(writer, syntax, normalRange.Roots, input, input + "Abs");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            name = general;
        }
        else
        {
            writer.WriteLine(ScalarMemberEmitter.AggressiveInlining);
        }

        writer.OpenBlock("static " + returns + " " + name + "(" + parameters + ")");
        WriteKernelBody(writer, syntax, roots, input);
        writer.CloseBlock();
    }

    private static void WriteKernelBody(SourceWriter writer, VectorSyntax syntax, IReadOnlyList<Expr> roots, string input, string? absOfInput = null)
    {
        RenderedKernel kernel = KernelRenderer.Render(
            syntax,
            roots,
            x => x == KernelInput.GradOutput ? "gradOutput" : input,
            new NameScope(absOfInput is null ? [input, "gradOutput"] : [input, "gradOutput", absOfInput]),
            absOfInput);
        ScalarMemberEmitter.WriteLocals(writer, kernel, "var", "var");
        writer.WriteLine("return " + (roots.Count == 1 ? kernel.Results[0] : "(" + string.Join(", ", kernel.Results) + ")") + ";");
    }
}
