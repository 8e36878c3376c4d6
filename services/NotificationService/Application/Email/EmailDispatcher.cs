using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.Data;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Domain;
using Payouts.NotificationService.Telemetry;

namespace Payouts.NotificationService.Application.Email;

/// <summary>
/// Sends due emails from the outbox. Each round claims up to <see cref="EmailOptions.BatchSize"/> due rows with
/// <c>FOR UPDATE SKIP LOCKED</c> (replicas never claim the same one) and leases them (due time moved past
/// <see cref="EmailOptions.Lease"/>, so a replica that dies leaves them due again). An attempt resolves the recipients
/// (PayoutService's directory, then preferences), skips those whose copy is recorded, sends the rest and records each
/// copy as the server accepts it: a retry after a partial send mails only who is left. A failure is retried with
/// exponential backoff until the horizon, then the email is given up.
/// </summary>
public sealed class EmailDispatcher(
    IServiceScopeFactory scopes, EmailSender sender, IOptions<EmailOptions> options, TimeProvider clock, EmailMetrics metrics,
    ILogger<EmailDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Email is off: no {Section}:Host is configured", EmailOptions.SectionName);
            return;
        }

        logger.LogInformation("Email is sent through {Host}:{Port} ({Security}) from {Sender}", settings.Host, settings.Port, settings.SecureSocketOptions,
            settings.Sender);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                var due = await ClaimAsync(settings.BatchSize, stoppingToken);
                claimed = due.Count;
                foreach (var id in due) await AttemptAsync(id, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Claiming due emails failed; trying again next round");
            }

            if (claimed > 0) continue;
            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<List<Guid>> ClaimAsync(int limit, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = StoredTime.Of(clock.GetUtcNow());
        // In one transaction (replayed whole on a transient failure): the row locks last until the lease is written.
        return await db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var claimed = await db.EmailMessages.FromSql($"""
                SELECT * FROM email_messages
                WHERE status = 'pending' AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {limit}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            foreach (var email in claimed) email.NextAttemptAt = now + options.Value.Lease;
            await db.SaveChangesAsync(ct);
            return claimed.Select(e => e.Id).ToList();
        }, ct);
    }

    private async Task AttemptAsync(Guid emailId, CancellationToken stopping)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var email = await db.EmailMessages.SingleOrDefaultAsync(e => e.Id == emailId, stopping);
        var notification = email is null ? null : await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == email.NotificationId, stopping);
        if (email is null || notification is null) return;
        try
        {
            var recipients = await scope.ServiceProvider.GetRequiredService<EmailRecipients>().ResolveAsync(notification, stopping);
            var done = await db.EmailSends.AsNoTracking().Where(s => s.EmailMessageId == emailId).Select(s => s.UserId).ToListAsync(stopping);
            var left = recipients.Where(r => !done.Contains(r.UserId)).ToList();
            if (left.Count > 0 && EmailTemplates.Render(notification) is { } rendered)
            {
                await sender.SendAsync(notification.Id, rendered, left, async recipient =>
                {
                    // Recorded at once, on its own: a later failure in this attempt must not make this copy be sent again.
                    db.EmailSends.Add(new EmailSend
                    {
                        EmailMessageId = emailId, UserId = recipient.UserId, Email = recipient.Email, SentAt = StoredTime.Of(clock.GetUtcNow()),
                    });
                    await db.SaveChangesAsync(CancellationToken.None);
                    metrics.Sent();
                }, stopping);
            }

            email.Sent(StoredTime.Of(clock.GetUtcNow()));
            await db.SaveChangesAsync(stopping);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            try
            {
                email.Failed($"{e.GetType().Name}: {e.Message}", StoredTime.Of(clock.GetUtcNow()), options.Value.BackoffAfter(email.Attempts + 1));
                await db.SaveChangesAsync(stopping);
                metrics.Failed(email.Status == EmailMessageStatus.Failed ? EmailMetrics.GivenUp : EmailMetrics.Retrying);
                logger.LogWarning("Email {EmailId} ({Type}) attempt {Attempt} failed, {Outcome}: {Error}", emailId, notification.Type, email.Attempts,
                    email.Status == EmailMessageStatus.Failed ? "given up" : "will retry", email.LastError);
            }
            catch (Exception recording) when (!stopping.IsCancellationRequested)
            {
                // The lease runs out and the email is due again.
                logger.LogWarning(recording, "Email {EmailId}'s failed attempt could not be recorded", emailId);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the lease runs out and another replica (or the next start) sends it.
        }
    }
}
