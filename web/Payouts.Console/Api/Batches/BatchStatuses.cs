namespace Payouts.Console.Api.Batches;

/// <summary>Seed 001's batch statuses as the console acts on them.</summary>
public static class BatchStatuses
{
    public const string Draft = "draft";
    public const string Ready = "ready";
    public const string Processing = "processing";

    /// <summary>A batch in one of these never changes again, so the page stops asking.</summary>
    public static bool IsFinal(string status) => status is "completed" or "failed" or "cancelled" or "partially_completed";

    /// <summary>Approved and being paid: its recipients' outcomes arrive by themselves.</summary>
    public static bool IsInProgress(string status) => status is Processing or "approved";
}
