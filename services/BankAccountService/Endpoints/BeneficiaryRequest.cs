using System.Net.Mail;
using Payouts.BankAccountService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Http;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>Validates a beneficiary body into a <see cref="BeneficiaryProfile"/>, with seed 002's per-field messages.</summary>
public static class BeneficiaryRequest
{
    public static BeneficiaryProfile? Read(RequestFields fields, FieldErrors errors)
    {
        var recipientType = fields.Text("recipient_type", errors, 20, required: true);
        if (recipientType is not null && !RecipientType.IsValid(recipientType))
        {
            errors.Add("recipient_type", "The selected recipient type is invalid.");
        }

        var name = fields.Text("customer_name", errors, 100, required: true);
        var email = fields.Text("customer_email", errors, 254, required: true);
        if (email is not null && !IsEmail(email))
        {
            errors.Add("customer_email", "The customer email field must be a valid email address.");
        }

        var nickname = fields.Text("customer_nickname", errors, 100, required: false);
        var country = fields.Text("country", errors, 100, required: true);

        var address = fields.Object("customer_address", errors) is { } node
            ? new BeneficiaryAddress(
                node.Text("city", errors, 100, false, "customer address city", "customer_address.city"),
                node.Text("county", errors, 100, false, "customer address county", "customer_address.county"),
                node.Text("postal_code", errors, 20, false, "customer address postal code", "customer_address.postal_code"),
                node.Text("address_line_1", errors, 200, false, "customer address line 1", "customer_address.address_line_1"),
                node.Text("address_line_2", errors, 200, false, "customer address line 2", "customer_address.address_line_2"),
                node.IsNumber("postal_code"))
            : new BeneficiaryAddress(null, null, null, null, null, PostalCodeIsNumber: false);

        return errors.IsEmpty ? new BeneficiaryProfile(recipientType!, name!, email!, nickname, country!, address) : null;
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
