using Payouts.PayoutService.Application;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.ApiResponses;
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

    private static async Task<IResult> Request(HttpContext http, PayoutRequests requests, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();

        var outcome = await requests.RequestAsync(caller, fields, http.Request.IdempotencyKey(),
            (payout, method) => ApiJson.Response(PayoutRequestAccepted.Of(payout, method), ApiFamily.App), ct);
        return outcome.ToResult();
    }

    private static async Task<IResult> Cancel(HttpContext http, PayoutRequests requests, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        if (fields["payout_id"] is not { } payoutId) return ApiError.Validation("payout_id", "The payout id field is required.").ToResult();

        var outcome = await requests.CancelAsync(caller, payoutId, fields.Fingerprint(), http.Request.IdempotencyKey(),
            () => ApiJson.Response(StatusMessage.Success("Payout cancelled successfully"), ApiFamily.App), ct);
        return outcome.ToResult();
    }
}
