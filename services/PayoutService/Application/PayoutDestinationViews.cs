using Payouts.PayoutService.Domain;

namespace Payouts.PayoutService.Application;

/// <summary>Where a payout goes, as the read model knows it: its bank account or its beneficiary details (neither for PayPal, Stripe or check).</summary>
public sealed record PayoutDestinationViews(BankAccountView? Account, BeneficiaryDestinationView? Details);
