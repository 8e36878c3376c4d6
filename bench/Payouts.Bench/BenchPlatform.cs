using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Bench;

/// <summary>
/// The whole platform for one benchmark run, started by the real AppHost (its <c>Program.cs</c>, through
/// <see cref="DistributedApplicationTestingBuilder"/>) on a fresh data folder under the temp folder, with a free gateway
/// port, throwaway PostgreSQL settings (<c>--ephemeral true</c>) and per-resource environment overrides. Returns once
/// every service (each settlement replica) is healthy; disposing stops everything and removes the folder.
/// </summary>
public sealed class BenchPlatform : IAsyncDisposable
{
    /// <summary>The AppHost's long-running services, in the AppHost's start order (ARCHITECTURE: the gateway last).</summary>
    public static readonly string[] Services = ["provider-sandbox", "bank-accounts", "payouts", "batches", "settlement", "gateway"];

    /// <summary>The AppHost's databases, one per service with state.</summary>
    public static readonly string[] Databases = ["providersandboxdb", "bankaccountsdb", "payoutsdb", "batchesdb", "settlementdb"];

    /// <summary>The PostgreSQL server resource: its connection string names no database.</summary>
    public const string PostgresServer = "postgres";

    /// <summary>A rate limit the benchmarks never reach: they measure the services and the proxy, not rate limiting.</summary>
    public static readonly IReadOnlyDictionary<string, string> UnlimitedGateway = new Dictionary<string, string>
    {
        ["Gateway__RateLimit__PermitLimit"] = "100000000",
        ["Gateway__RateLimit__WindowSeconds"] = "60",
    };

    /// <summary>
    /// How long a start may take before the bench gives up (the AppHost's own <c>--start-timeout</c> is set to it):
    /// generous, since this 2-core machine is often shared with other builds and tests.
    /// </summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    private readonly DistributedApplication _app;

    private BenchPlatform(DistributedApplication app, string dataDirectory, string signingKey, ResourceTimeline timeline)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Issuer = new LocalTokenIssuer(new AuthSettings(signingKey));
        Timeline = timeline;
    }

    public string DataDirectory { get; }

    /// <summary>Mints tokens the platform accepts: signed with the dev key the AppHost wrote to its data folder.</summary>
    public LocalTokenIssuer Issuer { get; }

    /// <summary>When each resource started, ran, became healthy or finished, from the start call on.</summary>
    public ResourceTimeline Timeline { get; }

    public DistributedApplication App => _app;

    /// <param name="settlementReplicas">the AppHost's <c>--settlement-replicas</c></param>
    /// <param name="environment">per resource (<c>gateway</c>, <c>payouts</c> …), variables added to its environment</param>
    /// <param name="appHostArgs">further AppHost options (<c>--webhook-allowed-private-targets …</c>)</param>
    public static async Task<BenchPlatform> StartAsync(int settlementReplicas,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? environment = null, IReadOnlyList<string>? appHostArgs = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "payouts-bench", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        using var timeout = new CancellationTokenSource(StartTimeout);
        DistributedApplication? app = null;
        try
        {
            string[] args =
            [
                "--data-dir", dataDirectory, "--gateway-port", "0", "--console-port", "0", "--ephemeral", "true",
                "--settlement-replicas", settlementReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--start-timeout", ((int)StartTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. appHostArgs ?? [],
            ];
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Payouts_AppHost>(args, timeout.Token);
            // The bench prints figures. The resources' output (stderr comes as errors), health checks failing while
            // things start, and the host's own account of a failed start stay out: the AppHost's startup report names
            // a resource that fails, with its last log lines.
            builder.Services.AddLogging(logging => logging
                .SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Payouts.AppHost.Resources", LogLevel.None)
                .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
                .AddFilter("Aspire.Hosting.ApplicationModel.ResourceNotificationService", LogLevel.None)
                .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None));
            foreach (var (resource, variables) in environment ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
            {
                var project = builder.Resources.OfType<ProjectResource>().SingleOrDefault(r => r.Name == resource)
                    ?? throw new ArgumentException($"The AppHost has no project resource '{resource}'.", nameof(environment));
                var resourceBuilder = builder.CreateResourceBuilder(project);
                foreach (var (name, value) in variables) resourceBuilder.WithEnvironment(name, value);
            }

            app = await builder.BuildAsync(timeout.Token);
            // The AppHost wrote it while reading its settings (PlatformSettings → DevSigningKey).
            var signingKey = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "dev-signing-key"), timeout.Token)).Trim();
            var timeline = ResourceTimeline.Follow(app);
            var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            try
            {
                await app.StartAsync(timeout.Token);
                await WaitForHealthyAsync(app, settlementReplicas, timeout.Token);
                await BenchDatabaseRole.CreateAsync(await app.GetConnectionStringAsync(PostgresServer, timeout.Token)
                    ?? throw new InvalidOperationException($"'{PostgresServer}' has no connection string."));
            }
            catch (OperationCanceledException e) when (stopping.IsCancellationRequested && !timeout.IsCancellationRequested)
            {
                throw new InvalidOperationException("The AppHost stopped before every service was healthy (its error is above).", e);
            }
            timeline.MarkReady();
            return new BenchPlatform(app, dataDirectory, signingKey, timeline);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            await StopAsync(app, dataDirectory);
            throw new TimeoutException($"The platform was not healthy within {StartTimeout.TotalMinutes:0} minutes.", e);
        }
        catch
        {
            await StopAsync(app, dataDirectory);
            throw;
        }
    }

    /// <summary>A client for a resource's <c>http</c> endpoint as Aspire allocated it (for a proxied endpoint: DCP's proxy).</summary>
    public HttpClient CreateHttpClient(string resource) => _app.CreateHttpClient(resource);

    /// <summary>A client for any address, built the way <see cref="CreateHttpClient(string)"/> builds its own (the app's IHttpClientFactory), so paths compare fairly.</summary>
    public HttpClient CreateHttpClient(Uri baseAddress)
    {
        var client = _app.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.BaseAddress = baseAddress;
        return client;
    }

    /// <summary>
    /// A database's (<c>payoutsdb</c> …, or the server's, <c>postgres</c>) connection string as the bench's own role
    /// (<see cref="BenchDatabaseRole"/>), or the broker's (<c>messaging</c>).
    /// </summary>
    public async Task<string> GetConnectionStringAsync(string name)
    {
        var connectionString = await _app.GetConnectionStringAsync(name) ?? throw new InvalidOperationException($"'{name}' has no connection string.");
        return connectionString.StartsWith("Host=", StringComparison.Ordinal) ? BenchDatabaseRole.Use(connectionString) : connectionString;
    }

    /// <summary>
    /// The address a replica of a project listens on itself, behind DCP's proxy: the port in the <c>ASPNETCORE_URLS</c>
    /// that DCP resolved for the process (its effective environment, as the dashboard shows it). Null if not found.
    /// </summary>
    public Uri? GetOwnEndpoint(string resource)
    {
        var replica = Timeline.ReplicaIds(resource).FirstOrDefault();
        if (replica is null || !_app.ResourceNotifications.TryGetCurrentState(replica, out var current)) return null;
        var urls = current.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == "ASPNETCORE_URLS")?.Value;
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(u => u.StartsWith("http://", StringComparison.Ordinal));
        return first is not null && Uri.TryCreate(first, UriKind.Absolute, out var uri) && uri.Port > 0 ? uri : null;
    }

    public async ValueTask DisposeAsync() => await StopAsync(_app, DataDirectory);

    /// <summary>
    /// Every service healthy, each settlement replica included; fails at once when the AppHost gives up (its startup
    /// report stops the application, naming the resource, when one fails).
    /// </summary>
    private static async Task WaitForHealthyAsync(DistributedApplication app, int settlementReplicas, CancellationToken cancellationToken)
    {
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        var healthy = new Dictionary<string, HashSet<string>>();
        try
        {
            await foreach (var change in app.ResourceNotifications.WatchAsync(wait.Token))
            {
                if (!Services.Contains(change.Resource.Name)) continue;
                if (!healthy.TryGetValue(change.Resource.Name, out var replicas)) healthy[change.Resource.Name] = replicas = [];
                if (change.Snapshot.HealthStatus == HealthStatus.Healthy && change.Snapshot.State?.Text == KnownResourceStates.Running)
                    replicas.Add(change.ResourceId);
                else
                    replicas.Remove(change.ResourceId);
                if (Services.All(s => healthy.TryGetValue(s, out var r) && r.Count >= (s == "settlement" ? settlementReplicas : 1))) return;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
        }
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException("The AppHost stopped before every service was healthy (its error is above).");
    }

    private static async Task StopAsync(DistributedApplication? app, string dataDirectory)
    {
        NpgsqlConnection.ClearAllPools();
        if (app is not null)
        {
            try { await app.StopAsync(); }
            finally { await app.DisposeAsync(); }
        }
        try { Directory.Delete(dataDirectory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
