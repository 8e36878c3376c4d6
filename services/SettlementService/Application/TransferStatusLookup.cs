using Microsoft.EntityFrameworkCore;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Providers;

namespace Payouts.SettlementService.Application;

/// <summary>Our record of a transfer, by the provider's transfer id, beside the provider's live answer when it gives one.</summary>
public sealed partial class TransferStatusLookup(SettlementDbContext db, ProviderClient provider, ILogger<TransferStatusLookup> logger)
{
    /// <summary>Null when we hold no transfer with that provider id; <c>Live</c> null when the provider did not answer.</summary>
    public async Task<(Transfer Ours, ProviderTransfer? Live)?> FindAsync(string transferId, CancellationToken cancellationToken)
    {
        var transfer = await db.Transfers.AsNoTracking().SingleOrDefaultAsync(t => t.ProviderTransferId == transferId, cancellationToken);
        if (transfer is null) return null;

        try
        {
            return (transfer, await provider.GetTransferAsync(transferId, cancellationToken));
        }
        catch (HttpRequestException e)
        {
            // Our record still answers; the provider's view is missing this time.
            LogProviderUnavailable(logger, e, transferId);
            return (transfer, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider status for transfer {TransferId} unavailable")]
    private static partial void LogProviderUnavailable(ILogger logger, Exception exception, string transferId);
}
