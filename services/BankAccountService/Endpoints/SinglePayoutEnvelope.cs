namespace Payouts.BankAccountService.Endpoints;

/// <summary>Seed 002's success envelope: <c>{status, status_code, message, data}</c>.</summary>
public static class SinglePayoutEnvelope
{
    public static IResult Ok(object? data, int statusCode = StatusCodes.Status200OK, string message = "Request successful") =>
        Results.Json(new { status = "success", status_code = statusCode, message, data }, statusCode: statusCode);
}
