using Payouts.PayoutService.Application;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Turns <see cref="ApiErrorException"/> into the family envelope and resolves the caller for every endpoint.</summary>
public sealed class ApiErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiErrorException e)
        {
            return e.Error.ToResult();
        }
    }
}

public static class CallerExtensions
{
    /// <summary>The authenticated caller; a token without a numeric <c>sub</c> cannot use payout endpoints.</summary>
    public static Caller RequireCaller(this HttpContext context) =>
        Caller.From(context.User) ?? throw new ApiErrorException(
            ApiError.InsufficientPermissions("The token does not identify a platform user"));

    public static string? IdempotencyKey(this HttpRequest request) =>
        request.Headers.TryGetValue(IdempotentOperation.HeaderName, out var values) ? values.ToString() : null;
}
