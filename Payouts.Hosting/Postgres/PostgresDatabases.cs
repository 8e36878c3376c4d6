using Npgsql;

namespace Payouts.Hosting.Postgres;

/// <summary>Creates the databases a platform needs on any PostgreSQL server, when they do not exist yet.</summary>
public static class PostgresDatabases
{
    public static async Task EnsureAsync(string serverConnectionString, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in names)
        {
            if (!IsPlainIdentifier(name))
                throw new ArgumentException($"'{name}' is not a valid database name (letters, digits and _ only).", nameof(names));
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null) continue;
            // Identifiers cannot be parameters; the name was checked to be a plain identifier above.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsPlainIdentifier(string name) =>
        name.Length is > 0 and < 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
