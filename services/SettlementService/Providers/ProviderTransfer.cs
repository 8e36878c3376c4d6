using System.Text.Json.Serialization;
using Payouts.SettlementService.Domain;

namespace Payouts.SettlementService.Providers;

/// <summary>A transfer as the provider reports it (seed 004 §4).</summary>
public sealed record ProviderTransfer(
    [property: JsonPropertyName("_id")] string Id,
    string Status,
    decimal Amount,
    string? Currency,
    string? DebitAccountId,
    string? Rail,
    string? BeneficiaryBankCode,
    string? BeneficiaryAccountNumber,
    string? BeneficiaryEmail,
    string? BeneficiaryConnectedAccountId,
    string? Narration,
    string PaymentReference,
    string? FailureCode,
    string? FailureReason,
    DateTimeOffset CreatedAt)
{
    /// <summary>Never print the beneficiary's full account number or handle.</summary>
    public override string ToString() => $"ProviderTransfer {{ Id = {Id}, Status = {Status}, PaymentReference = {PaymentReference} }}";
}

/// <summary>
/// The body the provider takes to create a transfer; carries the full account number or handle, so never logged.
/// Only the rail's own beneficiary fields are set (null ones are not sent).
/// </summary>
public sealed record ProviderTransferRequest(
    string DebitAccountId,
    string? BeneficiaryBankCode,
    string? BeneficiaryAccountNumber,
    decimal Amount,
    string Currency,
    string Narration,
    string PaymentReference,
    string Rail = Rails.BankTransfer,
    string? BeneficiaryEmail = null,
    string? BeneficiaryConnectedAccountId = null)
{
    public static ProviderTransferRequest To(Beneficiary beneficiary, string debitAccountId, decimal amount, string currency, string narration, string paymentReference) =>
        new(debitAccountId,
            beneficiary.Rail == Rails.BankTransfer ? beneficiary.BankCode ?? "" : null,
            beneficiary.Rail == Rails.BankTransfer ? beneficiary.AccountNumber : null,
            amount,
            currency,
            narration,
            paymentReference,
            beneficiary.Rail,
            beneficiary.Email,
            beneficiary.ConnectedAccountId);

    public override string ToString() => $"ProviderTransferRequest {{ Rail = {Rail}, PaymentReference = {PaymentReference} }}";
}

/// <summary>The provider's envelope: <c>{ success, data }</c> or <c>{ success: false, code, message }</c>.</summary>
internal sealed record ProviderEnvelope<T>(bool Success, T? Data, string? Code, string? Message);
