using Npgsql;
using Payouts.AppHost.Hosting;
using Payouts.AppHost.Infrastructure;

namespace Payouts.Testing;

/// <summary>
/// A private PostgreSQL and RabbitMQ for one test assembly, started with the same launchers the AppHost uses, on free
/// loopback ports, in a temporary folder that is removed afterwards. Servers' output goes to a log file in that folder.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(StaleTestServers.Root, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..20]);
    private readonly SemaphoreSlim _logLock = new(1, 1);
    private PostgresServer? _postgres;
    private RabbitMqServer? _rabbitMq;
    private StreamWriter? _log;
    private int _databaseCounter;

    public string MessagingConnectionString => _rabbitMq?.ConnectionString
        ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Connection string of the server's maintenance database, for tests that inspect the server itself.</summary>
    public string ServerConnectionString => Postgres.ConnectionString("postgres");

    /// <summary>Where the servers' output is written, for diagnosing a failed test.</summary>
    public string LogPath => Path.Combine(_root, "servers.log");

    private PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        StaleTestServers.Reap();
        Directory.CreateDirectory(_root);
        _log = new StreamWriter(LogPath) { AutoFlush = true };
        _postgres = new PostgresServer(
            new PostgresServerOptions { BaseDirectory = Path.Combine(_root, "postgres"), Port = FreePort.Next(), Ephemeral = true },
            Sink("postgres"));
        _rabbitMq = new RabbitMqServer(
            new RabbitMqServerOptions
            {
                BaseDirectory = Path.Combine(_root, "rabbitmq"),
                Port = FreePort.Next(),
                DistributionPort = FreePort.Next(),
                EpmdPort = FreePort.Next(),
            },
            Sink("rabbitmq"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await Task.WhenAll(_postgres.StartAsync(timeout.Token), _rabbitMq.StartAsync(timeout.Token));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Test infrastructure did not start: {e.Message} (servers' output: {LogPath})", e);
        }
    }

    /// <summary>Creates a fresh, empty database whose name starts with <paramref name="name"/> and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        var prefix = new string(name.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(40).ToArray());
        var database = $"{(prefix.Length > 0 ? prefix : "db")}_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 20)];
        await Postgres.EnsureDatabasesAsync([database], CancellationToken.None);
        return Postgres.ConnectionString(database);
    }

    /// <summary>Stops RabbitMQ and starts it again on the same port with the same data; returns when it accepts connections.</summary>
    public async Task RestartBrokerAsync(CancellationToken cancellationToken = default)
    {
        var broker = _rabbitMq ?? throw new InvalidOperationException("The fixture has not started.");
        await broker.StopAsync();
        await broker.StartAsync(cancellationToken);
    }

    /// <summary>Stops RabbitMQ (for tests of what happens while the broker is down); start it again with <see cref="StartBrokerAsync"/>.</summary>
    public Task StopBrokerAsync() => (_rabbitMq ?? throw new InvalidOperationException("The fixture has not started.")).StopAsync();

    public Task StartBrokerAsync(CancellationToken cancellationToken = default) =>
        (_rabbitMq ?? throw new InvalidOperationException("The fixture has not started.")).StartAsync(cancellationToken);

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_rabbitMq is not null) await _rabbitMq.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_log is not null) await _log.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a file still held open is left for the OS temp cleaner */ }
        catch (UnauthorizedAccessException) { }
    }

    private Action<string, bool> Sink(string resource) => (line, _) =>
    {
        _logLock.Wait();
        try { _log?.WriteLine($"[{resource}] {line}"); }
        finally { _logLock.Release(); }
    };
}
