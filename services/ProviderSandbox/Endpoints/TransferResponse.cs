using System.Text.Json.Serialization;
using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Endpoints;

/// <summary>A transfer as the provider shows it (seed 004 §4 fields, plus the rail's beneficiary and any failure).</summary>
public sealed record TransferResponse(
    [property: JsonPropertyName("_id")] string Id,
    string Status,
    string Rail,
    decimal Amount,
    string Currency,
    string DebitAccountId,
    string? BeneficiaryBankCode,
    string? BeneficiaryAccountNumber,
    string? BeneficiaryEmail,
    string? BeneficiaryConnectedAccountId,
    string? Narration,
    string PaymentReference,
    string? FailureCode,
    string? FailureReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static TransferResponse From(Transfer transfer) => new(
        transfer.Id,
        transfer.Status,
        transfer.Rail,
        transfer.Amount,
        transfer.Currency,
        transfer.DebitAccountId,
        transfer.BeneficiaryBankCode,
        transfer.BeneficiaryAccountNumber,
        transfer.BeneficiaryEmail,
        transfer.BeneficiaryConnectedAccountId,
        transfer.Narration,
        transfer.PaymentReference,
        transfer.FailureCode,
        transfer.FailureReason,
        transfer.CreatedAt,
        transfer.UpdatedAt);
}
