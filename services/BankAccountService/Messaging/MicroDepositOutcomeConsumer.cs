using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.BankAccountService.Data;
using Payouts.BankAccountService.Domain;
using Payouts.Contracts.BankAccounts;

namespace Payouts.BankAccountService.Messaging;

/// <summary>
/// Settlement's report on a verification's micro-deposits: <see cref="MicroDepositsSent"/> starts the window to confirm
/// the amounts; <see cref="MicroDepositsFailed"/> marks the verification <c>deposits_failed</c>. Reports for a
/// verification the account has replaced are ignored. Runs behind the transactional inbox (a redelivery is skipped),
/// and a repeated report with a new message id changes nothing either: the account only moves forward.
/// </summary>
public sealed partial class MicroDepositOutcomeConsumer(
    BankAccountsDbContext db, IOptions<BankAccountOptions> options, [FromKeyedServices(ServiceClock.Key)] TimeProvider clock,
    ILogger<MicroDepositOutcomeConsumer> logger) : IConsumer<MicroDepositsSent>, IConsumer<MicroDepositsFailed>
{
    public async Task Consume(ConsumeContext<MicroDepositsSent> context)
    {
        var sent = context.Message;
        var account = await LockedAccountAsync(sent.BankAccountId, context.CancellationToken);
        var report = account?.RecordDepositsSent(sent.VerificationId, sent.SentAt, TimeSpan.FromDays(options.Value.ExpiryDays), clock.GetUtcNow())
            ?? DepositReport.Stale;
        await db.SaveChangesAsync(context.CancellationToken);
        LogSent(logger, sent.BankAccountId, sent.VerificationId, report);
    }

    public async Task Consume(ConsumeContext<MicroDepositsFailed> context)
    {
        var failed = context.Message;
        var account = await LockedAccountAsync(failed.BankAccountId, context.CancellationToken);
        var report = account?.RecordDepositsFailed(failed.VerificationId, failed.Code, clock.GetUtcNow()) ?? DepositReport.Stale;
        await db.SaveChangesAsync(context.CancellationToken);
        // The code only: the reason is the provider's free text.
        LogFailed(logger, failed.BankAccountId, failed.VerificationId, failed.Code, report);
    }

    /// <summary>The account, read after taking its user's lock, so a report never interleaves with a verify attempt or a new round.</summary>
    private async Task<BankAccount?> LockedAccountAsync(long bankAccountId, CancellationToken cancellationToken)
    {
        var userId = await db.BankAccounts.Where(a => a.Id == bankAccountId).Select(a => a.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is null) return null;
        await BankAccountLocks.LockUserAsync(db, userId, cancellationToken);
        return await db.BankAccounts.SingleAsync(a => a.Id == bankAccountId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Micro-deposits sent to bank account {BankAccountId} for verification {VerificationId}: {Report}")]
    private static partial void LogSent(ILogger logger, long bankAccountId, Guid verificationId, DepositReport report);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Micro-deposits to bank account {BankAccountId} failed for verification {VerificationId} ({Code}): {Report}")]
    private static partial void LogFailed(ILogger logger, long bankAccountId, Guid verificationId, string code, DepositReport report);
}
