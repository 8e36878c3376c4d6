using System.Text.Json.Serialization;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Json;
using Payouts.SettlementService.Application;
using Payouts.SettlementService.Domain;

namespace Payouts.SettlementService.Endpoints;

/// <summary>Seed 004 §4: <c>GET /api/admin/payouts/transfer-status/{transferId}</c>, our record joined with the provider's live answer.</summary>
public static class TransferStatusEndpoints
{
    public static IEndpointRouteBuilder MapTransferStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/payouts/transfer-status/{transferId}", GetTransferStatus).RequireAuthorization(PayoutsPolicies.Admin)
            .Produces<TransferStatusResponse>();
        return app;
    }

    private static async Task<IResult> GetTransferStatus(string transferId, TransferStatusLookup lookup, CancellationToken cancellationToken)
    {
        if (await lookup.FindAsync(transferId, cancellationToken) is not var (transfer, live))
        {
            return ApiError.NotFound("Transfer not found").ToResult();
        }

        return FamilyJson.Result(new TransferStatusResponse(new TransferStatusData(
            transferId,
            live?.Status ?? transfer.Status,
            live?.Amount ?? transfer.Amount,
            transfer.Currency,
            live?.DebitAccountId,
            transfer.Rail,
            transfer.BeneficiaryBankCode,
            transfer.Rail == Rails.BankTransfer ? transfer.BeneficiaryMasked : null,
            transfer.Rail == Rails.PayPal ? transfer.BeneficiaryMasked : null,
            transfer.Rail == Rails.Stripe ? transfer.BeneficiaryMasked : null,
            transfer.Narration,
            transfer.PaymentReference,
            live?.CreatedAt ?? transfer.CreatedAt,
            transfer.PayoutId,
            transfer.Status,
            transfer.Resolution,
            transfer.ResolvedBy,
            transfer.ResolvedAt,
            transfer.ResolutionNote)));
    }
}

public sealed record TransferStatusResponse(TransferStatusData Data)
{
    public bool Success => true;
}

/// <summary>
/// The seed's fields, and the rail's beneficiary (masked) for PayPal and Stripe transfers, which have no bank fields.
/// <c>status</c> is the provider's, <c>settlementStatus</c> ours. A transfer an operator closed also shows
/// <c>resolution</c>, <c>resolvedBy</c>, <c>resolvedAt</c> and <c>resolutionNote</c> (absent otherwise).
/// </summary>
public sealed record TransferStatusData(
    [property: JsonPropertyName("_id")] string Id,
    string Status,
    decimal Amount,
    string Currency,
    string? DebitAccountId,
    string Rail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BeneficiaryBankCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BeneficiaryAccountNumber,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BeneficiaryEmail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BeneficiaryConnectedAccountId,
    string Narration,
    string PaymentReference,
    DateTimeOffset CreatedAt,
    Guid PayoutId,
    string SettlementStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Resolution,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ResolvedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ResolvedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ResolutionNote);
