using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>Seed 000's Bank Account object, numbers masked.</summary>
public static class BankAccountJson
{
    public static Dictionary<string, object?> From(BankAccount account) => new()
    {
        ["id"] = account.Id,
        ["uuid"] = account.Uuid,
        ["user_id"] = Timestamps.UserId(account.UserId),
        ["bank_name"] = account.BankName,
        ["account_number"] = account.Destination.MaskedAccountNumber,
        ["routing_number"] = account.Destination.MaskedBankIdentifier,
        ["account_type"] = account.AccountType,
        ["account_holder_name"] = account.AccountHolderName,
        ["country"] = account.Destination.Country,
        ["currency"] = account.Destination.Currency,
        ["is_primary"] = account.IsPrimary,
        ["verified"] = account.Verified,
        ["verification_status"] = account.VerificationStatus,
        ["micro_deposits_sent_at"] = Timestamps.Format(account.MicroDepositsSentAt),
        ["verification_expires_at"] = account.VerificationStatus == VerificationStatus.Pending && account.VerificationExpiresAt is { } expiresAt
            ? Timestamps.Format(expiresAt) : null,
        ["created_at"] = Timestamps.Format(account.CreatedAt),
        ["updated_at"] = Timestamps.Format(account.UpdatedAt),
    };
}
