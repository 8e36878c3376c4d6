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
/// <see cref="MicroDepositsSent"/>. Each deposit's payment reference comes from the verification, so duplicates and
/// retries cannot pay it twice. An outcome that is not yet known fails the attempt: the message is retried (same
/// references), and ends in <c>send-micro-deposits_error</c> if the provider never answers.
/// </summary>
public sealed partial class SendMicroDepositsConsumer(
    SettlementDbContext db,
    IRequestClient<GetSettlementDestination> destinations,
    ProviderClient provider,
    IOptions<ProviderOptions> providerOptions,
    TimeProvider time,
    ILogger<SendMicroDepositsConsumer> logger) : IConsumer<SendMicroDeposits>
{
    public async Task Consume(ConsumeContext<SendMicroDeposits> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        var deposits = await db.MicroDeposits.Where(d => d.VerificationId == command.VerificationId).OrderBy(d => d.Sequence).ToListAsync(cancellationToken);
        if (deposits.Count == 2 && deposits.All(d => d.Status == TransferStatus.Completed))
        {
            await context.Publish(new MicroDepositsSent(command.VerificationId, command.BankAccountId, deposits.Max(d => d.UpdatedAt)), cancellationToken);
            return;
        }

        var response = await destinations.GetResponse<SettlementDestination>(
            new GetSettlementDestination(DestinationKind.BankAccount, command.BankAccountId, command.VerificationId), cancellationToken);
        var destination = response.Message;
        if (!destination.Payable)
        {
            LogNotPayable(logger, command.VerificationId, command.BankAccountId);
            return;
        }

        var now = time.GetUtcNow();
        foreach (var (sequence, amount) in new[] { (1, command.Amount1), (2, command.Amount2) })
        {
            var deposit = deposits.FirstOrDefault(d => d.Sequence == sequence);
            if (deposit is null)
            {
                deposit = MicroDeposit.Create(command.VerificationId, sequence, command.BankAccountId, amount, command.Currency, now);
                db.MicroDeposits.Add(deposit);
            }

            if (deposit.Status is TransferStatus.Completed or TransferStatus.Failed) continue;

            var beneficiary = Beneficiary.FromDestination(destination);
            var result = await provider.CreateTransferAsync(
                ProviderTransferRequest.To(beneficiary, providerOptions.Value.DebitAccountId, deposit.Amount, deposit.Currency, "Account verification deposit", deposit.PaymentReference),
                beneficiary.Masked,
                cancellationToken);

            switch (result)
            {
                case ProviderResult.Recorded { Transfer: var transfer } when transfer.Status is TransferStatus.Completed or TransferStatus.Failed:
                    deposit.Record(transfer.Status, transfer.Id, transfer.FailureCode, time.GetUtcNow());
                    break;
                case ProviderResult.Refused refused:
                    deposit.Record(TransferStatus.Failed, null, refused.Code, time.GetUtcNow());
                    break;
                default:
                    // Pending or unknown: try the whole message again later; the references keep it one transfer each.
                    throw new MicroDepositOutcomeUnknownException(command.VerificationId, sequence);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var all = await db.MicroDeposits.Where(d => d.VerificationId == command.VerificationId).ToListAsync(cancellationToken);
        if (all.All(d => d.Status == TransferStatus.Completed))
        {
            await context.Publish(new MicroDepositsSent(command.VerificationId, command.BankAccountId, time.GetUtcNow()), cancellationToken);
        }
        else
        {
            LogFailed(logger, command.VerificationId, string.Join(", ", all.Select(d => d.FailureCode)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Micro-deposits for verification {VerificationId}: bank account {BankAccountId} cannot be paid")]
    private static partial void LogNotPayable(ILogger logger, Guid verificationId, long bankAccountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Micro-deposits for verification {VerificationId} failed at the provider: {Codes}")]
    private static partial void LogFailed(ILogger logger, Guid verificationId, string codes);
}

/// <summary>The provider has not given a final answer for a micro-deposit yet; the message is retried.</summary>
public sealed class MicroDepositOutcomeUnknownException(Guid verificationId, int sequence)
    : Exception($"Micro-deposit {sequence} of verification {verificationId} has no final provider answer yet.");
