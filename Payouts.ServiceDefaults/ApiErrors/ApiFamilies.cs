using Microsoft.AspNetCore.Http;

namespace Payouts.ServiceDefaults.ApiErrors;

/// <summary>Tells which public API family a request path belongs to.</summary>
public static class ApiFamilies
{
    /// <summary>
    /// The family whose envelope an error on <paramref name="path"/> uses. Paths outside every
    /// public prefix fall back to <see cref="ApiFamily.App"/>, the platform's generic envelope.
    /// </summary>
    public static ApiFamily Classify(PathString path)
    {
        // Most specific prefixes first: /api/v1/billing and /api/admin are also /api/.
        if (path.StartsWithSegments("/api/admin", StringComparison.OrdinalIgnoreCase))
        {
            return ApiFamily.Admin;
        }

        if (path.StartsWithSegments("/api/v1/billing", StringComparison.OrdinalIgnoreCase))
        {
            return ApiFamily.Billing;
        }

        if (path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase))
        {
            return ApiFamily.Bulk;
        }

        if (path.StartsWithSegments("/payout", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/beneficiaries", StringComparison.OrdinalIgnoreCase))
        {
            return ApiFamily.SinglePayout;
        }

        return ApiFamily.App;
    }

    /// <summary>
    /// True for paths under a public API prefix (<c>/api</c>, <c>/v1</c>, <c>/payout</c>,
    /// <c>/beneficiaries</c>). Errors elsewhere (internal endpoints, health) use ProblemDetails.
    /// </summary>
    public static bool IsPublicApiPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/payout", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/beneficiaries", StringComparison.OrdinalIgnoreCase);
}
