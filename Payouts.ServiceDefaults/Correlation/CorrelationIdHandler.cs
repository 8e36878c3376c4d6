using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Payouts.ServiceDefaults.Correlation;

/// <summary>
/// Forwards the current correlation id on outgoing HttpClient calls: the incoming request's id,
/// else the one carried as Activity baggage (e.g. inside a message consumer).
/// </summary>
public sealed class CorrelationIdHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains(CorrelationIds.HeaderName) && CurrentCorrelationId() is { } correlationId)
        {
            request.Headers.TryAddWithoutValidation(CorrelationIds.HeaderName, correlationId);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private string? CurrentCorrelationId()
    {
        if (httpContextAccessor.HttpContext?.Items[CorrelationIds.HeaderName] is string fromRequest)
        {
            return fromRequest;
        }

        var fromBaggage = Activity.Current?.GetBaggageItem(CorrelationIds.ActivityKey);
        return CorrelationIds.IsValid(fromBaggage) ? fromBaggage : null;
    }
}
