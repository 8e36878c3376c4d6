namespace Payouts.Testing;

/// <summary>
/// A platform project's built assembly and folder, for tests that run a service as a process of its own (to kill it
/// outright). Built by the solution build in the same configuration as the tests.
/// </summary>
public sealed record BuiltProject(string ProjectDirectory, string AssemblyPath)
{
    /// <summary><paramref name="relativeProjectDirectory"/> from the repository root, e.g. <c>services/SettlementService</c>.</summary>
    public static BuiltProject For(string relativeProjectDirectory)
    {
        var root = RepositoryRoot();
        var projectDirectory = Path.Combine(root, relativeProjectDirectory);
        var name = Path.GetFileName(relativeProjectDirectory);
        // The tests run from tests/<Project>/bin/<Configuration>/<tfm>/: the service was built beside it with the same two.
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Name;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var assembly = Path.Combine(projectDirectory, "bin", configuration, tfm, name + ".dll");
        return File.Exists(assembly)
            ? new BuiltProject(projectDirectory, assembly)
            : throw new FileNotFoundException($"{assembly} does not exist: build the solution first (dotnet build Payouts.sln).");
    }

    /// <summary>The checkout this test run was built from (the folder holding Payouts.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Payouts.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Payouts.sln was not found above {AppContext.BaseDirectory}.");
    }
}
