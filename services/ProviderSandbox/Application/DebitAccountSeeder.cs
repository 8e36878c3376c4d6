using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.ProviderSandbox.Configuration;
using Payouts.ProviderSandbox.Data;

namespace Payouts.ProviderSandbox.Application;

/// <summary>
/// Opens the configured debit accounts (<see cref="SandboxOptions.SettlementAccounts"/>) on start (after the migration,
/// which is registered first). An account that exists keeps its balance: the sandbox's state survives its restarts.
/// </summary>
public sealed class DebitAccountSeeder(IServiceScopeFactory scopes, IOptions<SandboxOptions> options, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SandboxDbContext>();
        var now = time.GetUtcNow();
        foreach (var (accountId, balances) in options.Value.SettlementAccounts)
        {
            foreach (var (currency, balance) in balances)
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO account_balances (account_id, currency, balance, updated_at) VALUES ({accountId}, {currency.ToUpperInvariant()}, {balance}, {now}) ON CONFLICT DO NOTHING",
                    cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
