using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Providers;

namespace Payouts.SettlementService.Reconciliation;

/// <summary>How a finished transfer (completed or failed) compares with what the provider holds for its payment reference.</summary>
public static class FinishedTransferCheck
{
    /// <summary>We say completed; the provider has no transfer with the reference.</summary>
    public const string MissingAtProvider = "missing_at_provider";

    /// <summary>We say failed (the hold was released); the provider completed it, so the money went.</summary>
    public const string PaidWhileFailed = "paid_while_failed";

    public const string StatusDiffers = "status_differs";
    public const string AmountDiffers = "amount_differs";
    public const string CurrencyDiffers = "currency_differs";

    /// <summary>We recorded another provider transfer id than the one the provider holds for the reference.</summary>
    public const string TransferIdDiffers = "transfer_id_differs";

    /// <summary>
    /// The differences between our finished transfer and the provider's answer; empty when they agree. A failed transfer
    /// the provider does not hold agrees (refused, not payable, never received: nothing was paid). Not called for an
    /// answer that is <see cref="ProviderResult.Unknown"/>.
    /// </summary>
    public static IReadOnlyList<string> Differences(Transfer ours, ProviderResult answer)
    {
        if (answer is not ProviderResult.Recorded { Transfer: var theirs })
        {
            return ours.Status == TransferStatus.Completed ? [MissingAtProvider] : [];
        }

        var differences = new List<string>();
        if (ours.Status == TransferStatus.Failed && theirs.Status == TransferStatus.Completed)
        {
            differences.Add(PaidWhileFailed);
        }
        else if (theirs.Status != ours.Status)
        {
            differences.Add(StatusDiffers);
        }

        if (theirs.Amount != ours.Amount) differences.Add(AmountDiffers);
        if (theirs.Currency is not null && theirs.Currency != ours.Currency) differences.Add(CurrencyDiffers);
        if (ours.ProviderTransferId is not null && ours.ProviderTransferId != theirs.Id) differences.Add(TransferIdDiffers);
        return differences;
    }
}
