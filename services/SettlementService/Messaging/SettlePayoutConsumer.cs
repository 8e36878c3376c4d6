using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Providers;

namespace Payouts.SettlementService.Messaging;

/// <summary>
/// Pays one approved payout once. Runs inside the inbox transaction: the transfer row is claimed (unique per payout),
/// the provider called with the payout's uuid as payment reference, and the outcome and its event commit together.
/// If the process dies after the call, the message comes back, nothing was committed, and the same reference makes
/// the provider return the transfer it already has.
/// </summary>
public sealed partial class SettlePayoutConsumer(
    SettlementDbContext db,
    IRequestClient<GetSettlementDestination> destinations,
    ProviderClient provider,
    IOptions<ProviderOptions> providerOptions,
    TimeProvider time,
    ILogger<SettlePayoutConsumer> logger) : IConsumer<SettlePayout>
{
    public async Task Consume(ConsumeContext<SettlePayout> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;

        if (await LockExistingAsync(command.PayoutId, cancellationToken) is { } existing)
        {
            await AnswerDuplicateAsync(context, existing);
            return;
        }

        var beneficiary = await BeneficiaryForAsync(command, cancellationToken);
        var now = time.GetUtcNow();

        if (!await ClaimAsync(Transfer.Start(command, beneficiary, now), cancellationToken))
        {
            // A concurrent duplicate claimed it first and has committed (we waited on its row).
            await AnswerDuplicateAsync(context, (await LockExistingAsync(command.PayoutId, cancellationToken))!);
            return;
        }

        var transfer = await db.Transfers.SingleAsync(t => t.PayoutId == command.PayoutId, cancellationToken);
        object? outcome;
        if (!beneficiary.Payable)
        {
            transfer.Fail(SettlementOutcome.DestinationNotPayable, beneficiary.NotPayableReason ?? "The destination cannot be paid", providerTransferId: null, now);
            outcome = new PayoutSettlementFailed(command.PayoutId, transfer.FailureCode!, transfer.FailureReason!, now);
        }
        else
        {
            var request = ProviderTransferRequest.To(
                beneficiary, providerOptions.Value.DebitAccountId, command.Amount, command.Currency, command.Narration, transfer.PaymentReference);
            var result = await provider.CreateTransferAsync(request, beneficiary.Masked, cancellationToken);
            if (result is ProviderResult.Refused refused && DebitAccountRefusal.Matches(refused))
            {
                // Our debit account cannot pay, which says nothing about the payee: the provider recorded nothing, so
                // the attempt rolls back (no transfer row) and is retried with the same reference, then ends in
                // settle-payout_error for an operator. The payout stays processing; the saga's status check finds no
                // transfer and sends the command again, so it is paid once the account is funded.
                LogDebitAccountRefused(logger, command.PayoutId, refused.Code, command.Currency);
                throw new DebitAccountRefusedException(refused.Code);
            }

            outcome = SettlementOutcome.Apply(transfer, result, time.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        if (outcome is not null) await context.Publish(outcome, cancellationToken);
        LogTransferRecorded(logger, command.PayoutId, transfer.Rail, transfer.BeneficiaryMasked, transfer.Status);
    }

    /// <summary>A PayPal or Stripe handle travels on the command; a bank destination's details are asked for.</summary>
    private async Task<Beneficiary> BeneficiaryForAsync(SettlePayout command, CancellationToken cancellationToken)
    {
        if (Rails.IsHandle(command.DestinationKind))
        {
            return Beneficiary.FromHandle(command.DestinationKind, command.RecipientHandle);
        }

        var response = await destinations.GetResponse<SettlementDestination>(
            new GetSettlementDestination(command.DestinationKind, command.DestinationId, command.PayoutId), cancellationToken);
        return Beneficiary.FromDestination(response.Message);
    }

    private Task<Transfer?> LockExistingAsync(Guid payoutId, CancellationToken cancellationToken) =>
        db.Transfers.FromSql($"SELECT * FROM transfers WHERE payout_id = {payoutId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Inserts the transfer unless one exists for the payout. A concurrent duplicate waits on the unique index until
    /// the first transaction ends, then inserts nothing: no exception aborts the inbox transaction.
    /// </summary>
    private async Task<bool> ClaimAsync(Transfer transfer, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO transfers (payout_id, payment_reference, destination_kind, destination_id, beneficiary_bank_code,
                beneficiary_masked, amount, currency, narration, status, reconciliation_attempts, created_at, updated_at)
            VALUES ({transfer.PayoutId}, {transfer.PaymentReference}, {transfer.DestinationKind.ToString()}, {transfer.DestinationId},
                {transfer.BeneficiaryBankCode}, {transfer.BeneficiaryMasked}, {transfer.Amount}, {transfer.Currency},
                {transfer.Narration}, {transfer.Status}, 0, {transfer.CreatedAt}, {transfer.UpdatedAt})
            ON CONFLICT (payout_id) DO NOTHING
            """,
            cancellationToken);
        return inserted == 1;
    }

    /// <summary>A final transfer is answered again (the saga may have re-sent the command); an open one is reconciliation's.</summary>
    private static async Task AnswerDuplicateAsync(ConsumeContext<SettlePayout> context, Transfer existing)
    {
        if (SettlementOutcome.Replay(existing) is { } outcome)
        {
            await context.Publish(outcome, context.CancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Payout {PayoutId} not sent: the provider refused our debit account ({Code}) for {Currency}; it waits for the account to be funded")]
    private static partial void LogDebitAccountRefused(ILogger logger, Guid payoutId, string code, string currency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payout {PayoutId} by {Rail} to {MaskedBeneficiary}: transfer {Status}")]
    private static partial void LogTransferRecorded(ILogger logger, Guid payoutId, string rail, string maskedBeneficiary, string status);
}
