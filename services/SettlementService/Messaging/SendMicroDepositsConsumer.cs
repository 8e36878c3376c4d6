using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Providers;

namespace Payouts.SettlementService.Messaging;

/// <summary>
/// Pays a verification's two micro-deposits through the provider like any other transfer, then publishes
/// <see cref="MicroDepositsSent"/>, or <see cref="MicroDepositsFailed"/> when the destination is not payable or the
/// provider fails or refuses a deposit (the second is not sent after the first failed). Each deposit's payment
/// reference comes from the verification, so duplicates and retries cannot pay it twice; a repeated command is
/// answered again from the recorded deposits. An outcome that is not yet known, or a refusal caused by our own
/// debit account (not the holder's), fails the attempt: the message is retried (same references), and ends in
/// <c>send-micro-deposits_error</c> if it never succeeds.
/// </summary>
public sealed partial class SendMicroDepositsConsumer(
    SettlementDbContext db,
    IRequestClient<GetSettlementDestination> destinations,
    ProviderClient provider,
    IOptions<ProviderOptions> providerOptions,
    TimeProvider time,
    MicroDepositSeal seal,
    ILogger<SendMicroDepositsConsumer> logger) : IConsumer<SendMicroDeposits>
{
    private const string NotPayable = "destination_not_payable";

    public async Task Consume(ConsumeContext<SendMicroDeposits> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        var deposits = await db.MicroDeposits.Where(d => d.VerificationId == command.VerificationId).OrderBy(d => d.Sequence).ToListAsync(cancellationToken);
        if (MicroDepositOutcome.For(command.VerificationId, command.BankAccountId, deposits) is { } known)
        {
            // A repeated command: the same answer again.
            await context.Publish(known, cancellationToken);
            return;
        }

        var response = await destinations.GetResponse<SettlementDestination>(
            new GetSettlementDestination(DestinationKind.BankAccount, command.BankAccountId, command.VerificationId), cancellationToken);
        var beneficiary = Beneficiary.FromDestination(response.Message);

        // Sealed by BankAccountService for us; one that does not open (another key, another verification) is a poison message.
        var (amount1, amount2) = seal.Unseal(command.VerificationId, command.SealedAmounts);
        foreach (var (sequence, amount) in new[] { (1, amount1), (2, amount2) })
        {
            var deposit = deposits.FirstOrDefault(d => d.Sequence == sequence);
            if (deposit is null)
            {
                deposit = MicroDeposit.Create(command.VerificationId, sequence, command.BankAccountId, amount, command.Currency, time.GetUtcNow());
                db.MicroDeposits.Add(deposit);
                deposits.Add(deposit);
            }

            if (deposit.Status == TransferStatus.Completed) continue;

            if (!beneficiary.Payable)
            {
                // Recorded as failed, so a repeated command is answered without asking again.
                deposit.Fail(NotPayable, beneficiary.NotPayableReason ?? "The bank account cannot be paid", providerTransferId: null, time.GetUtcNow());
                break;
            }

            var result = await provider.CreateTransferAsync(
                ProviderTransferRequest.To(beneficiary, providerOptions.Value.DebitAccountId, deposit.Amount, deposit.Currency, "Account verification deposit", deposit.PaymentReference),
                beneficiary.Masked,
                cancellationToken);

            switch (result)
            {
                case ProviderResult.Recorded { Transfer: { Status: TransferStatus.Completed } transfer }:
                    deposit.Complete(transfer.Id, time.GetUtcNow());
                    break;
                case ProviderResult.Recorded { Transfer: { Status: TransferStatus.Failed } transfer }:
                    deposit.Fail(transfer.FailureCode ?? "provider_failed", transfer.FailureReason ?? "The provider failed the deposit", transfer.Id, time.GetUtcNow());
                    break;
                case ProviderResult.Refused refused when DebitAccountRefusal.Matches(refused):
                    // Our account cannot pay: retried (same references), then send-micro-deposits_error for an operator.
                    throw new DebitAccountRefusedException(refused.Code);
                case ProviderResult.Refused refused:
                    deposit.Fail(refused.Code, refused.Reason, providerTransferId: null, time.GetUtcNow());
                    break;
                default:
                    // Pending or unknown: try the whole message again later; the references keep it one transfer each.
                    throw new MicroDepositOutcomeUnknownException(command.VerificationId, sequence);
            }

            // The verification has failed: the second amount is not worth sending.
            if (deposit.Status == TransferStatus.Failed) break;
        }

        await db.SaveChangesAsync(cancellationToken);
        var outcome = MicroDepositOutcome.For(command.VerificationId, command.BankAccountId, deposits)
            ?? throw new InvalidOperationException($"Micro-deposits of verification {command.VerificationId} are neither paid nor failed.");
        await context.Publish(outcome, cancellationToken);
        if (outcome is MicroDepositsFailed failed)
        {
            LogFailed(logger, command.VerificationId, beneficiary.Masked, failed.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Micro-deposits for verification {VerificationId} to {MaskedAccount} failed: {Code}")]
    private static partial void LogFailed(ILogger logger, Guid verificationId, string maskedAccount, string code);
}

/// <summary>The provider has not given a final answer for a micro-deposit yet; the message is retried.</summary>
public sealed class MicroDepositOutcomeUnknownException(Guid verificationId, int sequence)
    : Exception($"Micro-deposit {sequence} of verification {verificationId} has no final provider answer yet.");
