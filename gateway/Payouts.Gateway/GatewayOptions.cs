namespace Payouts.Gateway;

/// <summary>The <c>Gateway:*</c> configuration.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Largest request body forwarded; larger ones get 413 (<c>Gateway:MaxRequestBodyBytes</c>).</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    public RateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>Fixed-window limit per token (or per client IP without one): <c>Gateway:RateLimit:*</c>.</summary>
public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; } = 100;

    public int WindowSeconds { get; set; } = 60;
}
