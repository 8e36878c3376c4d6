using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Payouts.ServiceDefaults.ApiErrors;

namespace Microsoft.Extensions.Hosting;

public static class PublicApiEndpointExtensions
{
    /// <summary>
    /// Answers every request no endpoint matched with 404 in the family envelope of its path.
    /// Catches every path (also ones with a dot, which <c>MapFallback()</c> alone skips).
    /// </summary>
    public static WebApplication MapPublicApiFallback(this WebApplication app)
    {
        // A plain RequestDelegate: RequestDelegateFactory cannot bind this library's parameterless lambda here.
        app.MapFallback("{**path}", (RequestDelegate)(async context => await ApiErrorWriter.TryWriteAsync(context, ApiError.NotFound())))
            .AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Gives empty 4xx/5xx responses on public API paths (e.g. 405 from routing) a body in the
    /// family envelope.
    /// </summary>
    public static IApplicationBuilder UsePublicApiStatusCodeEnvelopes(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async statusCodeContext =>
        {
            var httpContext = statusCodeContext.HttpContext;
            if (ApiFamilies.IsPublicApiPath(httpContext.Request.Path))
            {
                var error = httpContext.Response.StatusCode == StatusCodes.Status403Forbidden
                    ? PermissionDenied.For(httpContext.Request.Path)
                    : ApiError.ForStatusCode(httpContext.Response.StatusCode);
                await ApiErrorWriter.TryWriteAsync(httpContext, error);
            }
        });
}
