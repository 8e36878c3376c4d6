using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

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
        var backOffice = app.MapGroup("/api/payouts").RequireAuthorization(PayoutsPolicies.Admin).AddEndpointFilter<ApiErrorFilter>();
        backOffice.MapPost("/process/", ProcessBackOffice);
        backOffice.MapPost("/reject/", RejectBackOffice);

        var admin = app.MapGroup("/api/admin/payouts").RequireAuthorization(PayoutsPolicies.Admin).AddEndpointFilter<ApiErrorFilter>();
        admin.MapPost("/{id}/process", ProcessAdmin);
        admin.MapPost("/{id}/reject", RejectAdmin);
        return app;
    }

    private static async Task<IResult> ProcessBackOffice(HttpContext http, PayoutOperations operations, CancellationToken ct)
    {
        var fields = await http.Request.ReadFieldsAsync(ct);
        var payoutId = fields["payout_id"] ?? throw new ApiErrorException(ApiError.Validation("payout_id", "The payout id field is required."));
        var reference = fields.Text("transaction_id", MaxReferenceLength);
        var notes = fields.Text("notes", MaxReasonLength);
        var outcome = await operations.ProcessAsync(http.RequireCaller(), payoutId, reference, notes, http.Request.IdempotencyKey(), fields.Fingerprint(), ct);
        var payout = outcome.Payout;
        return payout.Status switch
        {
            PayoutStatus.Processing => ApiJson.Snake(new
            {
                status = "processing", message = "Payout is being processed", payout_id = payout.Id, processed_at = payout.ProcessedAt,
            }, StatusCodes.Status202Accepted),
            PayoutStatus.Failed => ApiJson.Snake(new
            {
                status = "failed", message = "Payout settlement failed", payout_id = payout.Id, failure_reason = payout.FailureReason,
            }),
            _ => ApiJson.Snake(new
            {
                status = "success", message = "Payout processed successfully", processed_at = payout.ProcessedAt, transaction_id = payout.TransactionReference,
            }),
        };
    }

    private static async Task<IResult> ProcessAdmin(string id, HttpContext http, PayoutOperations operations, CancellationToken ct)
    {
        var fields = await http.Request.ReadFieldsAsync(ct);
        var reference = fields.Text("transactionReference", MaxReferenceLength);
        var notes = fields.Text("notes", MaxReasonLength);
        var outcome = await operations.ProcessAsync(http.RequireCaller(), id, reference, notes, http.Request.IdempotencyKey(), fields.Fingerprint(), ct);
        var payout = outcome.Payout;
        return ApiJson.Camel(new
        {
            success = payout.Status != PayoutStatus.Failed,
            message = payout.Status switch
            {
                PayoutStatus.Processing => "Payout is being processed",
                PayoutStatus.Failed => "Payout settlement failed",
                _ => "Payout processed successfully",
            },
            data = new
            {
                id = payout.Uuid, status = payout.Status, processedAt = payout.ProcessedAt, completedAt = payout.CompletedAt,
                processedBy = payout.ProcessedBy, transactionReference = payout.TransactionReference, failureReason = payout.FailureReason,
                userBalance = outcome.UserBalance,
            },
        }, outcome.StillProcessing ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);
    }

    private static async Task<IResult> RejectBackOffice(HttpContext http, PayoutOperations operations, CancellationToken ct)
    {
        var fields = await http.Request.ReadFieldsAsync(ct);
        var payoutId = fields["payout_id"] ?? throw new ApiErrorException(ApiError.Validation("payout_id", "The payout id field is required."));
        var reason = fields.Text("reason", MaxReasonLength) ?? throw new ApiErrorException(ApiError.Validation("reason", "The reason field is required."));
        var notes = fields.Text("notes", MaxReasonLength);
        await operations.RejectAsync(http.RequireCaller(), payoutId, reason, notes, http.Request.IdempotencyKey(), fields.Fingerprint(), ct);
        return ApiJson.Snake(new { status = "success", message = "Payout rejected successfully" });
    }

    private static async Task<IResult> RejectAdmin(string id, HttpContext http, PayoutOperations operations, CancellationToken ct)
    {
        var fields = await http.Request.ReadFieldsAsync(ct);
        var reason = fields.Text("rejectionReason", MaxReasonLength)
            ?? throw new ApiErrorException(ApiError.Validation("rejectionReason", "Rejection reason is required"));
        var payout = await operations.RejectAsync(http.RequireCaller(), id, reason, null, http.Request.IdempotencyKey(), fields.Fingerprint(), ct);
        return ApiJson.Camel(new
        {
            success = true,
            message = "Payout rejected successfully",
            data = new { id = payout.Uuid, status = payout.Status, processedAt = payout.ProcessedAt, processedBy = payout.ProcessedBy, rejectionReason = payout.RejectionReason },
        });
    }
}
