using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Seed 000 app actions: request a payout, cancel a pending one.</summary>
public static class PayoutActionEndpoints
{
    public static IEndpointRouteBuilder MapPayoutActionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/action/payout").RequireAuthorization().AddEndpointFilter<ApiErrorFilter>();
        group.MapPost("/", Request);
        group.MapPost("/cancel/", Cancel);
        return app;
    }

    private static async Task<IResult> Request(HttpContext http, UserDirectory directory, PayoutsDbContext db, PayoutLifecycle lifecycle,
        IdempotentOperation idempotent, CancellationToken ct)
    {
        var caller = http.RequireCaller();
        var fields = await http.Request.ReadFieldsAsync(ct);
        var user = await directory.EnsureAsync(caller, ct);
        var request = await PayoutRequestValidator.ValidateAsync(fields, user, db, ct);

        var response = await idempotent.RunAsync($"user:{caller.UserId}:payout", http.Request.IdempotencyKey(), fields.Fingerprint(), async () =>
        {
            var payout = await lifecycle.RequestAsync(request.ToPayout(user), ct);
            await db.SaveChangesAsync(ct);
            return ApiJson.Response(new
            {
                status = "success",
                message = "Payout request submitted successfully",
                payout_id = payout.Id,
                payout_uuid = payout.Uuid,
                reference = payout.Reference,
                estimated_processing_time = request.Method.ProcessingTime,
                amount = payout.Amount,
                fees = payout.Fees,
                net_amount = payout.NetAmount,
                currency = payout.Currency,
                payout_status = payout.Status,
                settlement = PayoutQueryEndpoints.Settlement(payout),
            }, ApiJson.SnakeCase);
        }, ct);
        return response.ToResult();
    }

    private static async Task<IResult> Cancel(HttpContext http, UserDirectory directory, PayoutsDbContext db, PayoutLifecycle lifecycle,
        IdempotentOperation idempotent, CancellationToken ct)
    {
        var caller = http.RequireCaller();
        var fields = await http.Request.ReadFieldsAsync(ct);
        var payoutId = fields["payout_id"] ?? throw new ApiErrorException(ApiError.Validation("payout_id", "The payout id field is required."));
        var user = await directory.EnsureAsync(caller, ct);

        var response = await idempotent.RunAsync($"user:{caller.UserId}:cancel", http.Request.IdempotencyKey(), fields.Fingerprint(), async () =>
        {
            var payout = await lifecycle.LockAsync(payoutId, ct);
            // Another user's payout does not exist for this caller (unless it draws on the caller's company wallet).
            if (payout is null || !payout.IsVisibleTo(user.Id, caller.CompanyId))
                throw new ApiErrorException(ApiError.NotFound("Payout not found"));
            await GuardedTransition.RunAsync(() => lifecycle.CancelAsync(payout, "cancelled by user", ct));
            await db.SaveChangesAsync(ct);
            return ApiJson.Response(new { status = "success", message = "Payout cancelled successfully" }, ApiJson.SnakeCase);
        }, ct);
        return response.ToResult();
    }
}
