using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Payouts.Hosting.Postgres;

public static class PostgresHostingExtensions
{
    /// <summary>
    /// A PostgreSQL server from the local binaries, on a free loopback port, its cluster in
    /// <paramref name="dataFolder"/> (made with initdb on first start; run as the <c>postgres</c> OS user when the
    /// AppHost is root). <paramref name="ephemeral"/> turns off fsync: for test data that is thrown away.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string dataFolder, bool ephemeral = false)
    {
        var postgres = PostgresBinaries.Find("postgres");
        var initDb = PostgresBinaries.Find("initdb");
        var baseFolder = Path.GetFullPath(dataFolder);
        Directory.CreateDirectory(baseFolder);
        var password = LocalSecret.ReadOrCreate(Path.Combine(baseFolder, "superuser-password"));
        OsUser.Own(baseFolder, LocalPostgresServerResource.SuperUser);

        var port = FreePort.Next();
        string[] settings = ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [];
        var (command, args) = OsUser.As(LocalPostgresServerResource.SuperUser, "/bin/sh",
            [HostingScripts.Path("run-postgres.sh"), postgres, "-D", Path.Combine(baseFolder, "data"), "-p", port.ToString(),
             "-h", "127.0.0.1", "-k", baseFolder, "-c", "max_connections=300",
             // What an operator of a Postgres-backed service expects to have for finding costly statements; the bench counts statements with it.
             "-c", "shared_preload_libraries=pg_stat_statements", .. settings]);

        var server = new LocalPostgresServerResource(name, command, baseFolder, password);
        return builder.AddResource(server)
            .WithArgs(args)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalPostgresServerResource.EndpointName, isProxied: false)
            .WithIconName("DatabaseMultiple")
            .WithServerHealthCheck(builder)
            .OnBeforeResourceStarted(async (resource, e, ct) =>
                await InitDbIfNeededAsync(resource, initDb, e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource), ct).ConfigureAwait(false))
            .OnResourceReady((resource, e, ct) => CreateDatabasesAsync(builder, resource, e.Services, ct));
    }

    /// <summary>A PostgreSQL server the user runs: <paramref name="connectionString"/> is an Npgsql connection string of a role that may CREATE DATABASE.</summary>
    public static IResourceBuilder<ExternalPostgresServerResource> AddExternalPostgres(
        this IDistributedApplicationBuilder builder, string name, string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new HostingSetupException(name, $"the PostgreSQL connection string is not valid: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(parsed.Host))
            throw new HostingSetupException(name, "the PostgreSQL connection string names no Host.");
        parsed.Database = null; // each database resource names its own

        return builder.AddResource(new ExternalPostgresServerResource(name, parsed.ConnectionString))
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgreSQL (external)",
                State = KnownResourceStates.Running,
                Properties = [new("host", $"{parsed.Host}:{parsed.Port}")],
            })
            .WithIconName("DatabaseMultiple")
            .WithServerHealthCheck(builder)
            .OnResourceReady((resource, e, ct) => CreateDatabasesAsync(builder, resource, e.Services, ct));
    }

    /// <summary>A database on the server, created when the server is first ready; healthy once it accepts connections.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase<TServer>(this IResourceBuilder<TServer> server, string name)
        where TServer : IResourceWithConnectionString
    {
        var database = new PostgresDatabaseResource(name, name, server.Resource);
        var healthCheckKey = $"{name}_check";
        server.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(healthCheckKey, _ => new PostgresHealthCheck(database), HealthStatus.Unhealthy, tags: null));
        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgreSQL database", State = KnownResourceStates.Waiting, Properties = [] })
            .WithIconName("Database")
            .WithHealthCheck(healthCheckKey);
    }

    private static IResourceBuilder<T> WithServerHealthCheck<T>(this IResourceBuilder<T> server, IDistributedApplicationBuilder builder)
        where T : IResourceWithConnectionString
    {
        var healthCheckKey = $"{server.Resource.Name}_check";
        builder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(healthCheckKey, _ => new PostgresHealthCheck(server.Resource), HealthStatus.Unhealthy, tags: null));
        return server.WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// Creates the server's databases once it is ready, then marks each Running: Aspire gives no state of their own to
    /// the children of an executable, and <c>WaitFor(database)</c> waits for Running and then for the database's health.
    /// </summary>
    private static async Task CreateDatabasesAsync(IDistributedApplicationBuilder builder, IResourceWithConnectionString server, IServiceProvider services, CancellationToken cancellationToken)
    {
        var databases = builder.Resources.OfType<PostgresDatabaseResource>().Where(d => d.Parent == server).ToList();
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{server.Name} has no connection string.");
        await PostgresDatabases.EnsureAsync(connectionString, databases.Select(d => d.DatabaseName), cancellationToken).ConfigureAwait(false);

        var notifications = services.GetRequiredService<ResourceNotificationService>();
        foreach (var database in databases)
            await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow }).ConfigureAwait(false);
    }

    private static async Task InitDbIfNeededAsync(LocalPostgresServerResource server, string initDb, ILogger logger, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION"))) return;

        logger.LogInformation("initdb: creating the cluster in {DataDirectory}", server.DataDirectory);
        var passwordFile = Path.Combine(server.WorkingDirectory, "superuser-password");
        var (command, args) = OsUser.As(LocalPostgresServerResource.SuperUser, initDb,
            "-D", server.DataDirectory, "-U", LocalPostgresServerResource.SuperUser, "--pwfile", passwordFile,
            "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C", "--no-sync");
        var start = new ProcessStartInfo(command, args)
        {
            WorkingDirectory = server.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("initdb did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var line in ((await output.ConfigureAwait(false)) + (await errors.ConfigureAwait(false))).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            logger.LogInformation("initdb: {Line}", line);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"initdb failed with exit code {process.ExitCode} for {server.DataDirectory} (see the lines above).");
    }
}
