using Payouts.BatchService.Application;
using Payouts.BatchService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Json;

namespace Payouts.BatchService.Endpoints;

/// <summary>Errors of the second-factor endpoints: refusals of the factor as <see cref="TwoFactorRefusal"/>, the rest in the bulk envelope.</summary>
public static class TwoFactorResults
{
    public static IResult ToTwoFactorResult(this ApiError error) =>
        error.IsTwoFactorError() ? FamilyJson.Result(new TwoFactorRefusal(false, error.Message), error.StatusCode) : error.ToResult();

    /// <summary>Declares the refusal body on the statuses it is written with, so the OpenAPI document shows it instead of the envelope.</summary>
    public static RouteHandlerBuilder ProducesTwoFactorRefusals(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<TwoFactorRefusal>(StatusCodes.Status403Forbidden)
        .Produces<TwoFactorRefusal>(StatusCodes.Status429TooManyRequests);
}
