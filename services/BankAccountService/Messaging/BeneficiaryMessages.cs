using Payouts.BankAccountService.Domain;
using Payouts.Contracts.BankAccounts;

namespace Payouts.BankAccountService.Messaging;

/// <summary>The events a beneficiary change causes, built from the saved rows: masked numbers only.</summary>
public static class BeneficiaryMessages
{
    public static BeneficiarySaved Saved(Beneficiary beneficiary) => new(
        beneficiary.Id, beneficiary.UserId, beneficiary.CompanyId, beneficiary.RecipientType, beneficiary.CustomerName,
        beneficiary.CustomerEmail, beneficiary.CustomerNickname, beneficiary.Country,
        new BeneficiaryPostalAddress(beneficiary.Address.City, beneficiary.Address.County, beneficiary.Address.PostalCode,
            beneficiary.Address.AddressLine1, beneficiary.Address.AddressLine2, beneficiary.Address.PostalCodeIsNumber),
        beneficiary.CreatedAt, beneficiary.UpdatedAt);

    public static BeneficiaryRemoved Removed(Beneficiary beneficiary) =>
        new(beneficiary.Id, beneficiary.UserId, beneficiary.DeletedAt ?? beneficiary.UpdatedAt);

    public static BeneficiaryDetailsAdded DetailsAdded(BeneficiaryDetails details, string? companyId) => new(
        details.Id, details.BeneficiaryId, details.UserId, companyId, details.BankName, details.Destination.MaskedAccountNumber,
        details.Destination.Currency, details.Destination.Country, details.CreatedAt, BankAccountMessages.BankTransfer,
        details.AccountHolderName, MaskedRoutingNumber(details), details.Destination.BankCode);

    /// <summary>The details as they are now, with their beneficiary, for PayoutService's read-your-writes request.</summary>
    public static BeneficiaryDetailsFound DetailsFound(BeneficiaryDetails details, Beneficiary beneficiary) => new(
        details.Id, details.BeneficiaryId, details.UserId, beneficiary.CompanyId, details.BankName, details.AccountHolderName,
        details.Destination.MaskedAccountNumber, MaskedRoutingNumber(details), details.Destination.BankCode, details.Destination.Currency,
        details.Destination.Country, BankAccountMessages.BankTransfer, details.CreatedAt, details.IsDeleted || beneficiary.IsDeleted,
        Saved(beneficiary), beneficiary.IsDeleted);

    /// <summary>As seed 002's details responses show it: only a routing number, never a bank code.</summary>
    private static string MaskedRoutingNumber(BeneficiaryDetails details) =>
        details.Destination.RoutingNumberCiphertext is null ? "" : details.Destination.MaskedBankIdentifier;

    public static BeneficiaryDetailsRemoved DetailsRemoved(BeneficiaryDetails details) =>
        new(details.Id, details.BeneficiaryId, details.UserId, details.DeletedAt ?? details.CreatedAt);
}
