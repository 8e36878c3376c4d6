using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Seed 000 app actions: request a payout, cancel a pending one.</summary>
public static class PayoutActionEndpoints
{
    public static IEndpointRouteBuilder MapPayoutActionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/action/payout").RequireAuthorization();
        group.MapPost("/", Request).Produces<PayoutRequestAccepted>();
        group.MapPost("/cancel/", Cancel).Produces<StatusMessage>();
        return app;
    }

    private static async Task<IResult> Request(HttpContext http, UserDirectory directory, PayoutsDbContext db, PayoutLifecycle lifecycle,
        IdempotentOperation idempotent, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var user = await directory.EnsureAsync(caller, ct);
        var validation = await PayoutRequestValidator.ValidateAsync(fields, user, db, ct);
        if (validation.Value is not { } request) return validation.Error!.ToResult();

        var response = await idempotent.RunAsync($"user:{caller.UserId}:payout", http.Request.IdempotencyKey(), fields.Fingerprint(), async () =>
        {
            var requested = await lifecycle.RequestAsync(request.ToPayout(user), ct);
            if (requested.Value is not { } payout) return requested.Error!;
            await db.SaveChangesAsync(ct);
            return ApiJson.Response(PayoutRequestAccepted.Of(payout, request.Method), ApiJson.SnakeCase);
        }, ct);
        return response.ToResult();
    }

    private static async Task<IResult> Cancel(HttpContext http, UserDirectory directory, PayoutsDbContext db, PayoutLifecycle lifecycle,
        IdempotentOperation idempotent, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        if (fields["payout_id"] is not { } payoutId) return ApiError.Validation("payout_id", "The payout id field is required.").ToResult();
        var user = await directory.EnsureAsync(caller, ct);

        var response = await idempotent.RunAsync($"user:{caller.UserId}:cancel", http.Request.IdempotencyKey(), fields.Fingerprint(), async () =>
        {
            var payout = await lifecycle.LockAsync(payoutId, ct);
            // Another user's payout does not exist for this caller (unless it draws on the caller's company wallet).
            if (payout is null || !payout.IsVisibleTo(user.Id, caller.CompanyId)) return ApiError.NotFound("Payout not found");
            if (await lifecycle.CancelAsync(payout, "cancelled by user", ct) is { } refusal) return refusal;
            await db.SaveChangesAsync(ct);
            return ApiJson.Response(StatusMessage.Success("Payout cancelled successfully"), ApiJson.SnakeCase);
        }, ct);
        return response.ToResult();
    }
}
