namespace Payouts.PayoutService.Domain.Payouts;

/// <summary>A transition the payout's current status does not allow; <see cref="Code"/> is the seed 000 error code.</summary>
public sealed class PayoutRuleViolation(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static PayoutRuleViolation CannotBeCancelled() =>
        new("payout_cannot_be_cancelled", "Payout cannot be cancelled in current status");

    public static PayoutRuleViolation AlreadyProcessed() =>
        new("payout_already_processed", "Payout has already been processed");
}
