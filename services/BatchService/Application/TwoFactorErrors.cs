using System.Globalization;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BatchService.Application;

/// <summary>
/// Refusals of the second factor. They are written <c>{"success": false, "message": "..."}</c> (the platform console's
/// shape, issue 12), not in the bulk envelope: their codes start with <see cref="CodePrefix"/>.
/// </summary>
public static class TwoFactorErrors
{
    public const string CodePrefix = "two_factor_";

    public static readonly ApiError InvalidCode = new(StatusCodes.Status403Forbidden, CodePrefix + "invalid_code", "Invalid or expired 2FA code");

    public static readonly ApiError NotEnrolled = new(StatusCodes.Status403Forbidden, CodePrefix + "not_enrolled",
        "Two-factor authentication is not set up for this user: enroll with POST /v1/platform/2fa/enroll, then confirm it with a first code");

    public static readonly ApiError NotConfirmed = new(StatusCodes.Status403Forbidden, CodePrefix + "not_confirmed",
        "Two-factor authentication is not confirmed yet: confirm it with POST /v1/platform/2fa/confirm and a code from your authenticator app");

    public static readonly ApiError AlreadyEnabled = new(StatusCodes.Status409Conflict, CodePrefix + "already_enabled",
        "Two-factor authentication is already enabled for this user");

    /// <summary>429: too many wrong codes; says until when (UTC, to the second, as the bulk family writes times) and, in <c>Retry-After</c>, how long from now.</summary>
    public static ApiError Locked(DateTimeOffset until, DateTimeOffset now) => new(StatusCodes.Status429TooManyRequests, CodePrefix + "locked",
        "Too many invalid 2FA codes: approval is locked until "
        + until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + ". Try again after that time.")
    {
        RetryAfter = until - now,
    };

    public static bool IsTwoFactorError(this ApiError error) => error.Code.StartsWith(CodePrefix, StringComparison.Ordinal);
}
