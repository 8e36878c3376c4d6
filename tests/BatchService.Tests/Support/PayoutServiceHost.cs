extern alias PayoutServiceApp;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PayoutServiceApp::Payouts.PayoutService.Data;
using Payouts.Testing;

namespace Payouts.BatchService.Tests.Support;

/// <summary>
/// The real PayoutService beside BatchService on the same broker: it answers the wallet and platform-user queries and
/// carries out the batch saga's wallet commands, on its own database. Tokens are signed with BatchService's key.
/// </summary>
public sealed class PayoutServiceHost(IReadOnlyDictionary<string, string?> settings) : InProcessService<PayoutsDbContext>
{
    protected override IReadOnlyDictionary<string, string?> Settings => settings;

    /// <summary>The company's wallet balances in the ledger: what it may spend, and what is held for batches and payouts.</summary>
    public async Task<(decimal Available, decimal Held)> CompanyWalletAsync(string companyId, string currency = "USD")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PayoutsDbContext>();
        var accounts = await db.LedgerAccounts.AsNoTracking()
            .Where(a => a.OwnerType == "company" && a.OwnerId == companyId && a.Currency == currency).ToListAsync();
        decimal Of(string kind) => accounts.FirstOrDefault(a => a.Kind == kind)?.Balance ?? 0m;
        return (Of("available"), Of("held"));
    }

    /// <summary>A platform user's available balance in the ledger.</summary>
    public async Task<decimal> UserAvailableAsync(long userId, string currency = "USD")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PayoutsDbContext>();
        var owner = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.LedgerAccounts.AsNoTracking()
            .Where(a => a.OwnerType == "user" && a.OwnerId == owner && a.Currency == currency && a.Kind == "available")
            .Select(a => a.Balance).FirstOrDefaultAsync();
    }
}
