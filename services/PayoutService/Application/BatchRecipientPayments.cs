using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Batches;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Batches;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.PayoutService.Domain.Payouts;

namespace Payouts.PayoutService.Application;

/// <summary>
/// Pays a bulk batch's recipients from the batch's hold on the company wallet (README "Bulk batches"): a platform user is
/// credited at once; any other email gets a payout on the PayPal-like email rail, funded by the hold, settled through the
/// payout saga without an admin, and answered when it completes or fails. Runs in the caller's (the inbox's) transaction
/// and publishes through its consume context. The recipient's row is claimed first, by its key: whatever redelivers or
/// repeats the command, a recipient is paid at most once.
/// </summary>
public sealed class BatchRecipientPayments(PayoutsDbContext db, LedgerStore ledger, UserDirectory directory, BatchFunds funds, PayoutLifecycle lifecycle,
    TimeProvider clock)
{
    public async Task PayAsync(PayBatchRecipient command, ConsumeContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var currency = command.Currency.ToUpperInvariant();
        var email = command.Email.Trim();
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO batch_recipient_payments (recipient_id, batch_id, company_id, email, amount, currency, status, created_at)
            VALUES ({command.RecipientId}, {command.BatchId}, {command.CompanyId}, {email}, {command.Amount}, {currency},
                    {BatchRecipientPaymentStatus.Processing}, {now})
            ON CONFLICT (recipient_id) DO NOTHING
            """, ct) == 1;
        var payment = await db.BatchRecipientPayments.FromSql($"SELECT * FROM batch_recipient_payments WHERE recipient_id = {command.RecipientId} FOR UPDATE")
            .AsTracking().SingleAsync(ct);
        if (!claimed)
        {
            // Asked again: answer as the first time did; a payout still settling answers when it finishes.
            if (payment.IsFinished) await AnswerAsync(payment, context, ct);
            return;
        }

        var hold = await funds.FindLockedAsync(command.BatchId, ct);
        var refusal = hold is null ? "The batch's funds were never held" : hold.RefusalFor(command.CompanyId, currency, command.Amount);
        if (refusal is not null)
        {
            payment.Failed(refusal, now);
            await AnswerAsync(payment, context, ct);
            return;
        }

        hold!.Take(command.Amount);
        if (await directory.FindByEmailAsync(email, ct) is { } user)
            await CreditPlatformUserAsync(command, payment, user, context, now, ct);
        else
            await PayByEmailAsync(command, payment, context, ct);
    }

    /// <summary>An email-rail payout finished (from its <c>PayoutCompleted</c>/<c>PayoutFailed</c>): answers for its recipient, once.</summary>
    public async Task PayoutFinishedAsync(long payoutId, string? transactionReference, string? failureReason, ConsumeContext context, CancellationToken ct)
    {
        var payment = await db.BatchRecipientPayments.FromSql($"SELECT * FROM batch_recipient_payments WHERE payout_id = {payoutId} FOR UPDATE")
            .AsTracking().SingleOrDefaultAsync(ct);
        // Not a batch's payout, or already answered.
        if (payment is null || payment.IsFinished) return;
        if (failureReason is null) payment.Paid(transactionReference, clock.GetUtcNow());
        else payment.Failed(failureReason, clock.GetUtcNow());
        await AnswerAsync(payment, context, ct);
    }

    private async Task CreditPlatformUserAsync(PayBatchRecipient command, BatchRecipientPayment payment, DirectoryUser user, ConsumeContext context,
        DateTimeOffset now, CancellationToken ct)
    {
        // One ledger transaction: the company's held to the user's available.
        await ledger.PostAsync(LedgerPosting.CreditFromBatch(payment.CompanyId, user.Id, payment.Amount, payment.Currency, BatchFundsHold.LedgerReference(payment.BatchId)), ct);
        db.UserTransactions.Add(new UserTransaction
        {
            Uuid = Guid.CreateVersion7(), UserId = user.Id, Type = UserTransactionType.Credit, Status = "completed", Amount = payment.Amount,
            Currency = payment.Currency, Reference = command.BatchReference, CreatedAt = now,
            Description = $"Bulk payment {command.BatchReference}" + (string.IsNullOrWhiteSpace(command.Memo) ? "" : $": {command.Memo}"),
        });
        payment.Rail = BatchRecipientRail.PlatformUser;
        payment.UserId = user.Id;
        payment.Paid(transactionReference: null, now);
        await AnswerAsync(payment, context, ct);
    }

    private async Task PayByEmailAsync(PayBatchRecipient command, BatchRecipientPayment payment, ConsumeContext context, CancellationToken ct)
    {
        var payouts = lifecycle.For(context);
        // No fee: the recipient gets the amount the batch names, and the batch's hold funds exactly that.
        var payout = await payouts.RequestFromHeldFundsAsync(new Payout
        {
            Uuid = Guid.CreateVersion7(), Reference = "", UserId = Payout.NoRequestingUser, CompanyId = payment.CompanyId, CompanyWallet = true,
            Amount = payment.Amount, Fees = 0, NetAmount = payment.Amount, Currency = payment.Currency, Method = PaymentMethodIds.PayPal,
            PaypalEmail = payment.Email, Notes = command.Memo,
        }, ct);
        // Approved by the batch's own second-factor approval: straight to settlement through the payout saga.
        if (await payouts.StartProcessingAsync(payout, $"batch:{payment.BatchId}", notes: null, ct) is { } refusal)
            throw new InvalidOperationException($"Batch payout {payout.Reference} could not start processing: {refusal.Message}");
        payment.Rail = BatchRecipientRail.Email;
        payment.PayoutId = payout.Id;
    }

    private async Task AnswerAsync(BatchRecipientPayment payment, ConsumeContext context, CancellationToken ct)
    {
        var at = payment.FinishedAt ?? clock.GetUtcNow();
        if (payment.Status == BatchRecipientPaymentStatus.Failed)
        {
            await context.Publish(new BatchRecipientFailed(payment.BatchId, payment.RecipientId, payment.FailureReason ?? "", at), ct);
            return;
        }

        Guid? payoutUuid = payment.PayoutId is { } payoutId ? await db.Payouts.Where(p => p.Id == payoutId).Select(p => p.Uuid).SingleAsync(ct) : null;
        await context.Publish(new BatchRecipientPaid(payment.BatchId, payment.RecipientId, payment.Rail ?? BatchRecipientRail.PlatformUser, payoutUuid,
            payment.TransactionReference, at), ct);
    }
}
