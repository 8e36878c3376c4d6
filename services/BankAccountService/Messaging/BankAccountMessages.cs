using Payouts.BankAccountService.Domain;
using Payouts.Contracts.BankAccounts;
using Payouts.Data;

namespace Payouts.BankAccountService.Messaging;

/// <summary>The events and commands a bank account change causes, built from the entity: masked numbers only.</summary>
public static class BankAccountMessages
{
    public const string BankTransfer = "bank_transfer";

    public static BankAccountAdded Added(BankAccount account) => new(
        account.Id, account.Uuid, account.UserId, account.CompanyId, account.BankName, account.Destination.MaskedAccountNumber,
        account.AccountType, account.Destination.Currency, account.Destination.Country, account.IsPrimary, account.Verified, account.CreatedAt, BankTransfer,
        account.AccountHolderName, MaskedRoutingNumber(account), account.Destination.BankCode);

    /// <summary>The account as it is now, for PayoutService's read-your-writes request.</summary>
    public static BankAccountFound Found(BankAccount account) => new(
        account.Id, account.Uuid, account.UserId, account.CompanyId, account.BankName, account.AccountHolderName, account.Destination.MaskedAccountNumber,
        MaskedRoutingNumber(account), account.Destination.BankCode, account.AccountType, account.Destination.Currency, account.Destination.Country,
        BankTransfer, account.IsPrimary, account.Verified, account.IsDeleted, account.CreatedAt, account.UpdatedAt);

    /// <summary>As seed 000's responses show it: the routing number or, where the form carried one instead (NG), the bank code.</summary>
    private static string MaskedRoutingNumber(BankAccount account) => account.Destination.MaskedBankIdentifier;

    public static BankAccountDetailsChanged DetailsChanged(BankAccount account) =>
        new(account.Id, account.Uuid, account.UserId, account.BankName, account.AccountHolderName, account.AccountType, account.UpdatedAt);

    public static BankAccountVerified Verified(BankAccount account) =>
        new(account.Id, account.Uuid, account.UserId, account.VerifiedAt ?? account.UpdatedAt);

    /// <summary>The attempt that ended this round of verification (locked or expired).</summary>
    public static BankAccountVerificationFailed VerificationFailed(BankAccount account, int maxRounds) =>
        new(account.Id, account.Uuid, account.UserId, account.VerificationId, account.VerificationStatus, account.MayRestartVerification(maxRounds),
            StoredTime.Of(account.UpdatedAt));

    public static BankAccountPrimaryChanged PrimaryChanged(BankAccount account, BankAccount? previous, DateTimeOffset now) =>
        new(account.Id, account.Uuid, account.UserId, previous?.Id, now);

    public static BankAccountDeleted Deleted(BankAccount account) =>
        new(account.Id, account.Uuid, account.UserId, account.DeletedAt ?? account.UpdatedAt);

    public static SendMicroDeposits SendMicroDeposits(BankAccount account, MicroDepositAmounts amounts, MicroDepositSeal seal) =>
        new(account.VerificationId, account.Id, account.Uuid, account.Destination.Currency, seal.Seal(account.VerificationId, amounts.First, amounts.Second));
}
