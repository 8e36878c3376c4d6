using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Application;

/// <summary>
/// A validated request to add a bank account, or replace <see cref="ReplacesId"/> with it, for the caller or (administrators)
/// <see cref="RequestedUserId"/>.
/// </summary>
public sealed record BankAccountSubmission(string BankName, string HolderName, string AccountType, BankDestination Destination,
    bool? MakePrimary, string? ReplacesId, string? RequestedUserId);

/// <summary>The submitted account; <see cref="NewDeposits"/> when it was known already and only got a new round of deposits.</summary>
public sealed record SubmittedBankAccount(BankAccount Account, bool NewDeposits);
