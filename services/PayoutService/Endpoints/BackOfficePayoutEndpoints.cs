using Payouts.PayoutService.Application;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.ApiResponses;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints;

/// <summary>
/// Processing and rejecting payouts: seed 000 back office (<c>/api/payouts/process/</c>, <c>/reject/</c>) and seed 004
/// admin (<c>/api/admin/payouts/{id}/process</c>, <c>/reject</c>). Admins only, in the gateway and here.
/// </summary>
public static class BackOfficePayoutEndpoints
{
    public const int MaxReasonLength = 500;
    public const int MaxReferenceLength = 100;

    public static IEndpointRouteBuilder MapBackOfficePayoutEndpoints(this IEndpointRouteBuilder app)
    {
        var backOffice = app.MapGroup("/api/payouts").RequireAuthorization(PayoutsPolicies.Admin);
        backOffice.MapPost("/process/", ProcessBackOffice)
            .Produces<ProcessingCompleted>().Produces<ProcessingAccepted>(StatusCodes.Status202Accepted);
        backOffice.MapPost("/reject/", RejectBackOffice).Produces<StatusMessage>();

        var admin = app.MapGroup("/api/admin/payouts").RequireAuthorization(PayoutsPolicies.Admin);
        admin.MapPost("/{id}/process", ProcessAdmin)
            .Produces<AdminActionResponse<ProcessedPayout>>().Produces<AdminActionResponse<ProcessedPayout>>(StatusCodes.Status202Accepted);
        admin.MapPost("/{id}/reject", RejectAdmin).Produces<AdminActionResponse<RejectedPayout>>();
        return app;
    }

    private static async Task<IResult> ProcessBackOffice(HttpContext http, PayoutOperations operations, CancellationToken ct)
    {
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var payoutId = fields.Required("payout_id", errors, "The payout id field is required.");
        var reference = fields.Text("transaction_id", MaxReferenceLength, errors);
        var notes = fields.Text("notes", MaxReasonLength, errors);
        if (errors.ToError() is { } invalid) return invalid.ToResult();
        if (http.AdminCaller() is not { } caller) return Caller.Unidentified.ToResult();

        var outcome = await operations.ProcessAsync(caller, payoutId!, reference, notes, http.Request.IdempotencyKey(), fields.Fingerprint(), ct);
        if (outcome.Value is not { Payout: var payout }) return outcome.Error!.ToResult();
        return payout.Status switch
        {
            PayoutStatus.Processing => FamilyJson.Result(new ProcessingAccepted("processing", "Payout is being processed", payout.Id, payout.ProcessedAt),
                StatusCodes.Status202Accepted),
            PayoutStatus.Failed => FamilyJson.Result(new ProcessingFailed("failed", "Payout settlement failed", payout.Id, payout.FailureReason)),
            _ => FamilyJson.Result(new ProcessingCompleted("success", "Payout processed successfully", payout.ProcessedAt, payout.TransactionReference)),
        };
    }

    private static async Task<IResult> ProcessAdmin(string id, HttpContext http, PayoutOperations operations, CancellationToken ct)
    {
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var reference = fields.Text("transactionReference", MaxReferenceLength, errors);
        var notes = fields.Text("notes", MaxReasonLength, errors);
        if (errors.ToError() is { } invalid) return invalid.ToResult();
        if (http.AdminCaller() is not { } caller) return Caller.Unidentified.ToResult();

        var outcome = await operations.ProcessAsync(caller, id, reference, notes, http.Request.IdempotencyKey(), fields.Fingerprint(), ct);
        if (outcome.Value is not { } processed) return outcome.Error!.ToResult();
        var payout = processed.Payout;
        var message = payout.Status switch
        {
            PayoutStatus.Processing => "Payout is being processed",
            PayoutStatus.Failed => "Payout settlement failed",
            _ => "Payout processed successfully",
        };
        return FamilyJson.Result(new AdminActionResponse<ProcessedPayout>(payout.Status != PayoutStatus.Failed, message, new ProcessedPayout(
                payout.Uuid, payout.Status, payout.ProcessedAt, payout.CompletedAt, payout.ProcessedBy, payout.TransactionReference, payout.FailureReason,
                processed.UserBalance)),
            processed.StillProcessing ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);
    }

    private static async Task<IResult> RejectBackOffice(HttpContext http, PayoutOperations operations, CancellationToken ct)
    {
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var payoutId = fields.Required("payout_id", errors, "The payout id field is required.");
        var reason = fields.Text("reason", MaxReasonLength, errors, "The reason field is required.");
        var notes = fields.Text("notes", MaxReasonLength, errors);
        if (errors.ToError() is { } invalid) return invalid.ToResult();
        if (http.AdminCaller() is not { } caller) return Caller.Unidentified.ToResult();

        var outcome = await operations.RejectAsync(caller, payoutId!, reason!, notes, http.Request.IdempotencyKey(), fields.Fingerprint(), ct);
        return outcome.Error?.ToResult() ?? FamilyJson.Result(StatusMessage.Success("Payout rejected successfully"));
    }

    private static async Task<IResult> RejectAdmin(string id, HttpContext http, PayoutOperations operations, CancellationToken ct)
    {
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var reason = fields.Text("rejectionReason", MaxReasonLength, errors, "Rejection reason is required");
        if (errors.ToError() is { } invalid) return invalid.ToResult();
        if (http.AdminCaller() is not { } caller) return Caller.Unidentified.ToResult();

        var outcome = await operations.RejectAsync(caller, id, reason!, null, http.Request.IdempotencyKey(), fields.Fingerprint(), ct);
        if (outcome.Value is not { } payout) return outcome.Error!.ToResult();
        return FamilyJson.Result(new AdminActionResponse<RejectedPayout>(true, "Payout rejected successfully",
            new RejectedPayout(payout.Uuid, payout.Status, payout.ProcessedAt, payout.ProcessedBy, payout.RejectionReason)));
    }
}
