using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Messaging;
using Payouts.SettlementService.Providers;

namespace Payouts.SettlementService.Reconciliation;

/// <summary>
/// Closes, on an operator's word, a transfer that reconciliation cannot (a flagged amount or currency, or one that stays
/// open): the provider is asked live by payment reference while the transfer row is locked, so the sweep and the
/// workers wait, and the outcome commits with its event (outbox) in that transaction. Nothing is sent to the provider.
/// </summary>
public sealed partial class TransferResolver(
    SettlementDbContext db,
    ProviderClient provider,
    IPublishEndpoint publish,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<TransferResolver> logger)
{
    // The provider meter's name, so the service's metrics registration (Program.cs) exports it with the provider calls.
    private static readonly Meter Meter = new(ProviderClient.TelemetryName);
    private static readonly Counter<long> Resolutions = Meter.CreateCounter<long>(
        "settlement.transfers.resolved", description: "Operator requests to close a transfer, by requested outcome and result");

    public async Task<ResolutionResult> ResolveAsync(Guid payoutId, OperatorResolution resolution, CancellationToken cancellationToken)
    {
        var result = await db.ExecuteInTransactionAsync(() => ResolveLockedAsync(payoutId, resolution, cancellationToken), cancellationToken);
        Record(resolution, result);
        return result;
    }

    private async Task<ResolutionResult> ResolveLockedAsync(Guid payoutId, OperatorResolution resolution, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        // Waits for the sweep's provider call on this row, if any; a worker's uncommitted claim is not visible yet.
        var transfer = await db.Transfers
            .FromSql($"SELECT * FROM transfers WHERE payout_id = {payoutId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (transfer is null) return new ResolutionResult.NotFound();
        if (!transfer.IsOpen) return new ResolutionResult.NotOpen(transfer);

        var answer = await provider.FindByReferenceAsync(transfer.PaymentReference, cancellationToken);
        ProviderTransfer? atProvider;
        switch (answer)
        {
            case ProviderResult.Recorded recorded:
                atProvider = recorded.Transfer;
                break;
            case ProviderResult.NotFound:
                atProvider = null;
                break;
            case ProviderResult.Unknown unknown:
                return new ResolutionResult.NoAnswer(transfer, unknown.Reason);
            default:
                return new ResolutionResult.NoAnswer(transfer, $"unexpected provider answer {answer.GetType().Name}");
        }

        if (!Transfer.ProviderAllows(resolution.Outcome, atProvider?.Status))
        {
            return new ResolutionResult.Contradicted(transfer, atProvider);
        }

        // To the microsecond PostgreSQL keeps, so the answer and the event show the times as stored.
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        // A call that timed out on our side may still reach the provider: its silence releases nothing until then.
        if (atProvider is null && !transfer.SentBefore(now, options.Value.MinimumAge))
        {
            return new ResolutionResult.TooRecent(transfer, options.Value.MinimumAge);
        }

        transfer.Resolve(resolution, atProvider?.Status, atProvider?.Id, now);
        await publish.Publish(SettlementOutcome.Replay(transfer)!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ResolutionResult.Resolved(transfer, atProvider);
    }

    /// <summary>After commit, so a transaction replayed by the execution strategy is logged and counted once.</summary>
    private void Record(OperatorResolution resolution, ResolutionResult result)
    {
        var name = result switch
        {
            ResolutionResult.Resolved => "resolved",
            ResolutionResult.NotFound => "not_found",
            ResolutionResult.NotOpen => "not_open",
            ResolutionResult.Contradicted => "contradicted",
            ResolutionResult.TooRecent => "too_recent",
            _ => "no_answer",
        };
        Resolutions.Add(1, new KeyValuePair<string, object?>("outcome", resolution.Outcome), new KeyValuePair<string, object?>("result", name));

        switch (result)
        {
            case ResolutionResult.Resolved { Transfer: var transfer, AtProvider: var theirs }:
                LogResolved(logger, transfer.PayoutId, transfer.BeneficiaryMasked, resolution.Outcome, resolution.ResolvedBy,
                    theirs?.Status ?? ProviderResult.NotFoundStatus, theirs?.Id, transfer.Amount, transfer.Currency, theirs?.Amount, theirs?.Currency);
                break;
            case ResolutionResult.Contradicted { Transfer: var transfer, AtProvider: var theirs }:
                LogContradicted(logger, transfer.PayoutId, transfer.BeneficiaryMasked, resolution.Outcome, resolution.ResolvedBy, theirs?.Status ?? ProviderResult.NotFoundStatus, theirs?.Id);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Operator {ResolvedBy} resolved the transfer of payout {PayoutId} to {Beneficiary} as {Outcome}; provider: {ProviderStatus} " +
            "{ProviderTransferId}, {ProviderAmount} {ProviderCurrency}; ours: {Amount} {Currency}")]
    private static partial void LogResolved(ILogger logger, Guid payoutId, string beneficiary, string outcome, string resolvedBy,
        string providerStatus, string? providerTransferId, decimal amount, string currency, decimal? providerAmount, string? providerCurrency);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Operator {ResolvedBy} asked to resolve the transfer of payout {PayoutId} to {Beneficiary} as {Outcome}, but the provider " +
            "says {ProviderStatus} {ProviderTransferId}; nothing changed")]
    private static partial void LogContradicted(ILogger logger, Guid payoutId, string beneficiary, string outcome, string resolvedBy,
        string providerStatus, string? providerTransferId);
}
