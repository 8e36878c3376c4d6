using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Payouts.Console.Authentication;

/// <summary>
/// Ends an open page's session when its token expires, not only at the next full page load: the page then shows the
/// sign-in redirect instead of failing calls.
/// </summary>
public sealed class ExpiringSessionStateProvider(ILoggerFactory loggerFactory, IConfiguration configuration, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval { get; } =
        configuration.GetValue("Console:SessionCheckInterval", TimeSpan.FromSeconds(30));

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(ConsoleUser.IsOpen(authenticationState.User, clock.GetUtcNow()));
}
