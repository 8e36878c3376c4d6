namespace Payouts.BatchService.Domain;

/// <summary>A batch's status as seed 001 lists it (its create example's "pending" is written as <see cref="Draft"/>, README).</summary>
public static class BatchStatus
{
    /// <summary>Created through the API; payees may still be added.</summary>
    public const string Draft = "draft";

    /// <summary>Marked final by the company; awaits approval on the platform.</summary>
    public const string Ready = "ready";

    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
