using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Net.Http.Headers;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.ServiceDefaults.Authentication;

/// <summary>
/// Answers 401 and 403 with the family envelope of the request path instead of an empty body.
/// </summary>
internal sealed class ApiErrorJwtBearerEvents : JwtBearerEvents
{
    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();

        var hasToken = context.Request.Headers.Authorization.Count > 0;
        context.Response.Headers[HeaderNames.WWWAuthenticate] = context.AuthenticateFailure is null
            ? "Bearer"
            : "Bearer error=\"invalid_token\"";

        var error = hasToken
            ? ApiError.AuthenticationRequired("The authorization token is invalid or expired")
            : MissingToken.For(context.Request.Path);
        await ApiErrorWriter.TryWriteAsync(context.HttpContext, error);
    }

    public override Task Forbidden(ForbiddenContext context) =>
        ApiErrorWriter.TryWriteAsync(context.HttpContext, PermissionDenied.For(context.Request.Path));
}
