using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Payouts;
using Payouts.Contracts.Settlement;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Application;

/// <summary>
/// The payout's state changes with their ledger postings, records and events. Every method runs inside the caller's
/// transaction (HTTP: <see cref="IdempotentOperation"/>; consumers: the inbox's) and leaves saving to it; the payout
/// row is locked first, so of two concurrent transitions the second sees the first's result.
/// </summary>
public sealed class PayoutLifecycle(PayoutsDbContext db, LedgerStore ledger, IPublishEndpoint publish, TimeProvider clock)
{
    /// <summary>
    /// The same lifecycle publishing through <paramref name="consumeContext"/>: inside a consumer or saga, events must go
    /// through the consume context (the inbox's outbox context) to commit with the consumer's transaction; the scoped
    /// IPublishEndpoint there was observed to publish straight to the broker, before commit.
    /// </summary>
    public PayoutLifecycle For(ConsumeContext consumeContext) => new(db, ledger, consumeContext, clock);

    /// <summary>The payout by numeric id or uuid, row-locked until commit; null when there is none.</summary>
    public async Task<Payout?> LockAsync(string idOrUuid, CancellationToken cancellationToken)
    {
        if (long.TryParse(idOrUuid, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return await db.Payouts.FromSql($"SELECT * FROM payouts WHERE id = {id} FOR UPDATE").AsTracking().SingleOrDefaultAsync(cancellationToken);
        if (Guid.TryParse(idOrUuid, out var uuid))
            return await db.Payouts.FromSql($"SELECT * FROM payouts WHERE uuid = {uuid} FOR UPDATE").AsTracking().SingleOrDefaultAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Holds the amount and adds the pending payout and its <see cref="PayoutRequested"/> (the caller saves); an error when
    /// the destination is gone or the balance does not cover the amount.
    /// </summary>
    public async Task<ApiOutcome<Payout>> RequestAsync(Payout payout, CancellationToken cancellationToken)
    {
        if (payout.BankAccountId is { } accountId)
        {
            // FOR SHARE waits for a concurrent BankAccountDeleted: either it commits first and we refuse, or we commit
            // first and its consumer finds (and cancels) this payout.
            var deleted = await db.Database.SqlQuery<bool>($"SELECT deleted AS \"Value\" FROM bank_accounts WHERE id = {accountId} FOR SHARE")
                .ToListAsync(cancellationToken);
            if (deleted is not [false]) return ApiError.Validation("bank_account_id", "Bank account not found");
        }

        if (payout.BeneficiaryDetailsId is { } detailsId)
        {
            // The same for beneficiary details removed (alone or with their beneficiary) while this request ran.
            var removed = await db.Database.SqlQuery<bool>($"SELECT removed AS \"Value\" FROM beneficiary_destinations WHERE id = {detailsId} FOR SHARE")
                .ToListAsync(cancellationToken);
            if (removed is not [false]) return ApiError.NotFound("Beneficiary details not found");
        }

        LedgerTransaction hold;
        try
        {
            // Locks the wallet's available and held accounts first: concurrent requests on one balance queue here.
            hold = await ledger.PostAsync(LedgerPosting.Hold(payout.Wallet, payout.Amount, payout.Currency, "payout-request", payoutId: null), cancellationToken);
        }
        catch (InsufficientFundsException)
        {
            return new ApiError(StatusCodes.Status400BadRequest, "insufficient_balance", "Insufficient balance for payout request");
        }

        return await AddRequestedAsync(payout, hold, cancellationToken);
    }

    /// <summary>
    /// Adds a pending payout whose amount its wallet already holds — a bulk batch's email recipient, handed part of the
    /// batch's hold — and its <see cref="PayoutRequested"/> (the caller saves). No second hold is posted: completion
    /// and failure then move the payout's amount out of held like any other payout's.
    /// </summary>
    public Task<Payout> RequestFromHeldFundsAsync(Payout payout, CancellationToken cancellationToken) =>
        AddRequestedAsync(payout, hold: null, cancellationToken);

    private async Task<Payout> AddRequestedAsync(Payout payout, LedgerTransaction? hold, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The payout's id and reference number in one round trip, so the hold, the payout and its event are written by the
        // caller's single save.
        var numbers = (await db.Database.SqlQuery<PayoutNumbers>($"""
            SELECT nextval(pg_get_serial_sequence('payouts', 'id')) AS "Id", nextval('payout_reference_seq') AS "ReferenceNumber"
            """).ToListAsync(cancellationToken)).Single();
        payout.Id = numbers.Id;
        payout.Reference = PayoutReference.Format(now.Year, numbers.ReferenceNumber);
        payout.Status = PayoutStatus.Pending;
        payout.RequestedAt = now;
        payout.UpdatedAt = now;
        db.Payouts.Add(payout);
        if (hold is not null)
        {
            hold.PayoutId = payout.Id;
            hold.Reference = payout.Reference;
        }

        RecordActivity(payout, UserTransactionType.PayoutRequested, PayoutStatus.Pending, $"Payout {payout.Reference} requested via {payout.Method}", now);
        await publish.Publish(new PayoutRequested(payout.Uuid, payout.Id, payout.Reference, UserKey(payout), payout.CompanyId, payout.Amount,
            payout.Fees, payout.NetAmount, payout.Currency, payout.Method, SettlementCommands.DestinationKindOf(payout), DestinationIdOrNull(payout), now), cancellationToken);
        return payout;
    }

    /// <summary>Cancels a pending payout and releases its hold; the seed 000 error when its status does not allow it.</summary>
    public async Task<ApiError?> CancelAsync(Payout payout, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (Refusal(() => payout.Cancel(now)) is { } refusal) return refusal;
        await ReleaseHoldAsync(payout, cancellationToken);
        RecordActivity(payout, UserTransactionType.PayoutCancelled, PayoutStatus.Cancelled, $"Payout {payout.Reference} cancelled: {reason}", now);
        await publish.Publish(new PayoutCancelled(payout.Uuid, payout.Id, payout.Reference, UserKey(payout), reason, now, payout.CompanyId), cancellationToken);
        return null;
    }

    /// <summary>Rejects a pending payout and releases its hold; the seed 000 error when it was already processed.</summary>
    public async Task<ApiError?> RejectAsync(Payout payout, string reason, string rejectedBy, string? notes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (Refusal(() => payout.Reject(reason, rejectedBy, notes, now)) is { } refusal) return refusal;
        await ReleaseHoldAsync(payout, cancellationToken);
        RecordActivity(payout, UserTransactionType.PayoutRejected, PayoutStatus.Rejected, $"Payout {payout.Reference} rejected: {reason}", now);
        await publish.Publish(new PayoutRejected(payout.Uuid, payout.Id, payout.Reference, UserKey(payout), reason, rejectedBy, now, payout.CompanyId), cancellationToken);
        return null;
    }

    /// <summary>Paid outside the platform: held → paid now, the withdrawal record, <see cref="PayoutCompleted"/>.</summary>
    public async Task<ApiError?> CompleteWithReferenceAsync(Payout payout, string transactionReference, string processedBy, string? notes,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (Refusal(() => payout.CompleteWithReference(transactionReference, processedBy, notes, now)) is { } refusal) return refusal;
        await RecordPaidOutAsync(payout, now, cancellationToken);
        return null;
    }

    /// <summary>Hands a pending payout to settlement: <c>processing</c>, and <see cref="PayoutProcessingStarted"/> for its saga.</summary>
    public async Task<ApiError?> StartProcessingAsync(Payout payout, string processedBy, string? notes, CancellationToken cancellationToken)
    {
        // A mailed check has no provider rail: it is paid outside and processed with its reference.
        if (SettlementCommands.DestinationKindOf(payout) is not { } destination)
            return ApiError.Validation("transaction_id", $"A {payout.Method} payout is paid outside the platform: process it with its transaction reference.");

        var now = clock.GetUtcNow();
        if (Refusal(() => payout.StartProcessing(processedBy, notes, now)) is { } refusal) return refusal;
        await publish.Publish(new PayoutProcessingStarted(payout.Uuid, payout.Id, payout.Reference, UserKey(payout), payout.Amount, payout.NetAmount,
            payout.Currency, payout.Method, destination, SettlementCommands.DestinationIdOf(payout), processedBy, now, payout.CompanyId), cancellationToken);
        return null;
    }

    /// <summary>Settlement paid the payout (from the saga): completes it unless it already reached a final status.</summary>
    public async Task CompleteSettledAsync(Guid payoutUuid, string providerTransferId, CancellationToken cancellationToken)
    {
        var payout = await LockAsync(payoutUuid.ToString(), cancellationToken) ?? throw new InvalidOperationException($"Payout {payoutUuid} does not exist.");
        var now = clock.GetUtcNow();
        if (payout.CompleteSettlement(providerTransferId, now))
            await RecordPaidOutAsync(payout, now, cancellationToken);
    }

    /// <summary>Settlement failed the payout (from the saga): releases the hold and keeps the reason.</summary>
    public async Task FailSettlementAsync(Guid payoutUuid, string code, string reason, CancellationToken cancellationToken)
    {
        var payout = await LockAsync(payoutUuid.ToString(), cancellationToken) ?? throw new InvalidOperationException($"Payout {payoutUuid} does not exist.");
        var now = clock.GetUtcNow();
        if (!payout.FailSettlement(code, reason, now)) return;
        await ReleaseHoldAsync(payout, cancellationToken);
        RecordActivity(payout, UserTransactionType.PayoutFailed, PayoutStatus.Failed, $"Payout {payout.Reference} could not be paid: {reason}", now);
        await publish.Publish(new PayoutFailed(payout.Uuid, payout.Id, payout.Reference, UserKey(payout), code, reason, now, payout.CompanyId), cancellationToken);
    }

    /// <summary>The money has left: held → paid in the ledger, the withdrawal in the user's history and <see cref="PayoutCompleted"/> (NotificationService tells the user from it).</summary>
    private async Task RecordPaidOutAsync(Payout payout, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ledger.PostAsync(LedgerPosting.Complete(payout.Wallet, payout.Amount, payout.Fees, payout.Currency, payout.Reference, payout.Id), cancellationToken);
        var destination = payout.BankAccountId is { } accountId
            ? await db.BankAccounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => $"{a.BankName} {a.MaskedAccountNumber}").FirstOrDefaultAsync(cancellationToken)
            : payout.PaypalEmail ?? payout.StripeAccount;
        RecordActivity(payout, UserTransactionType.Withdrawal, PayoutStatus.Completed,
            $"Payout {payout.Reference} via {payout.Method}" + (destination is null ? "" : $" to {destination}")
                + (payout.SettlementCurrency is null ? "" : string.Create(CultureInfo.InvariantCulture,
                    $" ({payout.SettlementNetAmount} {payout.SettlementCurrency} at {payout.ExchangeRate:0.########})"))
                + (payout.TransactionReference is null ? "" : $" (ref {payout.TransactionReference})"), now);
        await publish.Publish(new PayoutCompleted(payout.Uuid, payout.Id, payout.Reference, UserKey(payout), payout.Amount, payout.NetAmount,
            payout.Currency, payout.TransactionReference, now, payout.CompanyId, SettlementCommands.DestinationKindOf(payout),
            SettlementCommands.DestinationKindOf(payout) is null ? null : SettlementCommands.DestinationIdOf(payout)), cancellationToken);
    }

    /// <summary>A transition the payout's status refuses, as its seed 000 error (400); the payout is unchanged.</summary>
    private static ApiError? Refusal(Action transition)
    {
        try
        {
            transition();
            return null;
        }
        catch (PayoutRuleViolation violation)
        {
            return new ApiError(StatusCodes.Status400BadRequest, violation.Code, violation.Message);
        }
    }

    private Task ReleaseHoldAsync(Payout payout, CancellationToken cancellationToken) =>
        ledger.PostAsync(LedgerPosting.Release(payout.Wallet, payout.Amount, payout.Currency, payout.Reference, payout.Id), cancellationToken);

    /// <summary>
    /// An entry in the activity the user (and, for a company wallet, every member) reads at <c>/api/user/transactions/</c>:
    /// seed 004 asks that it show the payout, from its request to its completion or failure.
    /// </summary>
    private void RecordActivity(Payout payout, string type, string status, string description, DateTimeOffset now) =>
        db.UserTransactions.Add(new UserTransaction
        {
            Uuid = Guid.CreateVersion7(), UserId = payout.UserId, CompanyId = payout.CompanyWallet ? payout.CompanyId : null, Type = type, Status = status,
            Amount = payout.Amount, Currency = payout.Currency, PayoutId = payout.Id, Reference = payout.Reference, CreatedAt = now, Description = description,
        });

    private static string UserKey(Payout payout) => payout.UserId.ToString(CultureInfo.InvariantCulture);

    private static long? DestinationIdOrNull(Payout payout) => payout.BankAccountId ?? payout.BeneficiaryDetailsId;

    /// <summary>
    /// A new payout's id and reference number, both from sequences: a counter row would serialise every payout request on
    /// the platform until commit. Numbers are unique and increasing; one taken by a request that then rolls back leaves a gap.
    /// </summary>
    private sealed class PayoutNumbers
    {
        public long Id { get; set; }
        public long ReferenceNumber { get; set; }
    }
}
