namespace Payouts.Contracts.BankAccounts;

/// <summary>Settlement paid a verification's two micro-deposits.</summary>
public sealed record MicroDepositsSent(Guid VerificationId, long BankAccountId, DateTimeOffset SentAt);
