using System.Collections.Concurrent;
using MassTransit;
using Payouts.Contracts.Batches;

namespace Payouts.BatchService.Tests.Support;

/// <summary>
/// Plays PayoutService on the real broker until its side exists: answers <see cref="GetCompanyWallet"/> and
/// <see cref="FindPlatformUser"/> on <see cref="BatchWalletQueues.WalletQueries"/> from the balances and users each test sets.
/// A company never funded has a zero wallet, as the contract says; a silent company is never answered.
/// </summary>
public sealed class CompanyWalletResponder
{
    private readonly ConcurrentDictionary<string, decimal> _available = new();
    private readonly ConcurrentDictionary<string, bool> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _silent = new();
    private readonly ConcurrentQueue<GetCompanyWallet> _walletQueries = new();

    public IEnumerable<GetCompanyWallet> WalletQueries => _walletQueries;

    public async Task ConnectAsync(IBus bus)
    {
        var handle = bus.ConnectReceiveEndpoint(BatchWalletQueues.WalletQueries, endpoint =>
        {
            endpoint.Handler<GetCompanyWallet>(async context =>
            {
                _walletQueries.Enqueue(context.Message);
                if (_silent.ContainsKey(context.Message.CompanyId)) return;
                await context.RespondAsync(new CompanyWallet(context.Message.CompanyId, context.Message.Currency,
                    _available.GetValueOrDefault(context.Message.CompanyId), 0m));
            });
            endpoint.Handler<FindPlatformUser>(context =>
                context.RespondAsync(new PlatformUserLookup(context.Message.Email, _users.ContainsKey(context.Message.Email))));
        });
        await handle.Ready;
    }

    public void Fund(string companyId, decimal available) => _available[companyId] = available;

    public void AddUser(string email) => _users[email] = true;

    /// <summary>PayoutService down for this company: its wallet queries go unanswered.</summary>
    public void Silence(string companyId) => _silent[companyId] = true;
}
