using Npgsql;
using Payouts.AppHost.Hosting;
using Payouts.AppHost.Infrastructure;

namespace Payouts.AppHost.Resources;

/// <summary>The platform's PostgreSQL (resource <c>postgres</c>) with one database per service, ours or the user's.</summary>
public sealed class PostgresResource : ServerResource
{
    public const string ResourceName = "postgres";

    private readonly PostgresServer? _server;
    private readonly string? _externalConnectionString;
    private readonly IReadOnlyList<string> _databases;

    private PostgresResource(PostgresServer? server, string? externalConnectionString, IReadOnlyList<string> databases, ResourceLog log, Action<string> announce)
        : base(ResourceName, server is null, log, announce)
    {
        _server = server;
        _externalConnectionString = externalConnectionString;
        _databases = databases;
    }

    public IReadOnlyList<string> Databases => _databases;

    public static PostgresResource Local(PostgresServerOptions options, IReadOnlyList<string> databases, ResourceLog log, Action<string> announce) =>
        new(new PostgresServer(options, (line, isError) => log.Write(line, isError)), null, databases, log, announce);

    /// <summary>A server the user runs; the connection string's role must be allowed to CREATE DATABASE.</summary>
    public static PostgresResource External(string connectionString, IReadOnlyList<string> databases, ResourceLog log, Action<string> announce)
    {
        try { _ = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (ArgumentException e) { throw new ResourceStartException(ResourceName, $"--postgres is not a valid Npgsql connection string: {e.Message}"); }
        return new(null, connectionString, databases, log, announce);
    }

    public string ConnectionString(string database)
    {
        if (_server is not null) return _server.ConnectionString(database);
        return new NpgsqlConnectionStringBuilder(_externalConnectionString) { Database = database }.ConnectionString;
    }

    protected override ChildProcess? MainProcess => _server?.Process;

    protected override IEnumerable<ChildProcess> RunningProcesses() => _server?.Process is { } p ? [p] : [];

    protected override Task LaunchAsync(CancellationToken cancellationToken) => _server!.StartAsync(cancellationToken);

    protected override Task ShutdownAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return _server?.StopAsync() ?? Task.CompletedTask;
    }

    protected override async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        if (_server is not null) return await _server.IsHealthyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_externalConnectionString) { Timeout = 3, Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            Log.Write($"not reachable yet: {e.Message}", isError: true);
            return false;
        }
    }

    protected override Task PrepareAsync(CancellationToken cancellationToken) =>
        _server is not null
            ? _server.EnsureDatabasesAsync(_databases, cancellationToken)
            : PostgresDatabases.EnsureAsync(new NpgsqlConnectionStringBuilder(_externalConnectionString) { Pooling = false }.ConnectionString, _databases, cancellationToken);
}
