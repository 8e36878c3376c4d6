using Payouts.ProviderSandbox.Application;
using Payouts.ProviderSandbox.Authentication;
using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Endpoints;

/// <summary>The debit accounts transfers are paid from.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/accounts/{accountId}", GetAccount).RequireAuthorization(ApiKeyAuthentication.Policy);
        return app;
    }

    private static async Task<IResult> GetAccount(string accountId, DebitAccounts accounts, CancellationToken cancellationToken) =>
        await accounts.BalancesAsync(accountId, cancellationToken) is { Count: > 0 } balances
            ? TypedResults.Ok(new ProviderResponse<AccountResponse>(AccountResponse.From(accountId, balances)))
            : new ProviderError(FailureCodes.NotFound, "Account not found").ToResult(StatusCodes.Status404NotFound);
}
