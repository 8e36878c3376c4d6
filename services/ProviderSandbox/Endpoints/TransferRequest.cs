using System.Text.RegularExpressions;
using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Endpoints;

/// <summary>
/// Body of <c>POST /transfers</c>. <c>rail</c> defaults to <c>bank_transfer</c> (bank code + account number);
/// <c>paypal</c> takes <c>beneficiaryEmail</c> and <c>stripe</c> takes <c>beneficiaryConnectedAccountId</c>.
/// </summary>
public sealed partial record TransferRequest(
    string? DebitAccountId,
    string? BeneficiaryBankCode,
    string? BeneficiaryAccountNumber,
    decimal? Amount,
    string? Currency,
    string? Narration,
    string? PaymentReference,
    string? Rail = null,
    string? BeneficiaryEmail = null,
    string? BeneficiaryConnectedAccountId = null)
{
    /// <summary>The largest amount numeric(19,4) holds.</summary>
    private const decimal MaxAmount = 999_999_999_999_999.9999m;

    public Dictionary<string, string[]> Validate(out TransferInstruction? instruction)
    {
        var errors = new Dictionary<string, string[]>();
        var rail = string.IsNullOrWhiteSpace(Rail) ? Rails.BankTransfer : Rail.Trim().ToLowerInvariant();

        Require(errors, "paymentReference", PaymentReference, 100);
        Require(errors, "debitAccountId", DebitAccountId, 64);
        if (Amount is not { } amount || amount <= 0 || amount > MaxAmount || decimal.Round(amount, 4) != amount)
            errors["amount"] = ["amount must be a positive number with at most 4 decimal places"];
        if (Currency is null || !CurrencyCode().IsMatch(Currency))
            errors["currency"] = ["currency must be an ISO 4217 code of three upper-case letters"];
        if (Narration is { Length: > 255 })
            errors["narration"] = ["narration must be at most 255 characters"];

        switch (rail)
        {
            case Rails.BankTransfer:
                if (BeneficiaryBankCode is null || !BankCode().IsMatch(BeneficiaryBankCode))
                    errors["beneficiaryBankCode"] = ["beneficiaryBankCode must be 3 to 20 letters or digits"];
                if (BeneficiaryAccountNumber is null || !AccountNumber().IsMatch(BeneficiaryAccountNumber))
                    errors["beneficiaryAccountNumber"] = ["beneficiaryAccountNumber must be 6 to 34 digits"];
                break;
            case Rails.PayPal:
                if (BeneficiaryEmail is null || BeneficiaryEmail.Length > 254 || !Email().IsMatch(BeneficiaryEmail))
                    errors["beneficiaryEmail"] = ["beneficiaryEmail must be an email address"];
                break;
            case Rails.Stripe:
                if (BeneficiaryConnectedAccountId is null || !ConnectedAccount().IsMatch(BeneficiaryConnectedAccountId))
                    errors["beneficiaryConnectedAccountId"] = ["beneficiaryConnectedAccountId must look like acct_…"];
                break;
            default:
                errors["rail"] = [$"rail must be one of {Rails.BankTransfer}, {Rails.PayPal}, {Rails.Stripe}"];
                break;
        }

        instruction = errors.Count > 0
            ? null
            : new TransferInstruction(
                PaymentReference!.Trim(),
                DebitAccountId!.Trim(),
                rail,
                rail == Rails.BankTransfer ? BeneficiaryBankCode : null,
                rail == Rails.BankTransfer ? BeneficiaryAccountNumber : null,
                rail == Rails.PayPal ? BeneficiaryEmail : null,
                rail == Rails.Stripe ? BeneficiaryConnectedAccountId : null,
                Amount!.Value,
                Currency!,
                Narration);
        return errors;
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > maxLength)
            errors[field] = [$"{field} is required (at most {maxLength} characters)"];
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex("^[A-Za-z0-9]{3,20}$")]
    private static partial Regex BankCode();

    [GeneratedRegex("^[0-9]{6,34}$")]
    private static partial Regex AccountNumber();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex("^acct_[A-Za-z0-9_]{1,59}$")]
    private static partial Regex ConnectedAccount();
}
