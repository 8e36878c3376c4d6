namespace Payouts.Contracts.BankAccounts;

/// <summary>
/// Settlement could not pay a verification's micro-deposits: the provider failed or refused a deposit, or the
/// destination is not payable. <see cref="Code"/> is the provider's or settlement's failure code.
/// </summary>
public sealed record MicroDepositsFailed(Guid VerificationId, long BankAccountId, string Code, string Reason, DateTimeOffset FailedAt);
