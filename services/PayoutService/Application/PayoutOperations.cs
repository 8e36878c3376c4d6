using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.PayoutService.Application;

/// <summary>A processed payout (completed, failed, or still processing when settlement did not answer in time) and the user's available balance.</summary>
public sealed record ProcessOutcome(Payout Payout, decimal UserBalance)
{
    public bool StillProcessing => Payout.Status == PayoutStatus.Processing;
}

/// <summary>Admin transitions shared by the seed 000 back office and seed 004 admin endpoints.</summary>
public sealed class PayoutOperations(PayoutsDbContext db, PayoutLifecycle lifecycle, UserDirectory directory, LedgerStore ledger,
    IdempotentOperation idempotent, Microsoft.Extensions.Options.IOptions<ProcessingOptions> options, TimeProvider clock)
{
    public async Task<ApiOutcome<ProcessOutcome>> ProcessAsync(Caller caller, string payoutId, string? transactionReference, string? notes,
        string? idempotencyKey, string fingerprint, CancellationToken ct)
    {
        var admin = await AdminUuidAsync(caller, ct);
        Payout? processed = null;
        var outcome = await idempotent.RunAsync($"admin:{admin}:process:{payoutId}", idempotencyKey, fingerprint, async () =>
        {
            var payout = await lifecycle.LockAsync(payoutId, ct);
            if (payout is null) return PayoutNotFound;
            // With a reference it was paid outside: complete now. Without, the payout saga settles it through the provider.
            var refusal = transactionReference is null
                ? await lifecycle.StartProcessingAsync(payout, admin, notes, ct)
                : await lifecycle.CompleteWithReferenceAsync(payout, transactionReference, admin, notes, ct);
            if (refusal is not null) return refusal;
            await db.SaveChangesAsync(ct);
            processed = payout;
            return Recorded;
        }, ct);
        if (outcome.Error is { } error) return error;

        var payout = processed ?? await FindAsync(payoutId, ct);
        if (payout.Status == PayoutStatus.Processing)
            payout = await WaitForSettlementAsync(payout, ct);
        // The balance the payout drew on: the user's, or the company wallet's.
        var balances = await ledger.BalancesAsync(payout.Wallet, payout.Currency, ct);
        return new ProcessOutcome(payout, balances.GetValueOrDefault(LedgerAccountKind.Available));
    }

    public async Task<ApiOutcome<Payout>> RejectAsync(Caller caller, string payoutId, string reason, string? notes, string? idempotencyKey, string fingerprint,
        CancellationToken ct)
    {
        var admin = await AdminUuidAsync(caller, ct);
        Payout? rejected = null;
        var outcome = await idempotent.RunAsync($"admin:{admin}:reject:{payoutId}", idempotencyKey, fingerprint, async () =>
        {
            var payout = await lifecycle.LockAsync(payoutId, ct);
            if (payout is null) return PayoutNotFound;
            if (await lifecycle.RejectAsync(payout, reason, admin, notes, ct) is { } refusal) return refusal;
            await db.SaveChangesAsync(ct);
            rejected = payout;
            return Recorded;
        }, ct);
        if (outcome.Error is { } error) return error;
        return rejected ?? await FindAsync(payoutId, ct);
    }

    private static readonly ApiError PayoutNotFound = ApiError.NotFound("Payout not found");

    /// <summary>
    /// What a key stores for these transitions: the answer is built from the payout as it is when the request (or its replay)
    /// ends, so a replay shows the settlement outcome that has come in since.
    /// </summary>
    private static readonly OperationResponse Recorded = new(StatusCodes.Status200OK, "");

    /// <summary>Re-reads the payout until settlement's outcome is in or the configured wait is over.</summary>
    private async Task<Payout> WaitForSettlementAsync(Payout payout, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + options.Value.SettlementWait;
        while (true)
        {
            var current = await db.Payouts.AsNoTracking().SingleAsync(p => p.Id == payout.Id, ct);
            if (current.Status != PayoutStatus.Processing || clock.GetUtcNow() >= deadline) return current;
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        }
    }

    private async Task<Payout> FindAsync(string payoutId, CancellationToken ct)
    {
        var numeric = long.TryParse(payoutId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id);
        var uuid = Guid.TryParse(payoutId, out var parsed) ? parsed : Guid.Empty;
        return await db.Payouts.AsNoTracking().SingleAsync(p => numeric ? p.Id == id : p.Uuid == uuid, ct);
    }

    /// <summary>
    /// The acting admin's uuid (seed 004's <c>processedBy</c>): a platform user's from the directory, which they enter like
    /// everyone; an admin known only by another subject (seed 004's uuid) is that subject.
    /// </summary>
    private async Task<string> AdminUuidAsync(Caller caller, CancellationToken ct)
    {
        if (caller.UserId is null) return caller.Subject;
        var admin = await directory.EnsureAsync(caller, ct);
        return admin.Uuid.ToString();
    }
}
