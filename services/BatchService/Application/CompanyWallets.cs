using MassTransit;
using Payouts.Contracts.Batches;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BatchService.Application;

/// <summary>
/// The company wallet lives in PayoutService's ledger: asked over the bus (<see cref="BatchWalletQueues.WalletQueries"/>),
/// time-bound, so a PayoutService that does not answer costs a 503, not a hang.
/// </summary>
public sealed partial class CompanyWallets(IRequestClient<GetCompanyWallet> wallets, ILogger<CompanyWallets> logger)
{
    /// <summary>Null when the wallet covers <paramref name="required"/>; seed 001's 403 with the figures when it does not; 503 unanswered.</summary>
    public async Task<ApiError?> CheckCoversAsync(string companyId, decimal required, CancellationToken ct)
    {
        // Nothing to pay needs no wallet: an empty draft, or only invalid emails added.
        if (required <= 0) return null;
        CompanyWallet wallet;
        try
        {
            wallet = (await wallets.GetResponse<CompanyWallet>(new GetCompanyWallet(companyId, Domain.BatchLimits.Currency), ct)).Message;
        }
        catch (Exception e) when (BusRequests.IsUnanswered(e, ct))
        {
            LogUnanswered(logger, companyId, e.GetType().Name);
            return BatchErrors.WalletUnavailable;
        }

        return required > wallet.Available ? BatchErrors.InsufficientBalance(required, wallet.Available) : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The company wallet of {CompanyId} was not answered ({Reason})")]
    private static partial void LogUnanswered(ILogger logger, string companyId, string reason);
}
