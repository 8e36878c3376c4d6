namespace Payouts.AppHost.Infrastructure;

/// <summary>Where and how to run a private PostgreSQL from the local binaries.</summary>
public sealed record PostgresServerOptions
{
    /// <summary>Folder that holds the cluster ("data") and the superuser password; created when missing.</summary>
    public required string BaseDirectory { get; init; }

    public int Port { get; init; }

    /// <summary>Trades durability for speed (no fsync): for test runs whose data is thrown away.</summary>
    public bool Ephemeral { get; init; }

    /// <summary>The account the server runs as when the orchestrator is root; PostgreSQL refuses to run as root.</summary>
    public string OsUser { get; init; } = "postgres";
}
