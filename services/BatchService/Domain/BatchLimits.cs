namespace Payouts.BatchService.Domain;

/// <summary>Seed 001's batch constraints.</summary>
public static class BatchLimits
{
    public const int MaxRecipients = 100;
    public const int ReferenceMaxLength = 50;
    public const int MemoMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const decimal MinAmount = 3.00m;

    /// <summary>Not in the seed: a ceiling far above any payee's amount that keeps sums inside the <c>numeric(19,4)</c> columns.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>USD only (seed 001: "Payment amount in USD").</summary>
    public const string Currency = "USD";
}
