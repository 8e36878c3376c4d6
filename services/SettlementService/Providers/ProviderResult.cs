namespace Payouts.SettlementService.Providers;

/// <summary>What a call to the provider established about a transfer.</summary>
public abstract record ProviderResult
{
    /// <summary>The provider holds this transfer (completed, pending or failed).</summary>
    public sealed record Recorded(ProviderTransfer Transfer) : ProviderResult;

    /// <summary>The provider refused it and recorded nothing (insufficient funds, invalid beneficiary…).</summary>
    public sealed record Refused(string Code, string Reason) : ProviderResult;

    /// <summary>The provider has no transfer with the payment reference.</summary>
    public sealed record NotFound : ProviderResult;

    /// <summary>No usable answer (timeout, lost connection, 5xx after retries, an answer that does not parse).</summary>
    public sealed record Unknown(string Reason) : ProviderResult;

    /// <summary>The provider status reports show when it holds no transfer for the reference.</summary>
    public const string NotFoundStatus = "not_found";

    /// <summary>The provider status reports show when it gave no usable answer.</summary>
    public const string NoAnswerStatus = "no_answer";

    /// <summary>The provider's status as reports show it: its transfer's status, <see cref="NotFoundStatus"/> or <see cref="NoAnswerStatus"/>.</summary>
    public static string StatusShown(ProviderResult answer) => answer switch
    {
        Recorded { Transfer: var transfer } => transfer.Status,
        NotFound => NotFoundStatus,
        _ => NoAnswerStatus,
    };
}
