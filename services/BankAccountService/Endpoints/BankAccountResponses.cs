using System.Text.Json.Serialization;
using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>Seed 000's Bank Account object, numbers masked.</summary>
public sealed record BankAccountResponse(
    long Id,
    Guid Uuid,
    object UserId,
    string BankName,
    string AccountNumber,
    string RoutingNumber,
    string AccountType,
    string AccountHolderName,
    string Country,
    string Currency,
    bool IsPrimary,
    bool Verified,
    string VerificationStatus,
    DateTimeOffset? MicroDepositsSentAt,
    DateTimeOffset? VerificationExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static BankAccountResponse From(BankAccount account) => new(
        account.Id,
        account.Uuid,
        UserIds.AsShown(account.UserId),
        account.BankName,
        account.Destination.MaskedAccountNumber,
        account.Destination.MaskedBankIdentifier,
        account.AccountType,
        account.AccountHolderName,
        account.Destination.Country,
        account.Destination.Currency,
        account.IsPrimary,
        account.Verified,
        account.VerificationStatus,
        account.MicroDepositsSentAt,
        // The window shows only while it can still be met.
        account.VerificationStatus == Domain.VerificationStatus.Pending ? account.VerificationExpiresAt : null,
        account.CreatedAt,
        account.UpdatedAt);
}

/// <summary><c>POST /api/bank-accounts</c>: the caller's (or the asked-for user's) accounts.</summary>
public sealed record BankAccountList(IEnumerable<BankAccountResponse> BankAccounts);

/// <summary><c>POST /api/update/bank-account</c>: the account added, replaced or sent new deposits.</summary>
public sealed record BankAccountSubmitted(string Message, long BankAccountId, string VerificationStatus)
{
    [JsonPropertyOrder(-1)]
    public string Status => "success";
}
