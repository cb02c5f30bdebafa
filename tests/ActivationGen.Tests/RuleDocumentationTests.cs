using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ActivationGen.Generator;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>
/// Every diagnostic descriptor in the generator assembly (usage rules and analyzers alike) has a help
/// link to its page under docs/rules, a page with a bad and a good example, and a release-tracking entry
/// whose category and severity match the descriptor.
/// </summary>
public class RuleDocumentationTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (DiagnosticDescriptor d in AllDescriptors())
        {
            data.Add(d.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_has_a_help_link_a_page_and_a_release_entry(string id)
    {
        DiagnosticDescriptor descriptor = AllDescriptors().Single(d => d.Id == id);
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);

        string page = Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), "missing " + page);
        string text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ":", text, StringComparison.Ordinal);
        Assert.Contains("## Bad", text, StringComparison.Ordinal);
        Assert.Contains("## Good", text, StringComparison.Ordinal);

        string releases = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ActivationGen.Generator", "AnalyzerReleases.Unshipped.md"));
        string? row = releases.Split('\n').FirstOrDefault(l => l.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.True(row is not null, id + " has no row in AnalyzerReleases.Unshipped.md");
        string[] cells = row!.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
    }

    [Fact]
    public void Ids_are_unique_and_every_page_belongs_to_a_rule()
    {
        List<string> ids = AllDescriptors().Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (string page in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs", "rules"), "*.md"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(page), ids);
        }
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors()
        => typeof(ActivationGenerator).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .GroupBy(d => d.Id)
            .Select(g => g.First());
}
