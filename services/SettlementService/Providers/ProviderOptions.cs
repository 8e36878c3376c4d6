using System.ComponentModel.DataAnnotations;

namespace Payouts.SettlementService.Providers;

/// <summary>
/// The <c>Provider:*</c> configuration: which provider to pay through and how patiently. Nothing here assumes the
/// sandbox; the AppHost points it at the sandbox, production at the real provider.
/// </summary>
public sealed class ProviderOptions
{
    public const string SectionName = "Provider";

    [Required]
    public Uri? BaseUrl { get; set; }

    [Required]
    public string ApiKey { get; set; } = "";

    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>Our account at the provider that transfers are paid from.</summary>
    [Required]
    public string DebitAccountId { get; set; } = "";

    /// <summary>How long one call may take; past it the outcome is unknown (not retried: reconciliation asks instead).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a 5xx, 408, 429 or a connection failure, always with the same payment reference.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
