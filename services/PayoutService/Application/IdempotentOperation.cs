using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Application;

/// <summary>A successful response: status and its JSON body, as stored for replays.</summary>
public sealed record OperationResponse(int StatusCode, string Json);

/// <summary>
/// Runs a money-moving operation in one transaction together with its <c>Idempotency-Key</c> record: the first
/// success is stored and replayed for the same key and body; the same key with a different body is refused; a
/// failure stores nothing (the transaction rolls back), so the client may retry with the same key.
/// </summary>
public sealed class IdempotentOperation(PayoutsDbContext db, TimeProvider clock)
{
    private const int MaxKeyLength = 255;

    public static ApiError KeyReused() =>
        new(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
            "This Idempotency-Key was already used with a different request");

    /// <summary>
    /// Runs <paramref name="operation"/> (which must SaveChanges) in a retried transaction. An error it returns rolls the
    /// transaction back, so a refused request leaves nothing held, nothing published and its key free for a retry.
    /// </summary>
    public async Task<ApiOutcome<OperationResponse>> RunAsync(string scope, string? key, string requestFingerprint,
        Func<Task<ApiOutcome<OperationResponse>>> operation, CancellationToken cancellationToken)
    {
        if (key is not null && (key.Length == 0 || key.Length > MaxKeyLength))
            return ApiError.Validation(IdempotencyKeyHeader.Name, $"{IdempotencyKeyHeader.Name} must be 1 to {MaxKeyLength} characters");

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(requestFingerprint)));
        return await db.ExecuteInTransactionAsync<ApiOutcome<OperationResponse>>(async () =>
        {
            // A retry of the whole unit must not see entities tracked by the failed attempt.
            db.ChangeTracker.Clear();
            if (key is not null)
            {
                // Blocks while another request with this key is in flight; then either conflicts (replay) or proceeds.
                var inserted = await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response_body, created_at)
                    VALUES ({scope}, {key}, {hash}, 0, '', {clock.GetUtcNow()})
                    ON CONFLICT (scope, key) DO NOTHING
                    """, cancellationToken);
                if (inserted == 0)
                {
                    var first = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
                    if (first.RequestHash != hash) return KeyReused();
                    return new OperationResponse(first.StatusCode, first.ResponseBody);
                }
            }

            var outcome = await operation();
            if (key is not null && outcome.Value is { } response)
            {
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE idempotency_keys SET status_code = {response.StatusCode}, response_body = {response.Json} WHERE scope = {scope} AND key = {key}",
                    cancellationToken);
            }

            return outcome;
        }, outcome => outcome.Error is null, cancellationToken);
    }
}
