namespace Payouts.Contracts.BankAccounts;

/// <summary>
/// Command to settlement: pay two small verification amounts into a new bank account. The destination's full
/// details are fetched by settlement with <see cref="Settlement.GetSettlementDestination"/>, never carried here; the
/// amounts travel sealed for settlement (<c>MicroDepositSeal</c>, bound to <paramref name="VerificationId"/>), so the
/// outbox table and the broker never hold them readable.
/// </summary>
public sealed record SendMicroDeposits(Guid VerificationId, long BankAccountId, Guid BankAccountUuid, string Currency, string SealedAmounts);
