namespace Payouts.PayoutService.Domain.Billing;

/// <summary>Which manual payment methods a country may use, with instructions (configuration rows; <c>*</c> = every country).</summary>
public sealed class BillingMethodConfig
{
    public int Id { get; set; }
    public required string Country { get; set; }
    public required string Method { get; set; }
    public required string Name { get; set; }
    public required string Instructions { get; set; }
    public bool Enabled { get; set; }
}
