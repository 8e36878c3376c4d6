using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Payouts.PayoutService.Data;

/// <summary>
/// Adds <see cref="PlatformBalanceChanges"/> to the platform accounts' balances just before the transaction commits.
/// Every completion's fee and every credit moves a platform account; locking its row when the posting is made would
/// hold that one row for the rest of each transaction, so payouts would complete one at a time. Updated last, the row
/// is locked only from this statement to the commit. Entries are written with the posting as before, so each balance
/// still equals the sum of its entries once committed.
/// </summary>
public sealed class PlatformBalanceInterceptor : DbTransactionInterceptor
{
    public static readonly PlatformBalanceInterceptor Instance = new();

    private PlatformBalanceInterceptor()
    {
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Changes(eventData)?.Clear();
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Changes(eventData)?.Clear();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Changes(eventData) is not { Amounts.Count: > 0 } changes) return result;
        foreach (var (accountId, amount) in changes.Amounts)
        {
            using var command = UpdateCommand(transaction, accountId, amount, changes.UpdatedAt);
            EnsureUpdated(command.ExecuteNonQuery(), accountId);
        }
        changes.Clear();
        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Changes(eventData) is not { Amounts.Count: > 0 } changes) return result;
        foreach (var (accountId, amount) in changes.Amounts)
        {
            await using var command = UpdateCommand(transaction, accountId, amount, changes.UpdatedAt);
            EnsureUpdated(await command.ExecuteNonQueryAsync(cancellationToken), accountId);
        }
        changes.Clear();
        return result;
    }

    private static DbCommand UpdateCommand(DbTransaction transaction, long accountId, decimal amount, DateTimeOffset updatedAt)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE ledger_accounts SET balance = balance + @amount, updated_at = @updated_at WHERE id = @id";
        AddParameter(command, "amount", amount);
        AddParameter(command, "updated_at", updatedAt);
        AddParameter(command, "id", accountId);
        return command;
    }

    private static void EnsureUpdated(int rows, long accountId)
    {
        if (rows != 1) throw new InvalidOperationException($"Platform ledger account {accountId} is missing.");
    }

    private static PlatformBalanceChanges? Changes(TransactionEventData eventData) => (eventData.Context as PayoutsDbContext)?.PlatformBalanceChanges;

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
