using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payouts.ProviderSandbox.Configuration;
using Payouts.ProviderSandbox.Data;
using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Application;

/// <summary>Records transfers: one per payment reference, debited from the debit account at most once.</summary>
public sealed partial class TransferProcessor(SandboxDbContext db, SandboxKnobs knobs, TimeProvider time, ILogger<TransferProcessor> logger)
{
    public async Task<TransferOutcome> CreateAsync(TransferInstruction instruction, CancellationToken cancellationToken)
    {
        if (await FindByReferenceAsync(instruction.PaymentReference, cancellationToken) is { } existing)
        {
            return new TransferOutcome.Replayed(existing);
        }

        var behavior = TestDestinations.BehaviorFor(instruction.Rail, instruction.Destination);
        if (behavior == DestinationBehavior.SucceedsOnSecondTry && await IsFirstAttemptAsync(instruction.PaymentReference, cancellationToken))
        {
            return new TransferOutcome.FirstAttemptRefused();
        }

        try
        {
            return await db.ExecuteInTransactionAsync(
                () => RecordAsync(instruction, behavior, cancellationToken), outcome => outcome is TransferOutcome.Created, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request with the same reference committed first; our debit rolled back with our insert.
            db.ChangeTracker.Clear();
            var first = await FindByReferenceAsync(instruction.PaymentReference, cancellationToken)
                ?? throw new InvalidOperationException("The transfer that won the payment reference is not readable.", e);
            return new TransferOutcome.Replayed(first);
        }
    }

    public Task<Transfer?> FindByReferenceAsync(string paymentReference, CancellationToken cancellationToken) =>
        db.Transfers.AsNoTracking().SingleOrDefaultAsync(t => t.PaymentReference == paymentReference, cancellationToken);

    /// <summary>
    /// The transfer row first, the debit last: every transfer debits the same account row, whose lock is then held only
    /// from the UPDATE to the commit right after it, not across the insert. A refused debit rolls the insert back.
    /// </summary>
    private async Task<TransferOutcome> RecordAsync(TransferInstruction instruction, DestinationBehavior behavior, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var balance = db.AccountBalances.Where(b => b.AccountId == instruction.DebitAccountId && b.Currency == instruction.Currency);
        if (!Transfer.Debits(behavior) && !await balance.AnyAsync(cancellationToken))
        {
            return DebitAccountNotFound(instruction);
        }

        var transfer = Transfer.Create(instruction, behavior, now, knobs.Current.DelayedFailureAfter);
        db.Transfers.Add(transfer);
        await db.SaveChangesAsync(cancellationToken);

        if (Transfer.Debits(behavior))
        {
            // One conditional UPDATE: the row lock serialises concurrent debits and the balance can never go negative.
            var debited = await balance
                .Where(b => b.Balance >= instruction.Amount)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(b => b.Balance, b => b.Balance - instruction.Amount)
                    .SetProperty(b => b.UpdatedAt, now), cancellationToken);
            if (debited == 0)
            {
                return await balance.AnyAsync(cancellationToken)
                    ? new TransferOutcome.Refused(FailureCodes.InsufficientFunds, "Insufficient funds in the settlement account")
                    : DebitAccountNotFound(instruction);
            }
        }

        LogRecorded(logger, transfer.Id, transfer.Rail, transfer.Status, transfer.Amount, transfer.Currency);
        return new TransferOutcome.Created(transfer, behavior);
    }

    private static TransferOutcome.Refused DebitAccountNotFound(TransferInstruction instruction) =>
        new(FailureCodes.DebitAccountNotFound, $"Settlement account {instruction.DebitAccountId} has no {instruction.Currency} balance");

    /// <summary>Remembers the reference in its own commit; true only for the call that remembered it first.</summary>
    private async Task<bool> IsFirstAttemptAsync(string paymentReference, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO first_attempts (payment_reference, refused_at) VALUES ({paymentReference}, {time.GetUtcNow()}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return inserted == 1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded transfer {TransferId} on {Rail}: {Status}, {Amount} {Currency}")]
    private static partial void LogRecorded(ILogger logger, string transferId, string rail, string status, decimal amount, string currency);
}
