using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Providers;

namespace Payouts.SettlementService.Messaging;

/// <summary>Applies what the provider said to our transfer, and names the event that tells the payout, if any.</summary>
public static class SettlementOutcome
{
    public const string AmountMismatch = "amount_mismatch";
    public const string CurrencyMismatch = "currency_mismatch";
    public const string NotReceivedByProvider = "not_received_by_provider";

    /// <summary>Failed before any provider call: the destination cannot be paid (deleted, unverified…).</summary>
    public const string DestinationNotPayable = "destination_not_payable";

    /// <summary>Returns <see cref="PayoutSettled"/>, <see cref="PayoutSettlementFailed"/>, or null while the outcome is still open.</summary>
    public static object? Apply(Transfer transfer, ProviderResult result, DateTimeOffset now)
    {
        switch (result)
        {
            case ProviderResult.Recorded { Transfer: var recorded } when recorded.Amount != transfer.Amount:
                // Never paid twice and never assumed: an operator looks at it (reconciliation report).
                transfer.MarkUnknown($"{AmountMismatch}: provider holds {recorded.Amount} for transfer {recorded.Id}", now);
                return null;

            case ProviderResult.Recorded { Transfer: var recorded } when recorded.Currency is not null && recorded.Currency != transfer.Currency:
                transfer.MarkUnknown($"{CurrencyMismatch}: provider holds {recorded.Currency} for transfer {recorded.Id}", now);
                return null;

            case ProviderResult.Recorded { Transfer: { Status: TransferStatus.Completed } recorded }:
                transfer.Complete(recorded.Id, now);
                return new PayoutSettled(transfer.PayoutId, recorded.Id, transfer.Amount, transfer.Currency, now);

            case ProviderResult.Recorded { Transfer: { Status: TransferStatus.Failed } recorded }:
                transfer.Fail(recorded.FailureCode ?? "provider_failed", recorded.FailureReason ?? "The provider failed the transfer", recorded.Id, now);
                return new PayoutSettlementFailed(transfer.PayoutId, transfer.FailureCode!, transfer.FailureReason!, now);

            case ProviderResult.Recorded { Transfer: var recorded }:
                transfer.AwaitProvider(recorded.Id, now);
                return null;

            case ProviderResult.Refused refused:
                transfer.Fail(refused.Code, refused.Reason, providerTransferId: null, now);
                return new PayoutSettlementFailed(transfer.PayoutId, transfer.FailureCode!, transfer.FailureReason!, now);

            case ProviderResult.Unknown unknown:
                transfer.MarkUnknown(unknown.Reason, now);
                return null;

            default:
                throw new InvalidOperationException($"Unexpected provider result {result}.");
        }
    }

    /// <summary>A transfer held back for an operator because the provider's record disagrees with ours.</summary>
    public static bool IsFlagged(Transfer transfer) =>
        transfer.Status == TransferStatus.Unknown && transfer.FailureReason is { } reason
        && (reason.StartsWith(AmountMismatch, StringComparison.Ordinal) || reason.StartsWith(CurrencyMismatch, StringComparison.Ordinal));

    /// <summary>The event that reports a transfer already final (a duplicate command gets the same answer again).</summary>
    public static object? Replay(Transfer transfer) => transfer.Status switch
    {
        TransferStatus.Completed => new PayoutSettled(transfer.PayoutId, transfer.ProviderTransferId!, transfer.Amount, transfer.Currency, transfer.CompletedAt ?? transfer.UpdatedAt),
        TransferStatus.Failed => new PayoutSettlementFailed(transfer.PayoutId, transfer.FailureCode ?? "failed", transfer.FailureReason ?? "The transfer failed", transfer.CompletedAt ?? transfer.UpdatedAt),
        _ => null,
    };
}
