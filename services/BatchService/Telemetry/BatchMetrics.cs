namespace Payouts.BatchService.Telemetry;

/// <summary>Names of BatchService's meter, its instruments and their tags.</summary>
public static class BatchMetrics
{
    public const string MeterName = "Payouts.BatchService";

    /// <summary>Batches in each status now, from the batches table.</summary>
    public const string Count = "payouts.batch.count";

    /// <summary>Recipients paid or failed by the batch saga, as their outcome commits.</summary>
    public const string RecipientOutcomes = "payouts.batch.recipients";

    /// <summary>From approval to the end of the batch (every recipient terminal, or the funds refused).</summary>
    public const string Duration = "payouts.batch.duration";

    public const string StatusTag = "status";
    public const string OutcomeTag = "outcome";
}
