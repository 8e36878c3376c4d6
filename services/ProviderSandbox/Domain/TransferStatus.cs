namespace Payouts.ProviderSandbox.Domain;

/// <summary>A transfer's status as the provider reports it (seed 004 shows <c>completed</c>).</summary>
public static class TransferStatus
{
    /// <summary>Accepted and debited; the beneficiary bank has not answered yet.</summary>
    public const string Pending = "pending";

    public const string Completed = "completed";

    /// <summary>Nothing reached the beneficiary; any debit was returned to the debit account.</summary>
    public const string Failed = "failed";
}
