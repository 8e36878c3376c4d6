namespace Payouts.PayoutService.Domain;

/// <summary>A payout rail with its limits and fees: configuration data (seeded by migration), not code.</summary>
public sealed class PaymentMethod
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public required string ProcessingTime { get; set; }
    public decimal MinimumAmount { get; set; }
    public decimal MaximumAmount { get; set; }
    public decimal FixedFee { get; set; }

    /// <summary>Percent of the amount (2.9 means 2.9 %).</summary>
    public decimal PercentageFee { get; set; }

    public bool Enabled { get; set; }
    public int SortOrder { get; set; }

    /// <summary>The fee for a payout of <paramref name="amount"/>, rounded to the currency's minor unit.</summary>
    public decimal FeeFor(decimal amount, string currency) =>
        Currencies.Round(FixedFee + amount * PercentageFee / 100m, currency);
}

public static class PaymentMethodIds
{
    public const string BankTransfer = "bank_transfer";
    public const string PayPal = "paypal";
    public const string Stripe = "stripe";
    public const string Check = "check";
}
