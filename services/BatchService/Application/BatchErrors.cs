using Payouts.BatchService.Domain;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BatchService.Application;

/// <summary>The bulk API's errors beyond the shared ones, in seed 001's words where it has them.</summary>
public static class BatchErrors
{
    public static readonly ApiError NotFound = ApiError.NotFound("Batch not found");

    public static readonly ApiError NoCompany = ApiError.InsufficientPermissions("The token does not name a company: batches belong to a company account");

    public static readonly ApiError InvalidEmail = ApiError.BadRequest("Invalid email format in payees array");

    public static readonly ApiError WalletUnavailable =
        ApiError.ServiceUnavailable("The company wallet is temporarily unavailable. Please try again shortly.");

    public static readonly ApiError PlatformUsersUnavailable =
        ApiError.ServiceUnavailable("The platform's user directory is temporarily unavailable. Please try again shortly.");

    /// <summary>Seed 001 lists the missing ones, comma-separated.</summary>
    public static ApiError MissingFields(IEnumerable<string> fields) => ApiError.BadRequest($"Missing required fields: {string.Join(", ", fields)}");

    public static ApiError DuplicateReference(string reference, Guid existingBatchId) =>
        new(StatusCodes.Status409Conflict, "duplicate_payment_reference",
            $"A batch with payment_reference '{reference}' already exists: {existingBatchId}");

    /// <summary>Seed 001's text, with the figures in dollars and cents.</summary>
    public static ApiError InsufficientBalance(decimal required, decimal available) =>
        ApiError.InsufficientPermissions(
            $"Insufficient wallet balance. Required: ${required.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}, "
            + $"Available: ${available.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}");

    public static ApiError InvalidPayee(int position, string field, string problem) =>
        ApiError.BadRequest($"Invalid {field} in payees array: payee {position}'s {field} {problem}");

    /// <summary>A broken batch rule: 409 when the batch's status does not allow the action, else 400.</summary>
    public static ApiError Of(BatchRuleViolation violation) => violation.IsStatusConflict
        ? new ApiError(StatusCodes.Status409Conflict, "batch_status_conflict", violation.Message)
        : ApiError.BadRequest(violation.Message);
}
