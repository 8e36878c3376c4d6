namespace Payouts.Contracts.Batches;

/// <summary>The queues PayoutService reads for BatchService: the company wallet lives in PayoutService's ledger.</summary>
public static class BatchWalletQueues
{
    /// <summary><c>GetCompanyWallet</c> and <c>FindPlatformUser</c> requests from BatchService's endpoints.</summary>
    public const string WalletQueries = "batch-wallet-queries";

    /// <summary><c>ReserveBatchFunds</c>, <c>PayBatchRecipient</c> and <c>ReleaseBatchFunds</c> commands from the batch saga.</summary>
    public const string WalletCommands = "batch-wallet-commands";
}
