using System.Reflection;

namespace Payouts.AppHost.Hosting;

/// <summary>The folder holding Payouts.sln: the default home of the git-ignored <c>.apphost/</c> state folder.</summary>
public static class RepositoryRoot
{
    private const string SolutionFile = "Payouts.sln";

    /// <summary>Walks up from the AppHost's project folder (known at build time), then from the current folder.</summary>
    public static string Find()
    {
        var projectDirectory = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Payouts.AppHost.ProjectDirectory")?.Value;
        foreach (var start in new[] { projectDirectory, Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            if (start is null) continue;
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        throw new InvalidOperationException(
            $"{SolutionFile} was not found above {projectDirectory ?? Environment.CurrentDirectory}: pass --data-dir to say where the AppHost keeps its state.");
    }
}
