namespace Payouts.Contracts.BankAccounts;

/// <summary>
/// Micro-deposit verification of a bank account failed for good: the last allowed wrong amounts locked it
/// (<see cref="Status"/> <c>verification_failed</c>), or the amounts came after the window to confirm them closed
/// (<c>expired</c>; noticed at that attempt). Not each wrong attempt. <see cref="NewDepositsAvailable"/> tells whether
/// submitting the account again gets a new round of deposits. Published by BankAccountService through its outbox in
/// the attempt's transaction.
/// </summary>
public sealed record BankAccountVerificationFailed(
    long BankAccountId,
    Guid BankAccountUuid,
    string UserId,
    Guid VerificationId,
    string Status,
    bool NewDepositsAvailable,
    DateTimeOffset FailedAt);
