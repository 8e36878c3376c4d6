using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Application;

/// <summary>An earnings credit an admin applies to a user's balance.</summary>
public sealed record EarningsCredit(decimal Amount, string Currency, string Reference, string Description);

/// <summary>A credit as applied: its record in the user's activity, the ledger transaction and the balance after it.</summary>
public sealed record AppliedEarningsCredit(UserTransaction Record, DirectoryUser User, long LedgerTransactionId, decimal Balance);

/// <summary>Funds users' balances with their earnings (an admin's action, idempotent per key).</summary>
public sealed class EarningsCredits(PayoutsDbContext db, UserDirectory directory, LedgerStore ledger, IdempotentOperation idempotent, TimeProvider clock)
{
    public async Task<ApiOutcome<OperationResponse>> CreditAsync(string admin, string userIdOrUuid, EarningsCredit credit, string? idempotencyKey,
        Func<AppliedEarningsCredit, OperationResponse> answer, CancellationToken ct)
    {
        if (await directory.FindAsync(userIdOrUuid, ct) is not { } user) return ApiError.NotFound("User not found");
        return await idempotent.RunAsync($"admin:{admin}:credit:{user.Id}", idempotencyKey,
            $"{user.Id}|{credit.Amount}|{credit.Currency}|{credit.Reference}|{credit.Description}", async () =>
            {
                var posted = await ledger.PostAsync(LedgerPosting.Credit(user.Id, credit.Amount, credit.Currency, credit.Reference), ct);
                var record = new UserTransaction
                {
                    Uuid = Guid.CreateVersion7(), UserId = user.Id, Type = UserTransactionType.Credit, Status = "completed", Amount = credit.Amount,
                    Currency = credit.Currency, Description = credit.Description, Reference = credit.Reference, CreatedAt = clock.GetUtcNow(),
                };
                db.UserTransactions.Add(record);
                await db.SaveChangesAsync(ct);
                var balances = await ledger.UserBalancesAsync(user.Id, credit.Currency, ct);
                return answer(new AppliedEarningsCredit(record, user, posted.Id, balances.GetValueOrDefault(LedgerAccountKind.Available)));
            }, ct);
    }
}
