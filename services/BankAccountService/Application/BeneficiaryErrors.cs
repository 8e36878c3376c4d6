using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BankAccountService.Application;

/// <summary>The beneficiary errors beyond the shared ones, in seed 002's vocabulary.</summary>
public static class BeneficiaryErrors
{
    public static readonly ApiError NotFound = ApiError.NotFound("Beneficiary not found");

    /// <summary>A colleague may see and pay a company's beneficiary; only its owner (or an administrator) changes it.</summary>
    public static readonly ApiError OwnerOnly = ApiError.InsufficientPermissions("Only the beneficiary's owner can change it");

    public static readonly ApiError DetailsNotFound = ApiError.NotFound("Beneficiary details not found");

    public static readonly ApiError DuplicateDetails =
        new(StatusCodes.Status409Conflict, "duplicate_beneficiary_details", "These payment details have already been added to the beneficiary");
}
