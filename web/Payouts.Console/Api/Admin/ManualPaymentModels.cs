namespace Payouts.Console.Api.Admin;

// An admin's decisions on seed 003 manual payments (the bodies are in Api/Billing/BillingModels.cs).

/// <summary>Approving a manual payment: nothing to type, so one fingerprint.</summary>
public sealed record ApprovePaymentInput : IActionInput
{
    public string Fingerprint => "approve";
}

/// <summary>Declining a manual payment: the reason is required (at most 500 characters).</summary>
public sealed record DeclinePaymentInput(string? Reason) : IActionInput
{
    public const int MaxReasonLength = 500;

    public string Fingerprint => $"decline\n{ProcessPayoutInput.Clean(Reason)}";

    public object ToBody() => new DeclineBody(ProcessPayoutInput.Clean(Reason));

    public string? Problem => ProcessPayoutInput.Clean(Reason) switch
    {
        null => "A reason is required to decline a payment.",
        { Length: > MaxReasonLength } => $"The reason must be at most {MaxReasonLength} characters.",
        _ => null,
    };

    private sealed record DeclineBody(string? Reason);
}
