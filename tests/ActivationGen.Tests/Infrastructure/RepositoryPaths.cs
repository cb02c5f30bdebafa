using System;
using System.IO;

namespace ActivationGen.Tests.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds ActivationGen.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActivationGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ActivationGen.sln not found above " + AppContext.BaseDirectory);
    }
}
