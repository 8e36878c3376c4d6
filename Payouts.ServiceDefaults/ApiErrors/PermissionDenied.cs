using Microsoft.AspNetCore.Http;

namespace Payouts.ServiceDefaults.ApiErrors;

/// <summary>The 403 a path answers when the caller's token does not allow it: seed 000 words it for its payout paths.</summary>
public static class PermissionDenied
{
    public const string PayoutInformationMessage = "You don't have permission to access payout information";

    public static ApiError For(PathString path) =>
        IsAppPayoutPath(path) ? ApiError.InsufficientPermissions(PayoutInformationMessage) : ApiError.InsufficientPermissions();

    // Seed 000's payout endpoints, app and back-office (ARCHITECTURE §5).
    private static bool IsAppPayoutPath(PathString path) =>
        path.StartsWithSegments("/api/get/payouts", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/action/payout", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/payouts", StringComparison.OrdinalIgnoreCase);
}
