using MassTransit;
using Payouts.Contracts.Batches;
using Payouts.PayoutService.Application;

namespace Payouts.PayoutService.Messaging;

/// <summary>BatchService's reads of the company wallet and the user directory (queue <see cref="BatchWalletQueues.WalletQueries"/>).</summary>
public sealed class BatchWalletQueriesConsumer(BatchFunds funds, UserDirectory directory) :
    IConsumer<GetCompanyWallet>,
    IConsumer<FindPlatformUser>
{
    public async Task Consume(ConsumeContext<GetCompanyWallet> context) =>
        await context.RespondAsync(await funds.WalletAsync(context.Message.CompanyId, context.Message.Currency, context.CancellationToken));

    public async Task Consume(ConsumeContext<FindPlatformUser> context)
    {
        var user = await directory.FindByEmailAsync(context.Message.Email, context.CancellationToken);
        await context.RespondAsync(new PlatformUserLookup(context.Message.Email, user is not null));
    }
}
