using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Domain;

namespace Payouts.SettlementService.Messaging;

/// <summary>What a verification's deposits amount to, and the event that tells BankAccountService.</summary>
public static class MicroDepositOutcome
{
    public const int DepositCount = 2;

    /// <summary>
    /// <see cref="MicroDepositsFailed"/> once any deposit failed (the verification cannot succeed),
    /// <see cref="MicroDepositsSent"/> once both completed, otherwise null (still to be paid).
    /// </summary>
    public static object? For(Guid verificationId, long bankAccountId, IReadOnlyCollection<MicroDeposit> deposits)
    {
        if (deposits.Where(d => d.Status == TransferStatus.Failed).OrderBy(d => d.Sequence).FirstOrDefault() is { } failed)
        {
            return new MicroDepositsFailed(verificationId, bankAccountId, failed.FailureCode ?? "provider_failed",
                failed.FailureReason ?? "The provider failed a micro-deposit", failed.UpdatedAt);
        }

        return deposits.Count == DepositCount && deposits.All(d => d.Status == TransferStatus.Completed)
            ? new MicroDepositsSent(verificationId, bankAccountId, deposits.Max(d => d.UpdatedAt))
            : null;
    }
}
