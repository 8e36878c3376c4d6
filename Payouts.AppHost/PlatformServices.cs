using Payouts.AppHost.Lifecycle;

namespace Payouts.AppHost;

internal static class PlatformServices
{
    /// <summary>Every service's health endpoint (Payouts.ServiceDefaults maps it; the gateway never rate-limits it).</summary>
    private const string HealthEndpointPath = "/health";

    /// <summary>
    /// One of the platform's projects with the runtime contract every service reads (ARCHITECTURE §3), restarted when it
    /// crashes. With a database, a one-shot <c>&lt;name&gt;-migrations</c> run of the same binary (<c>migrate</c>) applies its
    /// migrations first, once, and the service waits for it to finish: replicas never race to migrate. A service is healthy
    /// once its <c>/health</c> answers 200 (every check: its database, the broker …), not merely once its process runs, so
    /// what waits for it (the gateway, the ready line) waits until it serves.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder, string name, PlatformSettings settings,
        IResourceBuilder<IResourceWithConnectionString>? database = null)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithRuntimeContract(settings)
            .WithHttpHealthCheck(HealthEndpointPath)
            // Any free port for the service's proxy (not the launch profile's fixed one): only the gateway's is public,
            // and two platforms on one machine must not fight over 5101-5105.
            .WithEndpoint("http", endpoint => endpoint.Port = null)
            .WithAnnotation(new RestartOnCrashAnnotation());
        if (database is null) return service;

        var migrations = builder.AddProject<TProject>($"{name}-migrations", launchProfileName: null)
            .WithArgs("migrate")
            .WithRuntimeContract(settings)
            .WithReference(database)
            .WaitFor(database)
            .WithParentRelationship(service);
        return service.WithReference(database).WaitFor(database).WaitForCompletion(migrations);
    }

    public static IResourceBuilder<ProjectResource> WithMessaging(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<IResourceWithConnectionString> messaging) =>
        service.WithReference(messaging).WaitFor(messaging);

    private static IResourceBuilder<ProjectResource> WithRuntimeContract(this IResourceBuilder<ProjectResource> project, PlatformSettings settings)
    {
        project
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("Logging__Console__FormatterName", "simple")
            .WithTelemetryExportOnlyToARunningDashboard();
        // One way to trust tokens, never both: the dev key, or the external issuer that replaces it (ARCHITECTURE §3).
        // Without the key, the same secret still roots the Development-only keys, so the data stays readable.
        return settings.UsesAuthority
            ? project.WithEnvironment("Auth__Authority", settings.AuthAuthority).WithEnvironment("Development__Secret", settings.SigningKey)
            : project.WithEnvironment("Auth__SigningKey", settings.SigningKey);
    }

    /// <summary>
    /// The console's OpenID Connect client when the platform trusts an external issuer: its id (<c>--console-oidc-client-id</c>)
    /// and its secret, an Aspire secret parameter (<c>Parameters:console-oidc-client-secret</c> in user secrets or the
    /// environment; the dashboard asks for it when missing), so it is never on a command line or in the repository.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithConsoleSignIn(
        this IResourceBuilder<ProjectResource> console, IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        if (!settings.UsesAuthority) return console;
        var clientSecret = builder.AddParameter("console-oidc-client-secret", secret: true);
        return console
            .WithEnvironment("Console__Oidc__ClientId", settings.ConsoleOidcClientId)
            .WithEnvironment("Console__Oidc__ClientSecret", clientSecret);
    }
}
