using Payouts.PayoutService.Domain;

namespace Payouts.PayoutService.Application;

/// <summary>Beneficiary payment details with their beneficiary's profile (null or not yet known when neither the events nor BankAccountService gave it).</summary>
public sealed record BeneficiaryDestination(BeneficiaryDestinationView Details, BeneficiaryView? Profile);
