using System.Text.RegularExpressions;
using Payouts.BankAccountService.Domain.Validation;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BankAccountService.Domain;

/// <summary>
/// Where money lands: a validated account number and its bank identifier for one country. US accounts carry an ABA
/// routing number, Nigerian ones a three-digit bank code (NUBAN), IBAN countries the IBAN itself as account number.
/// </summary>
public sealed partial record BankDestination(string Country, string Currency, string AccountNumber, string? RoutingNumber, string? BankCode)
{
    /// <summary>The bank identifier shown masked beside the account number (routing number or bank code).</summary>
    public string? BankIdentifier => RoutingNumber ?? BankCode;

    /// <summary>What identifies the same real account, for duplicate detection.</summary>
    public string Fingerprint => $"{Country}|{BankIdentifier}|{AccountNumber}";

    /// <summary>
    /// Validates the raw fields by country; each problem becomes a field error with the seed's wording
    /// ("Invalid bank account number", "Invalid routing number").
    /// </summary>
    public static BankDestination? Create(string? country, string? currency, string? accountNumber, string? routingNumber, string? bankCode, FieldErrors errors)
    {
        var countryCode = country is null ? "US" : Countries.ToCode(country);
        if (countryCode is null)
        {
            errors.Add("country", "Unsupported country");
            return null;
        }

        var currencyCode = string.IsNullOrWhiteSpace(currency) ? Countries.DefaultCurrency(countryCode) : currency.Trim().ToUpperInvariant();
        if (!CurrencyCode().IsMatch(currencyCode))
        {
            errors.Add("currency", "Invalid currency");
        }

        var account = accountNumber?.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(account))
        {
            errors.Add("account_number", "The account number field is required.");
            return null;
        }

        var routing = string.IsNullOrWhiteSpace(routingNumber) ? null : routingNumber.Trim();
        var code = string.IsNullOrWhiteSpace(bankCode) ? null : bankCode.Trim();
        switch (countryCode)
        {
            case "US":
                if (!UsAccountNumber.IsValid(account)) errors.Add("account_number", "Invalid bank account number");
                if (routing is null) errors.Add("routing_number", "The routing number field is required.");
                else if (!AbaRoutingNumber.IsValid(routing)) errors.Add("routing_number", "Invalid routing number");
                return errors.IsEmpty ? new BankDestination(countryCode, currencyCode, account, routing, null) : null;
            case "NG":
                // Seed 000's form has only routing_number: for Nigeria it carries the bank code.
                code ??= routing;
                if (code is null) errors.Add("bank_code", "The bank code field is required.");
                else if (!Nuban.IsValidBankCode(code)) errors.Add("bank_code", "Invalid bank code");
                else if (!Nuban.IsValid(code, account)) errors.Add("account_number", "Invalid bank account number");
                return errors.IsEmpty ? new BankDestination(countryCode, currencyCode, account, null, code) : null;
            default:
                var iban = Iban.Normalize(account);
                if (!Iban.IsValid(iban, countryCode)) errors.Add("account_number", "Invalid bank account number");
                return errors.IsEmpty ? new BankDestination(countryCode, currencyCode, iban, null, code) : null;
        }
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
