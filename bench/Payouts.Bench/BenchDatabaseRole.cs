using Npgsql;

namespace Payouts.Bench;

/// <summary>
/// The bench's own PostgreSQL role: its polls and counter reads run as it, so the statement counts
/// (<see cref="PostgresStatementCounter"/>) leave them out. A superuser, to read every service's tables and statistics.
/// </summary>
internal static class BenchDatabaseRole
{
    public const string Name = "payouts_bench";

    // The cluster is thrown away with the run's data folder; a fresh password per bench process is enough.
    private static readonly string Password = Guid.NewGuid().ToString("N");

    /// <param name="serverConnectionString">the PostgreSQL server's connection string, as its superuser</param>
    public static async Task CreateAsync(string serverConnectionString)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        // Utility statements take no parameters; the password is a hex string made above.
        await using var command = new NpgsqlCommand($"CREATE ROLE {Name} LOGIN SUPERUSER PASSWORD '{Password}'", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The same server and database (the server's own: <c>postgres</c>), as the bench's role.</summary>
    public static string Use(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Username = Name, Password = Password };
        // Without a database Npgsql would pick one named after the role.
        builder.Database ??= "postgres";
        return builder.ConnectionString;
    }
}
