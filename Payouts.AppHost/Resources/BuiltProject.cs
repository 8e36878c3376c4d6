using System.Reflection;

namespace Payouts.AppHost.Resources;

/// <summary>
/// Where a platform project and its built assembly are, as recorded at build time by the AppHost's project file
/// (AssemblyMetadata "PayoutsResource:&lt;name&gt;" = "&lt;csproj&gt;|&lt;dll&gt;").
/// </summary>
public sealed record BuiltProject(string ResourceName, string ProjectFile, string AssemblyPath)
{
    private const string Prefix = "PayoutsResource:";

    public string ProjectDirectory => Path.GetDirectoryName(ProjectFile)!;

    public static BuiltProject For(string resourceName)
    {
        var value = typeof(BuiltProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == Prefix + resourceName)?.Value
            ?? throw new InvalidOperationException($"{resourceName}: the AppHost was built without a project for this resource.");
        var parts = value.Split('|', 2);
        return new BuiltProject(resourceName, parts[0], parts[1]);
    }
}
