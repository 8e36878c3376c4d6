namespace Payouts.PayoutService.Domain.Payouts;

/// <summary>Seed 000's payout status values.</summary>
public static class PayoutStatus
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Pending, Processing, Completed, Rejected, Cancelled, Failed];
}
