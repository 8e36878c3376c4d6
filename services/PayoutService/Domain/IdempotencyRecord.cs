namespace Payouts.PayoutService.Domain;

/// <summary>The first successful response to a money-moving request, replayed for the same key and body.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>Who and which operation the key belongs to (keys are per caller and endpoint).</summary>
    public required string Scope { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public required string ResponseBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
