using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BankAccountService.Application;

/// <summary>The bank-account errors beyond the shared ones, in seed 000's <c>{error, message}</c> vocabulary.</summary>
public static class BankAccountErrors
{
    public static readonly ApiError NotFound = ApiError.NotFound("Bank account not found");

    public static readonly ApiError Duplicate =
        new(StatusCodes.Status409Conflict, "duplicate_bank_account", "This bank account has already been added");

    public static readonly ApiError AlreadyVerified =
        new(StatusCodes.Status409Conflict, "bank_account_already_verified", "Bank account is already verified");

    public static readonly ApiError VerificationFailed =
        new(StatusCodes.Status400BadRequest, "verification_failed",
            "Verification failed too many times; the bank account is locked. Submit it again for new deposits");

    public static readonly ApiError VerificationExpired =
        new(StatusCodes.Status400BadRequest, "verification_expired", "The verification amounts have expired. Submit the bank account again for new deposits");

    public static readonly ApiError DepositsFailed =
        new(StatusCodes.Status400BadRequest, "micro_deposits_failed",
            "The verification deposits could not be sent to this bank account. Check its details and submit it again for new deposits");

    public static readonly ApiError DepositRoundsExhausted =
        new(StatusCodes.Status409Conflict, "verification_limit_reached",
            "This bank account has had every round of verification deposits it may get; contact support to verify it");

    public static ApiError AmountsMismatch(int remainingAttempts) =>
        new(StatusCodes.Status400BadRequest, "verification_amounts_mismatch",
            $"The verification amounts do not match ({remainingAttempts} attempt{(remainingAttempts == 1 ? "" : "s")} remaining)");
}
