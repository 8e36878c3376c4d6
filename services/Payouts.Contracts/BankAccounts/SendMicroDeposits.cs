namespace Payouts.Contracts.BankAccounts;

/// <summary>
/// Command to settlement: pay two small verification amounts into a new bank account. The destination's full
/// details are fetched by settlement with <see cref="Settlement.GetSettlementDestination"/>, never carried here.
/// </summary>
public sealed record SendMicroDeposits(Guid VerificationId, long BankAccountId, Guid BankAccountUuid, string Currency, decimal Amount1, decimal Amount2);
