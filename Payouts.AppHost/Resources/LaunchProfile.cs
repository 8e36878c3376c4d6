using System.Text.Json;

namespace Payouts.AppHost.Resources;

/// <summary>
/// The <c>http</c> profile of a project's Properties/launchSettings.json. Like Aspire, the AppHost starts the built
/// assembly without <c>dotnet run</c> and applies the profile's environment variables itself.
/// </summary>
public sealed record LaunchProfile(string Name, IReadOnlyDictionary<string, string> EnvironmentVariables)
{
    public const string DefaultName = "http";

    public static LaunchProfile Read(string projectDirectory, string name = DefaultName)
    {
        var file = Path.Combine(projectDirectory, "Properties", "launchSettings.json");
        if (!File.Exists(file)) return new LaunchProfile(name, new Dictionary<string, string>());

        using var document = JsonDocument.Parse(File.ReadAllText(file),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var variables = new Dictionary<string, string>();
        if (document.RootElement.TryGetProperty("profiles", out var profiles)
            && profiles.TryGetProperty(name, out var profile)
            && profile.TryGetProperty("environmentVariables", out var environment))
        {
            foreach (var variable in environment.EnumerateObject())
                variables[variable.Name] = variable.Value.ToString();
        }
        return new LaunchProfile(name, variables);
    }
}
