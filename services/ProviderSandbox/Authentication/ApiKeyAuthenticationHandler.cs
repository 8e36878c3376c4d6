using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Payouts.ProviderSandbox.Configuration;
using Payouts.ProviderSandbox.Domain;
using Payouts.ProviderSandbox.Endpoints;

namespace Payouts.ProviderSandbox.Authentication;

/// <summary>Authenticates a caller by the <c>X-Api-Key</c> header against <c>Sandbox:ApiKeys</c>.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<SandboxOptions> sandboxOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyAuthentication.HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(values[0]!);
        var index = sandboxOptions.CurrentValue.ApiKeys.FindIndex(key =>
            key.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), presented));
        if (index < 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        // The key's position names the caller; the key itself never goes into claims or logs.
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, $"api-key-{index}")], ApiKeyAuthentication.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyAuthentication.Scheme)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = ApiKeyAuthentication.HeaderName;
        var message = Request.Headers.ContainsKey(ApiKeyAuthentication.HeaderName)
            ? "The API key is not valid"
            : $"An API key is required in the {ApiKeyAuthentication.HeaderName} header";
        await Response.WriteAsJsonAsync(new ProviderError(FailureCodes.Unauthorized, message));
    }
}
