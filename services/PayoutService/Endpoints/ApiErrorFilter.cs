using Payouts.PayoutService.Application;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Turns <see cref="ApiErrorException"/> into the family envelope for every endpoint.</summary>
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
