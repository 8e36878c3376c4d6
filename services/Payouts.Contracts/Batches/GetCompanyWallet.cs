namespace Payouts.Contracts.Batches;

/// <summary>
/// BatchService asks what a company's wallet holds before it accepts a batch's total (seed 001's 403 "Insufficient wallet
/// balance"). Answered with <see cref="CompanyWallet"/>, zeros for a company that never funded one.
/// </summary>
public sealed record GetCompanyWallet(string CompanyId, string Currency);

/// <summary>The wallet's balances now: <see cref="Available"/> is what a new hold may take; <see cref="Held"/> is already promised.</summary>
public sealed record CompanyWallet(string CompanyId, string Currency, decimal Available, decimal Held);
