using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Application;

/// <summary>
/// A user's payout requests (seed 000 app, seed 002 single payout) and cancellations. Each runs under its
/// <c>Idempotency-Key</c>; the endpoint says how its answer is written, so a replay returns the first answer unchanged.
/// </summary>
public sealed class PayoutRequests(PayoutsDbContext db, UserDirectory directory, PayoutLifecycle lifecycle, IdempotentOperation idempotent,
    PayoutDestinations destinations)
{
    public async Task<ApiOutcome<OperationResponse>> RequestAsync(Caller caller, RequestFields fields, string? idempotencyKey,
        Func<Payout, PaymentMethod, OperationResponse> answer, CancellationToken ct)
    {
        var user = await directory.EnsureAsync(caller, ct);
        var validation = await PayoutRequestValidator.ValidateAsync(fields, user, db, destinations, ct);
        if (validation.Value is not { } request) return validation.Error!;
        return await idempotent.RunAsync($"user:{caller.UserId}:payout", idempotencyKey, fields.Fingerprint(), async () =>
        {
            var requested = await lifecycle.RequestAsync(request.ToPayout(user), ct);
            if (requested.Value is not { } payout) return requested.Error!;
            await db.SaveChangesAsync(ct);
            return answer(payout, request.Method);
        }, ct);
    }

    public async Task<ApiOutcome<OperationResponse>> RequestSimpleAsync(Caller caller, RequestFields fields, string? idempotencyKey,
        Func<Payout, ValidSimplePayout, OperationResponse> answer, CancellationToken ct)
    {
        var user = await directory.EnsureAsync(caller, ct);
        var validation = await SimplePayoutValidator.ValidateAsync(fields, caller, user, db, destinations, ct);
        if (validation.Value is not { } request) return validation.Error!;
        return await idempotent.RunAsync($"user:{caller.UserId}:simple", idempotencyKey, fields.Fingerprint(), async () =>
        {
            var requested = await lifecycle.RequestAsync(request.ToPayout(), ct);
            if (requested.Value is not { } payout) return requested.Error!;
            await db.SaveChangesAsync(ct);
            return answer(payout, request);
        }, ct);
    }

    /// <summary>Cancels the caller's pending payout (or one drawn on the caller's company wallet).</summary>
    public async Task<ApiOutcome<OperationResponse>> CancelAsync(Caller caller, string payoutId, string fingerprint, string? idempotencyKey,
        Func<OperationResponse> answer, CancellationToken ct)
    {
        var user = await directory.EnsureAsync(caller, ct);
        return await idempotent.RunAsync($"user:{caller.UserId}:cancel", idempotencyKey, fingerprint, async () =>
        {
            var payout = await lifecycle.LockAsync(payoutId, ct);
            // Another user's payout does not exist for this caller.
            if (payout is null || !payout.IsVisibleTo(user.Id, caller.CompanyId)) return ApiError.NotFound("Payout not found");
            if (await lifecycle.CancelAsync(payout, "cancelled by user", ct) is { } refusal) return refusal;
            await db.SaveChangesAsync(ct);
            return answer();
        }, ct);
    }
}
