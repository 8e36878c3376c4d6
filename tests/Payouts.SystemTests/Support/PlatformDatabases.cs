using Npgsql;

namespace Payouts.SystemTests.Support;

/// <summary>A payout as payoutsdb holds it.</summary>
public sealed record PayoutRow(Guid Uuid, long UserId, string Status, decimal Amount, decimal NetAmount, string? TransactionReference);

/// <summary>A transfer as the provider sandbox holds it (providersandboxdb).</summary>
public sealed record SandboxTransferRow(string Id, string PaymentReference, string Status, decimal Amount, string Destination);

/// <summary>
/// Reads of the services' own databases, straight from PostgreSQL, for checks no API offers: every payout's state,
/// every transfer the provider holds, the ledger's sums. Read-only.
/// </summary>
public sealed class PlatformDatabases(RunningPlatform platform)
{
    public async Task<IReadOnlyDictionary<string, int>> PayoutStatusCountsAsync(IReadOnlyCollection<Guid> payouts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in QueryAsync("payoutsdb", "SELECT status, count(*)::int FROM payouts WHERE uuid = ANY(@ids) GROUP BY status",
                           r => (Status: r.GetString(0), Count: r.GetInt32(1)), ("ids", payouts.ToArray())))
            counts[row.Status] = row.Count;
        return counts;
    }

    public async Task<IReadOnlyList<PayoutRow>> PayoutsAsync(IReadOnlyCollection<Guid> payouts) =>
        await ToListAsync(QueryAsync("payoutsdb",
            "SELECT uuid, user_id, status, amount, net_amount, transaction_reference FROM payouts WHERE uuid = ANY(@ids)",
            r => new PayoutRow(r.GetGuid(0), r.GetInt64(1), r.GetString(2), r.GetDecimal(3), r.GetDecimal(4), r.IsDBNull(5) ? null : r.GetString(5)),
            ("ids", payouts.ToArray())));

    /// <summary>The sum of every ledger entry (zero when every posting balanced).</summary>
    public Task<decimal> LedgerSumAsync() => ScalarAsync<decimal>("payoutsdb", "SELECT coalesce(sum(amount), 0) FROM ledger_entries");

    /// <summary>Ledger accounts whose running balance differs from the sum of their entries.</summary>
    public Task<long> LedgerAccountsOutOfStepAsync() => ScalarAsync<long>("payoutsdb",
        """
        SELECT count(*) FROM ledger_accounts a
        WHERE a.balance <> (SELECT coalesce(sum(e.amount), 0) FROM ledger_entries e WHERE e.account_id = a.id)
        """);

    /// <summary>One user's balance of one kind (<c>available</c>, <c>held</c>, <c>paid</c>) in a currency; 0 when the account does not exist.</summary>
    public Task<decimal> UserBalanceAsync(long userId, string kind, string currency) =>
        BalanceAsync("user", userId.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, currency);

    /// <summary>A company wallet's balance of one kind in a currency; 0 when the account does not exist.</summary>
    public Task<decimal> CompanyBalanceAsync(string companyId, string kind, string currency) => BalanceAsync("company", companyId, kind, currency);

    private Task<decimal> BalanceAsync(string ownerType, string ownerId, string kind, string currency) => ScalarAsync<decimal>("payoutsdb",
        "SELECT coalesce(sum(balance), 0) FROM ledger_accounts WHERE owner_type = @type AND owner_id = @owner AND kind = @kind AND currency = @currency",
        ("type", ownerType), ("owner", ownerId), ("kind", kind), ("currency", currency));

    public async Task<IReadOnlyList<SandboxTransferRow>> SandboxTransfersAsync() =>
        await ToListAsync(QueryAsync("providersandboxdb", "SELECT id, payment_reference, status, amount, destination FROM transfers",
            r => new SandboxTransferRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDecimal(3), r.GetString(4))));

    public Task<decimal> SandboxBalanceAsync(string accountId, string currency) => ScalarAsync<decimal>("providersandboxdb",
        "SELECT balance FROM account_balances WHERE account_id = @account AND currency = @currency", ("account", accountId), ("currency", currency));

    public async Task<IReadOnlyDictionary<string, int>> SettlementTransferStatusCountsAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in QueryAsync("settlementdb", "SELECT status, count(*)::int FROM transfers GROUP BY status", r => (Status: r.GetString(0), Count: r.GetInt32(1))))
            counts[row.Status] = row.Count;
        return counts;
    }

    /// <summary>Failed settlement transfers by failure code: which safety net turned a fault into a failure, when one did.</summary>
    public async Task<IReadOnlyDictionary<string, int>> SettlementFailureCodeCountsAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in QueryAsync("settlementdb", "SELECT coalesce(failure_code, '(none)'), count(*)::int FROM transfers WHERE status = 'failed' GROUP BY 1", r => (Code: r.GetString(0), Count: r.GetInt32(1))))
            counts[row.Code] = row.Count;
        return counts;
    }

    /// <summary>Settlement commands that exhausted their retries (poison messages recorded from the error queues).</summary>
    public Task<long> SettlementFaultsAsync() => ScalarAsync<long>("settlementdb", "SELECT count(*) FROM settlement_faults");

    private async Task<T> ScalarAsync<T>(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(database);
        await using var command = Command(connection, sql, parameters);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async IAsyncEnumerable<T> QueryAsync<T>(string database, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(database);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) yield return read(reader);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<T>();
        await foreach (var row in rows) list.Add(row);
        return list;
    }

    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        // No pooling: the test's reads are few, and a pooled connection would outlive the platform's PostgreSQL.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(await platform.GetConnectionStringAsync(database)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
