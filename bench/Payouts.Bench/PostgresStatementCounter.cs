using Npgsql;

namespace Payouts.Bench;

/// <summary>
/// SQL statements and transactions per database over a timed part. Statements: <c>pg_stat_statements</c>' calls of every
/// top-level statement (BEGIN and COMMIT included) of every role but the bench's own (<see cref="BenchDatabaseRole"/>),
/// counted as they run. Transactions: <c>pg_stat_database</c>'s commits and rollbacks, less the bench's own statements
/// (each one its own transaction), which backends report up to 10 s late (see <see cref="CostMeter"/>).
/// </summary>
public sealed class PostgresStatementCounter
{
    private readonly string _server;
    private readonly IReadOnlyDictionary<string, long> _transactionsAtStart;

    private PostgresStatementCounter(string server, IReadOnlyDictionary<string, long> transactionsAtStart)
    {
        _server = server;
        _transactionsAtStart = transactionsAtStart;
    }

    /// <summary>Statements per database, then the bench's own, since the start.</summary>
    public sealed record Statements(IReadOnlyDictionary<string, long> Platform, IReadOnlyDictionary<string, long> Bench);

    /// <param name="server">the server's connection string, as the bench's role</param>
    public static async Task<PostgresStatementCounter> StartAsync(string server)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        // The library is preloaded by the AppHost's PostgreSQL (shared_preload_libraries); its view lives in one database.
        await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        var transactions = await TransactionsAsync(connection);
        await ExecuteAsync(connection, "SELECT pg_stat_statements_reset()");
        return new PostgresStatementCounter(server, transactions);
    }

    public async Task<Statements> StatementsAsync()
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT d.datname, r.rolname = @bench, sum(s.calls)::bigint
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid JOIN pg_roles r ON r.oid = s.userid
            GROUP BY 1, 2
            """, connection);
        command.Parameters.AddWithValue("bench", BenchDatabaseRole.Name);
        var platform = new Dictionary<string, long>(StringComparer.Ordinal);
        var bench = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            (reader.GetBoolean(1) ? bench : platform)[reader.GetString(0)] = reader.GetInt64(2);
        return new Statements(platform, bench);
    }

    /// <summary>The <paramref name="count"/> statements the platform ran most often since the start, their text shortened to one line.</summary>
    public async Task<IReadOnlyList<FrequentStatement>> MostFrequentAsync(int count)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT d.datname, s.calls, s.mean_exec_time, s.query
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid JOIN pg_roles r ON r.oid = s.userid
            WHERE r.rolname <> @bench
            ORDER BY s.calls DESC LIMIT @count
            """, connection);
        command.Parameters.AddWithValue("bench", BenchDatabaseRole.Name);
        command.Parameters.AddWithValue("count", count);
        var statements = new List<FrequentStatement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            statements.Add(new FrequentStatement(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), OneLine(reader.GetString(3))));
        return statements;
    }

    private static string OneLine(string query)
    {
        var line = string.Join(' ', query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 140 ? line : line[..140] + "…";
    }

    /// <summary>Transactions per database since the start, less <paramref name="benchStatements"/> (the bench's own, each one transaction).</summary>
    public async Task<IReadOnlyDictionary<string, long>> TransactionsSinceStartAsync(IReadOnlyDictionary<string, long> benchStatements)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        var now = await TransactionsAsync(connection);
        return now.ToDictionary(d => d.Key,
            d => Math.Max(0, d.Value - _transactionsAtStart.GetValueOrDefault(d.Key) - benchStatements.GetValueOrDefault(d.Key)), StringComparer.Ordinal);
    }

    private static async Task<Dictionary<string, long>> TransactionsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT datname, xact_commit + xact_rollback FROM pg_stat_database WHERE datname IS NOT NULL AND NOT datname LIKE 'template%'", connection);
        var transactions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) transactions[reader.GetString(0)] = reader.GetInt64(1);
        return transactions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
