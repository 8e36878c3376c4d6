namespace Payouts.BatchService.Domain;

/// <summary>A recipient's status as seed 001 writes it.</summary>
public static class RecipientStatus
{
    /// <summary>Valid and not paid yet: counts towards the batch's active amount.</summary>
    public const string Pending = "pending";

    /// <summary>Never to be paid: an invalid email, or the batch was cancelled.</summary>
    public const string Cancelled = "cancelled";

    public const string Completed = "completed";
    public const string Failed = "failed";
}
