namespace Payouts.ServiceDefaults.Authentication;

/// <summary>The JWT claim names the platform reads, kept raw (no inbound claim mapping).</summary>
public static class PayoutsClaimTypes
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string CompanyId = "company_id";
}
