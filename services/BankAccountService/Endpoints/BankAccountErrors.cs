using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>The bank-account errors beyond the shared ones, in seed 000's <c>{error, message}</c> vocabulary.</summary>
public static class BankAccountErrors
{
    public static readonly ApiError NotFound = ApiError.NotFound("Bank account not found");

    public static readonly ApiError Duplicate =
        new(StatusCodes.Status409Conflict, "duplicate_bank_account", "This bank account has already been added");

    public static readonly ApiError AlreadyVerified =
        new(StatusCodes.Status409Conflict, "bank_account_already_verified", "Bank account is already verified");

    public static readonly ApiError VerificationFailed =
        new(StatusCodes.Status400BadRequest, "verification_failed", "Verification failed too many times; the bank account is locked");

    public static readonly ApiError VerificationExpired =
        new(StatusCodes.Status400BadRequest, "verification_expired", "The verification amounts have expired");

    public static ApiError AmountsMismatch(int remainingAttempts) =>
        new(StatusCodes.Status400BadRequest, "verification_amounts_mismatch",
            $"The verification amounts do not match ({remainingAttempts} attempt{(remainingAttempts == 1 ? "" : "s")} remaining)");
}
