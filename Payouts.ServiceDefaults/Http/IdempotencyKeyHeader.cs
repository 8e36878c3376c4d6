using Microsoft.AspNetCore.Http;

namespace Payouts.ServiceDefaults.Http;

/// <summary>The <c>Idempotency-Key</c> header money-moving requests may carry.</summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>The header's value; null when the request has none.</summary>
    public static string? IdempotencyKey(this HttpRequest request) =>
        request.Headers.TryGetValue(Name, out var values) ? values.ToString() : null;
}
