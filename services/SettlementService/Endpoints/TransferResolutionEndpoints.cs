using System.Security.Claims;
using Payouts.Contracts.Settlement;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Json;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Providers;
using Payouts.SettlementService.Reconciliation;

namespace Payouts.SettlementService.Endpoints;

/// <summary>
/// <c>POST /api/admin/settlement/transfers/{payoutId}/resolve</c>: an operator closes an open transfer reconciliation
/// cannot, as completed or failed, only where the provider's live answer allows it (<see cref="Transfer.ProviderAllows"/>).
/// </summary>
public static class TransferResolutionEndpoints
{
    public static IEndpointRouteBuilder MapTransferResolutionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/settlement/transfers/{payoutId}/resolve", Resolve).RequireAuthorization(PayoutsPolicies.Admin)
            .Produces<TransferResolutionResponse>();
        return app;
    }

    private static async Task<IResult> Resolve(
        string payoutId, HttpRequest request, ClaimsPrincipal user, TransferResolver resolver, CancellationToken cancellationToken)
    {
        // Not a route constraint: a malformed id is the caller's mistake (400), not an unknown path (404).
        if (!Guid.TryParse(payoutId, out var id))
        {
            return ApiError.Validation("payoutId", "payoutId must be a payout uuid").ToResult();
        }

        var (body, error) = await ResolveTransferRequest.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return error!.ToResult();
        }

        // The resolution records who made it; a token without a subject cannot.
        var subject = user.FindFirstValue(PayoutsClaimTypes.Subject);
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > OperatorResolution.MaxResolvedByLength)
        {
            return ApiError.InsufficientPermissions("The token does not identify the operator").ToResult();
        }

        var result = await resolver.ResolveAsync(id, new OperatorResolution(body.Outcome, subject, body.Note), cancellationToken);
        return result switch
        {
            ResolutionResult.Resolved { Transfer: var transfer, AtProvider: var theirs } =>
                FamilyJson.Result(new TransferResolutionResponse(TransferResolutionData.From(transfer, theirs))),
            ResolutionResult.NotFound => ApiError.NotFound("Transfer not found").ToResult(),
            ResolutionResult.NotOpen { Transfer.Status: TransferStatus.Sending } =>
                Conflict("The transfer is being sent to the provider; nothing was changed. Try again once its outcome is recorded").ToResult(),
            ResolutionResult.NotOpen { Transfer.Status: var status } =>
                Conflict($"The transfer is already {status}; nothing was changed").ToResult(),
            ResolutionResult.Contradicted { AtProvider: var theirs } =>
                Conflict(Contradiction(body.Outcome, theirs)).ToResult(),
            ResolutionResult.TooRecent { CallWindow: var window } =>
                Conflict($"The provider holds no transfer yet, but ours was sent less than {window.TotalSeconds:0} s ago and may still reach it; " +
                    "nothing was changed. Try again later").ToResult(),
            _ => ApiError.ServiceUnavailable("The provider gave no usable answer for the transfer; nothing was changed. Try again later").ToResult(),
        };
    }

    private static ApiError Conflict(string message) => new(StatusCodes.Status409Conflict, "conflict", message);

    private static string Contradiction(string outcome, ProviderTransfer? theirs) => (outcome, theirs?.Status) switch
    {
        (TransferStatus.Failed, _) =>
            $"The provider reports the transfer {theirs!.Status}: money that left is never released, so it cannot be resolved as failed; nothing was changed",
        (_, null) => "The provider holds no transfer for this payment reference, so it cannot be resolved as completed; nothing was changed",
        (_, var status) => $"The provider reports the transfer {status}, so it cannot be resolved as completed; nothing was changed",
    };
}

public sealed record TransferResolutionResponse(TransferResolutionData Data)
{
    public bool Success => true;
}

/// <summary>The transfer after an operator closed it, beside the provider's record it was closed on.</summary>
/// <param name="ProviderStatus">The provider's status for the payment reference, <c>not_found</c> when it holds none.</param>
public sealed record TransferResolutionData(
    Guid PayoutId,
    string PaymentReference,
    string Status,
    string? ProviderTransferId,
    decimal Amount,
    string Currency,
    string ProviderStatus,
    decimal? ProviderAmount,
    string? ProviderCurrency,
    string? FailureCode,
    string? FailureReason,
    string Resolution,
    string ResolvedBy,
    DateTimeOffset ResolvedAt,
    string ResolutionNote)
{
    public static TransferResolutionData From(Transfer transfer, ProviderTransfer? theirs) => new(
        transfer.PayoutId, transfer.PaymentReference, transfer.Status, transfer.ProviderTransferId, transfer.Amount, transfer.Currency,
        theirs?.Status ?? ProviderResult.NotFoundStatus, theirs?.Amount, theirs?.Currency, transfer.FailureCode, transfer.FailureReason,
        transfer.Resolution!, transfer.ResolvedBy!, transfer.ResolvedAt!.Value, transfer.ResolutionNote!);
}
