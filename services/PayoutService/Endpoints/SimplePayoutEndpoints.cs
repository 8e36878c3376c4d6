using Payouts.PayoutService.Application;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.ApiResponses;
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

    private static async Task<IResult> Create(HttpContext http, PayoutRequests requests, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();

        var outcome = await requests.RequestSimpleAsync(caller, fields, http.Request.IdempotencyKey(), (payout, request) => ApiJson.Response(
            SinglePayoutResponse<SimplePayout>.Of(SimplePayout.Of(payout, request.BeneficiaryId, EmbeddedBeneficiary.Of(request.Details, request.Profile))),
            ApiFamily.SinglePayout), ct);
        return outcome.ToResult();
    }
}
