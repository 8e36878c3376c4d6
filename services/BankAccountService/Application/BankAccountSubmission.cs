using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Application;

/// <summary>
/// A validated request to add a bank account, or replace <see cref="ReplacesId"/> with it, for the caller or (administrators)
/// <see cref="RequestedUserId"/>.
/// </summary>
public sealed record BankAccountSubmission(string BankName, string HolderName, string AccountType, BankDestination Destination,
    bool? MakePrimary, string? ReplacesId, string? RequestedUserId);

/// <summary>The submitted account; <see cref="NewDeposits"/> when it was known already and only got a new round of deposits.</summary>
/// <summary>The account after a submission; <paramref name="NewDeposits"/> when its verification started again, <paramref name="ChangedInPlace"/> when it was the user's current account.</summary>
public sealed record SubmittedBankAccount(BankAccount Account, bool NewDeposits, bool ChangedInPlace = false);
