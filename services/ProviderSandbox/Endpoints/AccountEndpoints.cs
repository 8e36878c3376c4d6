using Microsoft.EntityFrameworkCore;
using Payouts.ProviderSandbox.Authentication;
using Payouts.ProviderSandbox.Data;
using Payouts.ProviderSandbox.Domain;
using Payouts.ProviderSandbox.Transfers;

namespace Payouts.ProviderSandbox.Endpoints;

/// <summary>The settlement (debit) accounts transfers are paid from.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/accounts/{accountId}", GetAccount).RequireAuthorization(ApiKeyAuthentication.Policy);
        return app;
    }

    public static async Task<AccountResponse?> ReadAccountAsync(SandboxDbContext db, string accountId, CancellationToken cancellationToken)
    {
        var balances = await db.AccountBalances.AsNoTracking()
            .Where(b => b.AccountId == accountId)
            .OrderBy(b => b.Currency)
            .Select(b => new BalanceResponse(b.Currency, b.Balance, b.UpdatedAt))
            .ToListAsync(cancellationToken);
        return balances.Count == 0 ? null : new AccountResponse(accountId, balances);
    }

    private static async Task<IResult> GetAccount(string accountId, SandboxDbContext db, PendingTransferResolver resolver, CancellationToken cancellationToken)
    {
        // Late failures return their debit; resolve them first so the balance is current.
        await resolver.ResolveDueAsync(cancellationToken);
        return await ReadAccountAsync(db, accountId, cancellationToken) is { } account
            ? TypedResults.Ok(new ProviderResponse<AccountResponse>(account))
            : new ProviderError(FailureCodes.NotFound, "Account not found").ToResult(StatusCodes.Status404NotFound);
    }
}
