using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Seed 002 <c>POST /payout/simple</c>: a payout to a beneficiary's payment details; the response embeds the beneficiary.</summary>
public static class SimplePayoutEndpoints
{
    public static IEndpointRouteBuilder MapSimplePayoutEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/payout/simple", Create).RequireAuthorization().Produces<SinglePayoutResponse<SimplePayout>>();
        return app;
    }

    private static async Task<IResult> Create(HttpContext http, UserDirectory directory, PayoutsDbContext db, PayoutLifecycle lifecycle,
        IdempotentOperation idempotent, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var user = await directory.EnsureAsync(caller, ct);
        var validation = await SimplePayoutValidator.ValidateAsync(fields, caller, user, db, ct);
        if (validation.Value is not { } valid) return validation.Error!.ToResult();

        var response = await idempotent.RunAsync($"user:{caller.UserId}:simple", http.Request.IdempotencyKey(), fields.Fingerprint(), async () =>
        {
            var requested = await lifecycle.RequestAsync(valid.ToPayout(), ct);
            if (requested.Value is not { } payout) return requested.Error!;
            await db.SaveChangesAsync(ct);
            return ApiJson.Response(SinglePayoutResponse<SimplePayout>.Of(
                SimplePayout.Of(payout, valid.BeneficiaryId, EmbeddedBeneficiary.Of(valid.Details, valid.Profile))), ApiJson.SnakeCase);
        }, ct);
        return response.ToResult();
    }
}
