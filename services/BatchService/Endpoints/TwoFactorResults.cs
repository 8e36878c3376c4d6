using Payouts.BatchService.Application;
using Payouts.BatchService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Json;

namespace Payouts.BatchService.Endpoints;

/// <summary>Errors of the second-factor endpoints: refusals of the factor as <see cref="TwoFactorRefusal"/>, the rest in the bulk envelope.</summary>
public static class TwoFactorResults
{
    public static IResult ToTwoFactorResult(this ApiError error) =>
        error.IsTwoFactorError() ? new TwoFactorRefusalResult(error) : error.ToResult();

    /// <summary>Declares the refusal body on the statuses it is written with, so the OpenAPI document shows it instead of the envelope.</summary>
    public static RouteHandlerBuilder ProducesTwoFactorRefusals(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<TwoFactorRefusal>(StatusCodes.Status403Forbidden)
        .Produces<TwoFactorRefusal>(StatusCodes.Status429TooManyRequests);

    /// <summary>The refusal body, with <c>Retry-After</c> when the refusal ends at a known time (a lock).</summary>
    private sealed class TwoFactorRefusalResult(ApiError error) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ApiErrorWriter.WriteRetryAfter(httpContext.Response, error);
            return FamilyJson.Result(new TwoFactorRefusal(false, error.Message), error.StatusCode).ExecuteAsync(httpContext);
        }
    }
}
