using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payouts.Hosting.Postgres;
using Payouts.Hosting.RabbitMQ;

namespace Payouts.Testing;

/// <summary>
/// A private PostgreSQL and RabbitMQ for one test assembly: the AppHost's own resource types (<c>AddLocalPostgres</c>,
/// <c>AddLocalRabbitMQ</c>) in a small Aspire application of their own, on free loopback ports, in a temporary folder
/// that is removed afterwards. DCP stops both when the test process ends, however it ends.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "payouts-tests", Guid.NewGuid().ToString("N")[..12]);
    private DistributedApplication? _app;
    private string? _serverConnectionString;
    private string? _messagingConnectionString;
    private int _databaseCounter;

    public string MessagingConnectionString => _messagingConnectionString ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Connection string of the server's maintenance database, for tests that inspect the server itself.</summary>
    public string ServerConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ConnectionString;

    private string Server => _serverConnectionString ?? throw new InvalidOperationException("The fixture has not started.");

    private DistributedApplication App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = DistributedApplicationTestingBuilder.Create();
        var postgres = builder.AddLocalPostgres(Resources.Postgres, Path.Combine(_root, "postgres"), ephemeral: true);
        var messaging = builder.AddLocalRabbitMQ(Resources.Messaging, Path.Combine(_root, "rabbitmq"));
        _app = await builder.BuildAsync(timeout.Token);
        try
        {
            await _app.StartAsync(timeout.Token);
            var notifications = _app.Services.GetRequiredService<ResourceNotificationService>();
            await Task.WhenAll(
                notifications.WaitForResourceHealthyAsync(Resources.Postgres, timeout.Token),
                notifications.WaitForResourceHealthyAsync(Resources.Messaging, timeout.Token));
        }
        catch (OperationCanceledException e)
        {
            throw new InvalidOperationException($"Test infrastructure was not healthy within {StartTimeout.TotalMinutes:0} minutes.", e);
        }
        _serverConnectionString = await postgres.Resource.ConnectionStringExpression.GetValueAsync(timeout.Token);
        _messagingConnectionString = await messaging.Resource.ConnectionStringExpression.GetValueAsync(timeout.Token);
    }

    /// <summary>Creates a fresh, empty database whose name starts with <paramref name="name"/> and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        var prefix = new string(name.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(40).ToArray());
        var database = $"{(prefix.Length > 0 ? prefix : "db")}_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 20)];
        await PostgresDatabases.EnsureAsync(Server, [database], CancellationToken.None);
        return new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;
    }

    /// <summary>Stops RabbitMQ and starts it again on the same port with the same data; returns when it accepts connections.</summary>
    public async Task RestartBrokerAsync(CancellationToken cancellationToken = default)
    {
        await StopBrokerAsync();
        await StartBrokerAsync(cancellationToken);
    }

    /// <summary>Stops RabbitMQ (for tests of what happens while the broker is down); start it again with <see cref="StartBrokerAsync"/>.</summary>
    public async Task StopBrokerAsync()
    {
        await ExecuteAsync(KnownResourceCommands.StopCommand, CancellationToken.None);
        await App.ResourceNotifications.WaitForResourceAsync(Resources.Messaging, e => e.Snapshot.State?.Text is "Exited" or "Finished");
    }

    public async Task StartBrokerAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(KnownResourceCommands.StartCommand, cancellationToken);
        await App.ResourceNotifications.WaitForResourceAsync(
            Resources.Messaging, e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
            cancellationToken);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a file still held open is left for the OS temp cleaner */ }
        catch (UnauthorizedAccessException) { }
    }

    private async Task ExecuteAsync(string command, CancellationToken cancellationToken)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(Resources.Messaging, command, cancellationToken);
        if (!result.Success) throw new InvalidOperationException($"{command} on {Resources.Messaging} failed: {result.Message}");
    }

    private static class Resources
    {
        public const string Postgres = "postgres";
        public const string Messaging = "messaging";
    }
}
