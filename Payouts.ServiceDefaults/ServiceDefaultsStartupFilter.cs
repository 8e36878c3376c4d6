using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Payouts.ServiceDefaults.Correlation;
using Payouts.ServiceDefaults.Diagnostics;

namespace Payouts.ServiceDefaults;

/// <summary>
/// Puts the correlation id and <c>X-Served-By</c> at the very front of every pipeline, so even
/// responses produced by framework middleware (developer exception page, auth) carry them.
/// </summary>
internal sealed class ServiceDefaultsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<ServedByMiddleware>();
        next(app);
    };
}
