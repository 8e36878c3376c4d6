namespace Payouts.Console.Api.Admin;

/// <summary>Process: an optional reference (paid outside the provider) and optional notes; blanks are left out.</summary>
public sealed record ProcessPayoutInput(string? TransactionReference, string? Notes) : IActionInput
{
    public const int MaxReferenceLength = 100;
    public const int MaxNotesLength = 500;

    public string Fingerprint => $"process\n{Clean(TransactionReference)}\n{Clean(Notes)}";

    public object ToBody() => new ProcessBody(Clean(TransactionReference), Clean(Notes));

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record ProcessBody(string? TransactionReference, string? Notes);
}

/// <summary>Reject: the reason is required (the form refuses a blank one before calling).</summary>
public sealed record RejectPayoutInput(string? RejectionReason) : IActionInput
{
    public const int MaxReasonLength = 500;

    public string Fingerprint => $"reject\n{ProcessPayoutInput.Clean(RejectionReason)}";

    public object ToBody() => new RejectBody(ProcessPayoutInput.Clean(RejectionReason));

    /// <summary>Null when the reason will do; else what is wrong with it, in words.</summary>
    public string? Problem => ProcessPayoutInput.Clean(RejectionReason) switch
    {
        null => "A reason is required to reject a payout.",
        { Length: > MaxReasonLength } => $"The reason must be at most {MaxReasonLength} characters.",
        _ => null,
    };

    private sealed record RejectBody(string? RejectionReason);
}
