using Payouts.PayoutService.Application;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Endpoints;

/// <summary>The shared request toolkit with this service's answers, thrown as <see cref="ApiErrorException"/>.</summary>
public static class PayoutRequestExtensions
{
    /// <summary>The authenticated caller; a token without a numeric <c>sub</c> cannot use payout endpoints.</summary>
    public static Caller RequireCaller(this HttpContext context) =>
        Caller.From(context.User) is { UserId: not null } caller ? caller : throw new ApiErrorException(Caller.Unidentified);

    /// <summary>The body's fields; a body of another type than form or JSON is a 415.</summary>
    public static async Task<RequestFields> ReadFieldsAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, error) = await RequestFields.ReadAsync(request, RequestBodyErrors.UnsupportedMediaType, cancellationToken);
        return fields ?? throw new ApiErrorException(error!);
    }
}
