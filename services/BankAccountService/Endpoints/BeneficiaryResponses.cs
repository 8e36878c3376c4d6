using Payouts.BankAccountService.Domain;
using Payouts.ServiceDefaults.ApiResponses;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>Seed 002's beneficiary object.</summary>
public sealed record BeneficiaryResponse(
    long Id,
    object UserId,
    string RecipientType,
    string CustomerName,
    string CustomerEmail,
    string? CustomerNickname,
    string Country,
    CustomerAddress CustomerAddress,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static BeneficiaryResponse From(Beneficiary beneficiary) => new(
        beneficiary.Id,
        UserIds.AsShown(beneficiary.UserId),
        beneficiary.RecipientType,
        beneficiary.CustomerName,
        beneficiary.CustomerEmail,
        beneficiary.CustomerNickname,
        beneficiary.Country,
        new CustomerAddress(
            beneficiary.Address.City,
            beneficiary.Address.County,
            PostalCode.Of(beneficiary.Address.PostalCode, beneficiary.Address.PostalCodeIsNumber),
            beneficiary.Address.AddressLine1,
            beneficiary.Address.AddressLine2),
        beneficiary.CreatedAt,
        beneficiary.UpdatedAt);
}

/// <summary>Seed 002's payment details of a beneficiary, numbers masked; <c>id</c> is also <c>beneficiary_details_id</c>.</summary>
public sealed record BeneficiaryDetailsResponse(
    long Id,
    long BeneficiaryDetailsId,
    long BeneficiaryId,
    string BankName,
    string AccountHolderName,
    string AccountNumber,
    string? RoutingNumber,
    string? BankCode,
    string Currency,
    string Country,
    DateTimeOffset CreatedAt)
{
    public static BeneficiaryDetailsResponse From(BeneficiaryDetails details) => new(
        details.Id,
        details.Id,
        details.BeneficiaryId,
        details.BankName,
        details.AccountHolderName,
        details.Destination.MaskedAccountNumber,
        details.Destination.RoutingNumberCiphertext is null ? null : details.Destination.MaskedBankIdentifier,
        details.Destination.BankCode,
        details.Destination.Currency,
        details.Destination.Country,
        details.CreatedAt);
}
