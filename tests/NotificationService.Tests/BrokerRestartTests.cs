using System.Diagnostics;
using Payouts.NotificationService.Tests.Support;
using Payouts.Testing;
using Xunit.Abstractions;
using static Payouts.NotificationService.Tests.Support.NotificationsApi;
using static Payouts.NotificationService.Tests.Support.WebhooksApi;

namespace Payouts.NotificationService.Tests;

/// <summary>
/// The broker stopped and started while events stream in: every event is still one in-app notification and one
/// webhook. Publishers resend what the broker did not confirm, with the same message id, as the outbox does
/// (at-least-once); the inbox makes each event count once, and webhooks are sent from the database, not the broker.
/// </summary>
[Collection(NotificationServiceCollection.Name)]
public sealed class BrokerRestartTests(NotificationServiceFixture fixture, ITestOutputHelper output)
{
    private const int EventCount = 30;

    /// <summary>One publish attempt's bound: while the broker is down an attempt may wait for a connection instead of failing.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan BrokerDowntime = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private int _unconfirmedAttempts;

    [Fact]
    public async Task Payouts_completed_while_the_broker_restarts_are_each_notified_in_app_once_and_sent_to_the_webhook_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);
        var (endpointId, _) = await user.RegisterAsync(receiver.Url, "payout.completed");
        var events = Enumerable.Range(1, EventCount)
            .Select(i => (MessageId: Guid.NewGuid(), Event: Events.Completed(userId, Guid.NewGuid(), $"PO-2026-{970_000 + i}")))
            .ToList();
        var (before, during, after) = (events[..10], events[10..20], events[20..]);

        foreach (var (messageId, completed) in before) await PublishUntilConfirmedAsync(completed, messageId);
        await fixture.Infrastructure.StopBrokerAsync();
        var restart = Task.Run(async () =>
        {
            await Task.Delay(BrokerDowntime);
            await fixture.Infrastructure.StartBrokerAsync();
        });
        try
        {
            // The next third is published while the broker is down: each attempt fails or waits until it is back.
            foreach (var (messageId, completed) in during) await PublishUntilConfirmedAsync(completed, messageId);
        }
        finally
        {
            // Even when publishing failed: the other tests of the collection need the broker.
            await restart;
        }
        foreach (var (messageId, completed) in after) await PublishUntilConfirmedAsync(completed, messageId);
        output.WriteLine($"{_unconfirmedAttempts} publish attempt(s) unconfirmed and sent again");
        // Else the broker was back before the middle third was published, and the outage tested nothing.
        Assert.True(_unconfirmedAttempts > 0, "no publish attempt met the stopped broker");

        var list = await Eventually.MatchAsync(() => user.ListAsync("?limit=100"), l => Total(l) >= EventCount, $"{EventCount} notifications", Patience);
        await Eventually.HoldsAsync(() => receiver.Accepted.Count >= EventCount, $"{EventCount} webhooks accepted", Patience);
        // Whatever was delivered twice (a resent publish, a message redelivered after the restart) has been handled by now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        list = await user.ListAsync("?limit=100");

        Assert.Equal(EventCount, Total(list));
        var notified = Items(list).Select(n => n.GetProperty("object_id").GetString()!).Order().ToList();
        Assert.Equal(events.Select(e => e.Event.PayoutId.ToString()).Order(), notified);
        var notificationIds = Items(list).Select(n => n.GetProperty("id").GetString()!).Order().ToList();
        // Each event id arrived once at the receiver, and they are exactly the notifications' ids.
        Assert.Equal(notificationIds, receiver.Accepted.Select(r => r.EventId).Order().ToList());
        var log = await user.DeliveriesAsync(endpointId);
        Assert.Equal(EventCount, log.Length);
        Assert.All(log, d => Assert.Equal("succeeded", Status(d)));
    }

    /// <summary>Publishes with a fixed message id until the broker confirms it, as the outbox does: an unconfirmed attempt may still have arrived.</summary>
    private async Task PublishUntilConfirmedAsync<T>(T message, Guid messageId) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var attempt = new CancellationTokenSource(AttemptTimeout);
            try
            {
                await fixture.PublishAsync(message, messageId, attempt.Token);
                return;
            }
            catch (Exception) when (clock.Elapsed < Patience)
            {
                _unconfirmedAttempts++;
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
