using System.Text.Json.Serialization;

namespace Payouts.SettlementService.Providers;

/// <summary>A transfer as the provider reports it (seed 004 §4).</summary>
public sealed record ProviderTransfer(
    [property: JsonPropertyName("_id")] string Id,
    string Status,
    decimal Amount,
    string? Currency,
    string? DebitAccountId,
    string? BeneficiaryBankCode,
    string? BeneficiaryAccountNumber,
    string? Narration,
    string PaymentReference,
    string? FailureCode,
    string? FailureReason,
    DateTimeOffset CreatedAt)
{
    /// <summary>Never print the beneficiary's full account number.</summary>
    public override string ToString() => $"ProviderTransfer {{ Id = {Id}, Status = {Status}, PaymentReference = {PaymentReference} }}";
}

/// <summary>The body the provider takes to create a transfer; carries the full account number, so never logged.</summary>
public sealed record ProviderTransferRequest(
    string DebitAccountId,
    string BeneficiaryBankCode,
    string BeneficiaryAccountNumber,
    decimal Amount,
    string Currency,
    string Narration,
    string PaymentReference)
{
    public override string ToString() => $"ProviderTransferRequest {{ PaymentReference = {PaymentReference} }}";
}

/// <summary>The provider's envelope: <c>{ success, data }</c> or <c>{ success: false, code, message }</c>.</summary>
internal sealed record ProviderEnvelope<T>(bool Success, T? Data, string? Code, string? Message);
