using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ActivationGen.Generator.Analyzers;
using ActivationGen.Generator.Diagnostics;
using ActivationGen.Generator.Kinds;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ActivationGen.Analyzers.Tests;

/// <summary>
/// Every descriptor of the product — the generator's AG0xxx and the analyzers' AG1xxx–AG3xxx — has a help
/// link to its page, a page with a bad and a good example, and a release-tracking row that agrees with it.
/// </summary>
public class RuleDocumentationTests
{
    public static IEnumerable<object[]> AllRules()
        => DiagnosticDescriptors.Usages.Concat(AnalyzerDescriptors.All).Select(d => new object[] { d.Id });

    private static DiagnosticDescriptor Descriptor(string id)
        => DiagnosticDescriptors.Usages.Concat(AnalyzerDescriptors.All).Single(d => d.Id == id);

    [Theory]
    [MemberData(nameof(AllRules))]
    public void Rule_has_a_help_link_to_its_page(string id)
        => Assert.EndsWith("/docs/rules/" + id + ".md", Descriptor(id).HelpLinkUri, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(AllRules))]
    public void Rule_has_a_page_with_a_bad_and_a_good_example(string id)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "rules", id + ".md");
        Assert.True(File.Exists(path), "docs/rules/" + id + ".md is missing");
        string page = File.ReadAllText(path);
        Assert.StartsWith("# " + id, page, StringComparison.Ordinal);
        Assert.Contains("```csharp", page, StringComparison.Ordinal);
        Assert.Contains("Bad", page, StringComparison.Ordinal);
        Assert.Contains("Good", page, StringComparison.Ordinal);
        if (!id.StartsWith("AG0", StringComparison.Ordinal))
        {
            // Analyzer rules are configurable; the generator's AG0xxx errors mean no code was generated.
            Assert.Contains("dotnet_diagnostic." + id + ".severity", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AllRules))]
    public void Rule_has_a_release_entry_matching_its_category_and_severity(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);
        string releases = string.Join("\n", Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "releases"), "AnalyzerReleases.*.md").Select(File.ReadAllText));
        string[] row = releases.Split('\n').Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).Single(cells => cells[0] == id);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
    }

    [Fact]
    public void Every_descriptor_in_the_assembly_is_listed_and_every_page_belongs_to_a_rule()
    {
        // Found by reflection, so a descriptor declared outside the two lists cannot escape the checks above.
        var listed = DiagnosticDescriptors.Usages.Concat(AnalyzerDescriptors.All).Select(d => d.Id).ToHashSet();
        var declared = typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id);
        Assert.All(declared, id => Assert.Contains(id, listed));
        Assert.Equal(listed.Count, DiagnosticDescriptors.Usages.Length + AnalyzerDescriptors.All.Length);
        foreach (string page in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "rules"), "*.md"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(page), listed);
        }
    }

    [Fact]
    public void Every_analyzer_reports_only_registered_descriptors_with_messages_that_say_what_to_do()
    {
        DiagnosticAnalyzer[] analyzers = [new DeadNeuronAnalyzer(), new DerivativeMisuseAnalyzer(), new HandWrittenActivationAnalyzer()];
        var supported = analyzers.SelectMany(a => a.SupportedDiagnostics).ToList();
        Assert.Equal(AnalyzerDescriptors.All.Select(d => d.Id).OrderBy(x => x), supported.Select(d => d.Id).OrderBy(x => x));
        foreach (DiagnosticDescriptor d in supported)
        {
            string message = d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(message.Contains("; ", StringComparison.Ordinal), d.Id + ": the message should end with what to do after '; '");
        }
    }

    /// <summary>When the generator gains a kind, decide here whether the analyzers recognise it by hand.</summary>
    [Fact]
    public void Every_generator_kind_is_recognised_in_hand_written_code()
    {
        var recognised = Enum.GetValues<FormFamily>()
            .Select(f => new ActivationForm(f, FormRole.Forward, 0.1).GeneratorKind?.Name)
            .Where(n => n is not null)
            .ToHashSet();
        Assert.All(KindRegistry.All, kind => Assert.Contains(kind.Name, recognised));
    }
}
