using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Payouts.NotificationService.Domain;
using Payouts.NotificationService.Tests.Support;
using Payouts.Testing;
using static Payouts.NotificationService.Tests.Support.NotificationsApi;
using static Payouts.NotificationService.Tests.Support.WebhooksApi;

namespace Payouts.NotificationService.Tests;

/// <summary>
/// Email from events published on the real broker, sent through MailKit to a real SMTP server (smtp4dev) and read back
/// through its API; recipients answered over the broker as PayoutService's directory answers them.
/// </summary>
[Collection(NotificationServiceCollection.Name)]
public sealed class EmailTests(NotificationServiceFixture fixture)
{
    [Fact]
    public async Task A_completed_payout_sends_one_email_with_its_masked_destination_one_notification_and_one_webhook_even_when_delivered_twice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var userId = NotificationServiceFixture.NewUserId();
        var address = fixture.Recipients.Add(userId);
        var accountId = NotificationServiceFixture.NewId();
        using var user = fixture.ClientFor(userId);
        await user.RegisterAsync(receiver.Url, "payout.completed");
        // The account's own notification is not mailed here: this test counts the payout's mail alone.
        await user.SendJsonAsync(HttpMethod.Put, PreferencesPath, new { email = new Dictionary<string, bool> { ["bank_account.added"] = false } });
        await fixture.PublishAsync(Events.AccountAdded(userId, accountId));
        await user.WaitForListAsync(1);
        var payoutId = Guid.NewGuid();

        var messageId = await fixture.PublishAsync(Events.Completed(userId, payoutId, "PO-2026-000901", bankAccountId: accountId));
        await fixture.PublishAsync(Events.Completed(userId, payoutId, "PO-2026-000901", bankAccountId: accountId), messageId);
        await fixture.Deliveries.WaitForAsync(messageId, times: 2);
        var mail = Assert.Single(await fixture.Mail.WaitForMailAsync(address, 1));
        await EmailsSentAsync(userId, 2);
        await Eventually.HoldsAsync(() => receiver.Accepted.Count == 1, "the webhook");

        Assert.Equal("Payout PO-2026-000901 paid", mail.Subject);
        Assert.Contains("no-reply@payouts.test", mail.From);
        foreach (var body in (string[])[mail.Text, mail.Html])
        {
            Assert.Contains("PO-2026-000901", body);
            Assert.Contains("248 USD", body);
            Assert.Contains("Chase ****6789", body);
        }

        var notification = OfType(await user.WaitForListAsync(2), "payout.completed");
        var eventId = notification.GetProperty("id").GetString()!;
        // The Message-Id is the event's and the user's: the same on any retry.
        Assert.Equal($"<{Guid.Parse(eventId):N}.{userId}@payouts.test>", mail.Headers["Message-ID"]);
        Assert.Equal(eventId, Assert.Single(receiver.Accepted).EventId);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await fixture.Mail.MailToAsync(address));
    }

    [Fact]
    public async Task A_payout_being_sent_is_mailed_with_its_masked_destination_in_both_parts()
    {
        var userId = NotificationServiceFixture.NewUserId();
        var address = fixture.Recipients.Add(userId);
        var accountId = NotificationServiceFixture.NewId();
        using var user = fixture.ClientFor(userId);
        await user.SendJsonAsync(HttpMethod.Put, PreferencesPath, new { email = new Dictionary<string, bool> { ["bank_account.added"] = false } });
        await fixture.PublishAsync(Events.AccountAdded(userId, accountId));
        await user.WaitForListAsync(1);

        await fixture.PublishAsync(Events.Processing(userId, Guid.NewGuid(), "PO-2026-000902", accountId));

        var mail = Assert.Single(await fixture.Mail.WaitForMailAsync(address, 1));
        Assert.Equal("Payout PO-2026-000902 is on its way", mail.Subject);
        foreach (var body in (string[])[mail.Text, mail.Html])
        {
            Assert.Contains("Chase ****6789", body);
            Assert.Contains("250.50 USD", body);
            Assert.Contains("PO-2026-000902", body);
        }
    }

    [Fact]
    public async Task A_user_who_turned_a_type_off_gets_none_of_it_and_still_gets_the_others()
    {
        var userId = NotificationServiceFixture.NewUserId();
        var address = fixture.Recipients.Add(userId);
        using var user = fixture.ClientFor(userId);
        var (status, _) = await user.SendJsonAsync(HttpMethod.Put, PreferencesPath, new { email = new Dictionary<string, bool> { ["payout.completed"] = false } });
        Assert.Equal(HttpStatusCode.OK, status);

        await fixture.PublishAsync(Events.Completed(userId, Guid.NewGuid(), "PO-2026-000903"));
        await fixture.PublishAsync(Events.Failed(userId, Guid.NewGuid(), "PO-2026-000904"));
        await EmailsSentAsync(userId, 2);

        var mail = Assert.Single(await fixture.Mail.MailToAsync(address));
        Assert.Equal("Payout PO-2026-000904 could not be paid", mail.Subject);
        // Both events are still in the in-app list.
        Assert.Equal(2, Total(await user.ListAsync()));
    }

    [Fact]
    public async Task A_company_event_mails_each_member_once()
    {
        var company = NotificationServiceFixture.NewCompanyId();
        var (first, second) = (NotificationServiceFixture.NewUserId(), NotificationServiceFixture.NewUserId());
        var (firstAddress, secondAddress) = (fixture.Recipients.Add(first, company), fixture.Recipients.Add(second, company));

        await fixture.PublishAsync(Events.BatchApproved(company, Guid.NewGuid(), "PB-2026-0042"));

        var toFirst = Assert.Single(await fixture.Mail.WaitForMailAsync(firstAddress, 1));
        var toSecond = Assert.Single(await fixture.Mail.WaitForMailAsync(secondAddress, 1));
        Assert.Equal("Batch PB-2026-0042 approved", toFirst.Subject);
        Assert.Contains("1500 USD", toSecond.Text);
        Assert.NotEqual(toFirst.Headers["Message-ID"], toSecond.Headers["Message-ID"]);
    }

    [Fact]
    public async Task Mail_to_an_smtp_server_that_is_down_is_retried_and_delivered_once_it_is_back()
    {
        var userId = NotificationServiceFixture.NewUserId();
        var address = fixture.Recipients.Add(userId);
        fixture.Smtp.Down();
        try
        {
            await fixture.PublishAsync(Events.Completed(userId, Guid.NewGuid(), "PO-2026-000905"));
            var failing = await Eventually.MatchAsync(() => EmailOfAsync(userId), e => e is { Attempts: >= 2 }, "two failed attempts");
            Assert.Equal(EmailMessageStatus.Pending, failing!.Status);
            Assert.NotNull(failing.LastError);
            Assert.Empty(await fixture.Mail.MailToAsync(address));
        }
        finally
        {
            fixture.Smtp.Up();
        }

        var mail = Assert.Single(await fixture.Mail.WaitForMailAsync(address, 1));
        Assert.Equal("Payout PO-2026-000905 paid", mail.Subject);
        var sent = await Eventually.MatchAsync(() => EmailOfAsync(userId), e => e is { Status: EmailMessageStatus.Sent }, "the email marked sent");
        Assert.Null(sent!.LastError);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await fixture.Mail.MailToAsync(address));
    }

    [Fact]
    public async Task Preferences_list_every_type_on_by_default_and_a_change_is_the_callers_alone()
    {
        var (userId, otherId) = (NotificationServiceFixture.NewUserId(), NotificationServiceFixture.NewUserId());
        using var user = fixture.ClientFor(userId);
        using var other = fixture.ClientFor(otherId);

        var (status, body) = await user.SendJsonAsync(HttpMethod.Get, PreferencesPath);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(NotificationTypes.Subscribable.Order(), Email(body).Keys.Order());
        Assert.All(Email(body).Values, Assert.True);

        var (changed, changedBody) = await user.SendJsonAsync(HttpMethod.Put, PreferencesPath,
            new { email = new Dictionary<string, bool> { ["payout.requested"] = false, ["batch.approved"] = false } });
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.False(Email(changedBody)["payout.requested"]);
        Assert.False(Email(changedBody)["batch.approved"]);
        Assert.True(Email(changedBody)["payout.completed"]);
        // Turned on again; the other one stays off.
        await user.SendJsonAsync(HttpMethod.Put, PreferencesPath, new { email = new Dictionary<string, bool> { ["payout.requested"] = true } });
        var (_, now) = await user.SendJsonAsync(HttpMethod.Get, PreferencesPath);
        Assert.True(Email(now)["payout.requested"]);
        Assert.False(Email(now)["batch.approved"]);

        var (_, others) = await other.SendJsonAsync(HttpMethod.Get, PreferencesPath);
        Assert.All(Email(others).Values, Assert.True);
    }

    [Fact]
    public async Task Preferences_refuse_bad_input_naming_the_field_and_change_nothing()
    {
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);

        var (unknown, unknownBody) = await user.SendJsonAsync(HttpMethod.Put, PreferencesPath,
            new { email = new Dictionary<string, object> { ["payout.completed"] = false, ["payout.teleported"] = false } });
        var (notBoolean, notBooleanBody) = await user.SendJsonAsync(HttpMethod.Put, PreferencesPath,
            new { email = new Dictionary<string, object> { ["payout.failed"] = "sometimes" } });
        var (missing, missingBody) = await user.SendJsonAsync(HttpMethod.Put, PreferencesPath, new { });
        using var anonymous = fixture.AnonymousClient();
        using var unauthenticated = await anonymous.GetAsync(PreferencesPath);

        Assert.Equal((HttpStatusCode.BadRequest, "email.payout.teleported"), (unknown, unknownBody.GetProperty("field").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "email.payout.failed"), (notBoolean, notBooleanBody.GetProperty("field").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "email"), (missing, missingBody.GetProperty("field").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        var (_, after) = await user.SendJsonAsync(HttpMethod.Get, PreferencesPath);
        Assert.All(Email(after).Values, Assert.True);
        Assert.Equal(0, await fixture.QueryAsync(db => db.EmailPreferences.CountAsync(p => p.UserId == userId)));
    }

    private const string PreferencesPath = "/api/v1/notifications/preferences/";

    private static Dictionary<string, bool> Email(JsonElement body) =>
        body.GetProperty("email").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetBoolean());

    /// <summary>Waits until <paramref name="count"/> of the user's emails are sent (or had nobody to go to).</summary>
    private Task EmailsSentAsync(string userId, int count) =>
        Eventually.HoldsAsync(async () => await fixture.QueryAsync(db => db.EmailMessages
                .Join(db.Notifications, e => e.NotificationId, n => n.Id, (e, n) => new { e.Status, n.UserId })
                .CountAsync(x => x.UserId == userId && x.Status == EmailMessageStatus.Sent)) == count,
            $"{count} email(s) of user {userId} sent");

    private Task<EmailMessage?> EmailOfAsync(string userId) =>
        fixture.QueryAsync(db => db.EmailMessages.AsNoTracking()
            .Where(e => db.Notifications.Any(n => n.Id == e.NotificationId && n.UserId == userId)).SingleOrDefaultAsync());
}
