using Payouts.AppHost.Resources;

namespace Payouts.AppHost.Platform;

/// <summary>
/// The environment a project replica starts with: the runtime contract of ARCHITECTURE §3 / ASPIRE-CONTRACT.md, then
/// the launch profile's variables where not already set, then the caller's extra variables (which win).
/// </summary>
internal sealed class ProjectEnvironment(PlatformOptions options, PayoutsPlatform platform)
{
    public IReadOnlyDictionary<string, string?> For(ProjectDefinition project, BuiltProject built, string replicaId, Uri endpoint)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);

        if (project.Database is { } database)
            environment[$"ConnectionStrings__{database}"] = platform.GetConnectionString(database);
        if (project.UsesMessaging)
            environment[$"ConnectionStrings__{MessagingResource.ResourceName}"] = platform.GetConnectionString(MessagingResource.ResourceName);

        foreach (var reference in project.References)
        {
            if (platform.Resources.FirstOrDefault(r => r.Name == reference) is not ProjectResource referenced) continue;
            for (var i = 0; i < referenced.Endpoints.Count; i++)
                environment[$"services__{reference}__http__{i}"] = Origin(referenced.Endpoints[i]);
        }

        AddProviderSettings(project, environment);

        environment["ASPNETCORE_URLS"] = Origin(endpoint);
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["DOTNET_LAUNCH_PROFILE"] = LaunchProfile.DefaultName;
        environment["OTEL_SERVICE_NAME"] = project.Name;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={replicaId}";
        if (options.OtlpEndpoint is { Length: > 0 } otlp)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = options.OtlpProtocol;
            if (options.OtlpHeaders is { Length: > 0 } headers) environment["OTEL_EXPORTER_OTLP_HEADERS"] = headers;
            // Development values, as Aspire sets them: telemetry shows up within a second.
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }
        else
        {
            // An endpoint inherited from the AppHost's own environment is not one the user configured for the platform.
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = null;
        }
        environment["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
        environment["Auth__SigningKey"] = platform.SigningKey;

        foreach (var (name, value) in LaunchProfile.Read(built.ProjectDirectory).EnvironmentVariables)
            environment.TryAdd(name, value);

        if (options.ExtraEnvironment.TryGetValue(project.Name, out var extra))
            foreach (var (name, value) in extra) environment[name] = value;

        return environment;
    }

    /// <summary>
    /// Settlement pays through the provider sandbox here; in production the same <c>Provider__*</c> keys point at the
    /// real provider. Both sides get the sandbox's documented development API key and settlement account.
    /// </summary>
    private void AddProviderSettings(ProjectDefinition project, Dictionary<string, string?> environment)
    {
        if (project.Name == PlatformTopology.ProviderSandbox)
        {
            environment["Sandbox__ApiKeys__0"] = SandboxApiKey;
        }
        else if (project.Name == PlatformTopology.Settlement
                 && platform.Resources.FirstOrDefault(r => r.Name == PlatformTopology.ProviderSandbox) is ProjectResource sandbox)
        {
            environment["Provider__BaseUrl"] = Origin(sandbox.Endpoints[0]);
            environment["Provider__ApiKey"] = SandboxApiKey;
            environment["Provider__DebitAccountId"] = SandboxSettlementAccount;
        }
    }

    /// <summary>The sandbox's development key and funded settlement account (services/ProviderSandbox/README.md).</summary>
    private const string SandboxApiKey = "sandbox-dev-key";

    private const string SandboxSettlementAccount = "SANDBOX-SETTLEMENT-001";

    private static string Origin(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Authority);
}
