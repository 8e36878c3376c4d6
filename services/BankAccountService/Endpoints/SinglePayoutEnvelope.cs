using Payouts.ServiceDefaults.ApiResponses;
using Payouts.ServiceDefaults.Json;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>Answers in seed 002's success envelope (<see cref="SinglePayoutResponse{T}"/>), with its status code.</summary>
public static class SinglePayoutEnvelope
{
    public static IResult Ok<T>(T data, int statusCode = StatusCodes.Status200OK, string message = "Request successful") =>
        FamilyJson.Result(SinglePayoutResponse<T>.Of(data, statusCode, message), statusCode);
}
