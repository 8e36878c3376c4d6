using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>Seed 002's beneficiary object and its payment details, numbers masked.</summary>
public static class BeneficiaryJson
{
    public static Dictionary<string, object?> From(Beneficiary beneficiary) => new()
    {
        ["id"] = beneficiary.Id,
        ["user_id"] = Timestamps.UserId(beneficiary.UserId),
        ["recipient_type"] = beneficiary.RecipientType,
        ["customer_name"] = beneficiary.CustomerName,
        ["customer_email"] = beneficiary.CustomerEmail,
        ["customer_nickname"] = beneficiary.CustomerNickname,
        ["country"] = beneficiary.Country,
        ["customer_address"] = new Dictionary<string, object?>
        {
            ["city"] = beneficiary.Address.City,
            ["county"] = beneficiary.Address.County,
            ["postal_code"] = beneficiary.Address.PostalCode,
            ["address_line_1"] = beneficiary.Address.AddressLine1,
            ["address_line_2"] = beneficiary.Address.AddressLine2,
        },
        ["created_at"] = Timestamps.Format(beneficiary.CreatedAt),
        ["updated_at"] = Timestamps.Format(beneficiary.UpdatedAt),
    };

    public static Dictionary<string, object?> From(BeneficiaryDetails details) => new()
    {
        ["id"] = details.Id,
        ["beneficiary_details_id"] = details.Id,
        ["beneficiary_id"] = details.BeneficiaryId,
        ["bank_name"] = details.BankName,
        ["account_holder_name"] = details.AccountHolderName,
        ["account_number"] = details.Destination.MaskedAccountNumber,
        ["routing_number"] = details.Destination.RoutingNumberCiphertext is null ? null : details.Destination.MaskedBankIdentifier,
        ["bank_code"] = details.Destination.BankCode,
        ["currency"] = details.Destination.Currency,
        ["country"] = details.Destination.Country,
        ["created_at"] = Timestamps.Format(details.CreatedAt),
    };
}
