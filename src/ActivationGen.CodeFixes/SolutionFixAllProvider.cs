using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ActivationGen.CodeFixes;

/// <summary>
/// Fix All that applies one fixer's edits for every diagnostic in scope at once. The fixes here edit
/// places other than the diagnostic's span (the [Activation] attribute of a generated ReLU, the partial
/// modifier of a containing type, a sibling method to delete), which the default batch fixer would see
/// as conflicting edits; applying them together, deduplicated, is both correct and one pass.
/// </summary>
internal sealed class SolutionFixAllProvider : FixAllProvider
{
    private readonly string _title;
    private readonly Func<Solution, ImmutableArray<Diagnostic>, string?, CancellationToken, Task<Solution>> _apply;

    public SolutionFixAllProvider(string title, Func<Solution, ImmutableArray<Diagnostic>, string?, CancellationToken, Task<Solution>> apply)
    {
        _title = title;
        _apply = apply;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        ImmutableArray<Diagnostic>.Builder diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        switch (fixAllContext.Scope)
        {
            case FixAllScope.Document when fixAllContext.Document is not null:
                diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false));
                break;
            case FixAllScope.Project:
                diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                break;
            case FixAllScope.Solution:
                foreach (Project project in fixAllContext.Solution.Projects)
                {
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                }

                break;
        }

        ImmutableArray<Diagnostic> all = diagnostics.ToImmutable();
        string? key = fixAllContext.CodeActionEquivalenceKey;
        return CodeAction.Create(_title, ct => _apply(fixAllContext.Solution, all, key, ct), key);
    }
}
