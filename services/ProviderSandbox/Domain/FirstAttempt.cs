namespace Payouts.ProviderSandbox.Domain;

/// <summary>
/// Remembers that a "succeeds on the second try" destination has already refused a payment reference once, so the
/// next call for that reference goes through. Stored apart from transfers: the refused call records no transfer.
/// </summary>
public sealed class FirstAttempt(string paymentReference, DateTimeOffset refusedAt)
{
    public string PaymentReference { get; private set; } = paymentReference;

    public DateTimeOffset RefusedAt { get; private set; } = refusedAt;
}
