using System.Text.Json.Serialization;

namespace Payouts.Console.Api.Admin;

/// <summary>
/// The provider's live view joined with settlement's record: <c>status</c> is the provider's, <c>settlementStatus</c>
/// ours; the resolution fields only for a transfer an operator closed.
/// </summary>
public sealed record TransferStatus(
    [property: JsonPropertyName("_id")] string Id, string Status, decimal Amount, string Currency, string? DebitAccountId, string Rail,
    string? BeneficiaryBankCode, string? BeneficiaryAccountNumber, string? BeneficiaryEmail, string? BeneficiaryConnectedAccountId,
    string Narration, string PaymentReference, DateTimeOffset CreatedAt, Guid PayoutId, string SettlementStatus,
    string? Resolution, string? ResolvedBy, DateTimeOffset? ResolvedAt, string? ResolutionNote)
{
    /// <summary>Where the money went, masked as the API gave it.</summary>
    public string Beneficiary => BeneficiaryAccountNumber ?? BeneficiaryEmail ?? BeneficiaryConnectedAccountId ?? "—";
}
