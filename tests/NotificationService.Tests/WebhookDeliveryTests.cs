using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Payouts.NotificationService.Tests.Support;
using Payouts.Testing;
using static Payouts.NotificationService.Tests.Support.NotificationsApi;
using static Payouts.NotificationService.Tests.Support.WebhooksApi;

namespace Payouts.NotificationService.Tests;

/// <summary>Webhooks sent to real receivers on 127.0.0.1, from events published on the real broker.</summary>
[Collection(NotificationServiceCollection.Name)]
public sealed class WebhookDeliveryTests(NotificationServiceFixture fixture)
{
    [Fact]
    public async Task A_completed_payout_sends_one_webhook_the_receiver_verifies_with_the_documented_recipe()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);
        var (id, secret) = await user.RegisterAsync(receiver.Url, "payout.completed");
        var payoutId = Guid.NewGuid();

        var messageId = await fixture.PublishAsync(Events.Completed(userId, payoutId, "PO-2026-000801"));
        // The same message again: the inbox skips it, so there is no second event.
        await fixture.PublishAsync(Events.Completed(userId, payoutId, "PO-2026-000801"), messageId);
        await fixture.Deliveries.WaitForAsync(messageId, times: 2);
        var log = await user.WaitForDeliveriesAsync(id, l => l.Length == 1 && Status(l[0]) == "succeeded", "one succeeded delivery");

        var received = Assert.Single(receiver.Received);
        Assert.True(SignatureRecipe.Verifies(received.Signature, received.Body, secret), received.Signature);
        Assert.Equal(1, SignatureRecipe.SignatureCount(received.Signature));
        Assert.Equal("payout.completed", received.EventType);
        var payload = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal(received.EventId, payload.GetProperty("id").GetString());
        Assert.Equal("payout.completed", payload.GetProperty("type").GetString());
        Assert.Equal("2026-11-02T09:02:00Z", payload.GetProperty("created").GetString());
        var data = payload.GetProperty("data");
        Assert.Equal(("payout", payoutId.ToString(), "PO-2026-000801", 248m, "USD", "completed"), (data.GetProperty("object").GetString(),
            data.GetProperty("id").GetString(), data.GetProperty("reference").GetString(), data.GetProperty("amount").GetDecimal(),
            data.GetProperty("currency").GetString(), data.GetProperty("status").GetString()));

        var delivery = Assert.Single(log);
        Assert.Equal((received.EventId, 1, 200), (delivery.GetProperty("event_id").GetString(), delivery.GetProperty("attempts").GetInt32(),
            delivery.GetProperty("last_response_code").GetInt32()));
        // The event id is the in-app notification's: one event, one id on every channel.
        Assert.Equal(received.EventId, OfType(await user.ListAsync(), "payout.completed").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_finished_batch_reaches_its_companys_endpoint_as_the_batch_with_its_end_status()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var companyId = NotificationServiceFixture.NewCompanyId();
        using var member = fixture.ClientFor(NotificationServiceFixture.NewUserId(), companyId);
        var (id, secret) = await member.RegisterAsync(receiver.Url, "batch.completed");
        var batchId = Guid.NewGuid();

        var finished = Events.BatchCompleted(companyId, batchId, "PB-2026-000901");
        var messageId = await fixture.PublishAsync(finished);
        await fixture.PublishAsync(finished, messageId);
        await fixture.Deliveries.WaitForAsync(messageId, times: 2);
        await member.WaitForDeliveriesAsync(id, l => l.Length == 1 && Status(l[0]) == "succeeded", "the batch's delivery");

        var received = Assert.Single(receiver.Received);
        Assert.True(SignatureRecipe.Verifies(received.Signature, received.Body, secret), received.Signature);
        Assert.Equal("batch.completed", received.EventType);
        var payload = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal(("batch.completed", "2026-11-02T09:09:00Z"), (payload.GetProperty("type").GetString(), payload.GetProperty("created").GetString()));
        var data = payload.GetProperty("data");
        Assert.Equal(("batch", batchId.ToString(), "PB-2026-000901", 1800m, "USD", "completed"), (data.GetProperty("object").GetString(),
            data.GetProperty("id").GetString(), data.GetProperty("reference").GetString(), data.GetProperty("amount").GetDecimal(),
            data.GetProperty("currency").GetString(), data.GetProperty("status").GetString()));
        Assert.StartsWith("Batch PB-2026-000901 completed: 2 of 3 recipients paid", data.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_subscribed_types_of_the_owners_own_events_are_sent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (userId, otherUserId) = (NotificationServiceFixture.NewUserId(), NotificationServiceFixture.NewUserId());
        using var user = fixture.ClientFor(userId);
        var (id, _) = await user.RegisterAsync(receiver.Url, "payout.failed");

        await fixture.PublishAsync(Events.Completed(userId, Guid.NewGuid(), "PO-2026-000811"));
        await fixture.PublishAsync(Events.Failed(otherUserId, Guid.NewGuid(), "PO-2026-000812"));
        await fixture.PublishAsync(Events.Failed(userId, Guid.NewGuid(), "PO-2026-000813"));
        await user.WaitForDeliveriesAsync(id, l => l.Length == 1 && Status(l[0]) == "succeeded", "the failed payout's delivery");
        // Both earlier events were handled before the last (one queue, in order), and made no delivery.
        using var other = fixture.ClientFor(otherUserId);
        await other.WaitForListAsync(1);

        var received = Assert.Single(receiver.Received);
        Assert.Equal("payout.failed", received.EventType);
        Assert.Contains("PO-2026-000813", received.Body);
    }

    [Fact]
    public async Task A_company_users_payout_reaches_the_companys_endpoint_through_to_its_completion()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (userId, companyId) = (NotificationServiceFixture.NewUserId(), NotificationServiceFixture.NewCompanyId());
        using var member = fixture.ClientFor(userId, companyId);
        using var colleague = fixture.ClientFor(NotificationServiceFixture.NewUserId(), companyId);
        var (id, secret) = await colleague.RegisterAsync(receiver.Url, "payout.requested", "payout.completed");
        var payoutId = Guid.NewGuid();

        var requested = await fixture.PublishAsync(Events.Requested(userId, payoutId, "PO-2026-000871", companyId: companyId));
        await fixture.Deliveries.WaitForAsync(requested, times: 1);
        await fixture.PublishAsync(Events.Completed(userId, payoutId, "PO-2026-000871"));
        await member.WaitForDeliveriesAsync(id, l => l.Length == 2 && l.All(d => Status(d) == "succeeded"), "both of the payout's events");

        Assert.Equal(["payout.requested", "payout.completed"], receiver.Accepted.Select(r => r.EventType));
        Assert.All(receiver.Accepted, r => Assert.True(SignatureRecipe.Verifies(r.Signature, r.Body, secret)));
        Assert.All(receiver.Accepted, r => Assert.Contains(payoutId.ToString(), r.Body));
    }

    [Fact]
    public async Task A_company_payouts_completion_that_overtakes_its_request_still_reaches_the_companys_endpoint()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (userId, companyId) = (NotificationServiceFixture.NewUserId(), NotificationServiceFixture.NewCompanyId());
        using var colleague = fixture.ClientFor(NotificationServiceFixture.NewUserId(), companyId);
        var (id, _) = await colleague.RegisterAsync(receiver.Url, "payout.completed");
        var payoutId = Guid.NewGuid();

        // No PayoutRequested has been seen for this payout: the company comes from the event itself.
        await fixture.PublishAsync(Events.Completed(userId, payoutId, "PO-2026-000872", companyId: companyId));
        await colleague.WaitForDeliveriesAsync(id, l => l.Length == 1 && Status(l[0]) == "succeeded", "the completion's delivery");

        var received = Assert.Single(receiver.Accepted);
        Assert.Equal("payout.completed", received.EventType);
        Assert.Contains(payoutId.ToString(), received.Body);
    }

    [Fact]
    public async Task A_receiver_down_for_a_while_gets_each_event_once_after_it_comes_back()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var down = true;
        receiver.Answer = context =>
        {
            if (Volatile.Read(ref down)) context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        };
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);
        var (id, secret) = await user.RegisterAsync(receiver.Url, "payout.completed", "payout.failed");

        await fixture.PublishAsync(Events.Completed(userId, Guid.NewGuid(), "PO-2026-000821"));
        await fixture.PublishAsync(Events.Failed(userId, Guid.NewGuid(), "PO-2026-000822"));
        var failing = await user.WaitForDeliveriesAsync(id, l => l.Length == 2 && l.All(d => d.GetProperty("attempts").GetInt32() >= 1),
            "both deliveries attempted");
        Assert.All(failing, d => Assert.Equal(("pending", 503), (Status(d), d.GetProperty("last_response_code").GetInt32())));
        Assert.All(failing, d => Assert.Equal("HTTP 503", d.GetProperty("last_error").GetString()));

        Volatile.Write(ref down, false);
        var log = await user.WaitForDeliveriesAsync(id, l => l.All(d => Status(d) == "succeeded"), "both delivered after the receiver came back");

        Assert.Equal(2, receiver.Accepted.Count);
        Assert.Equal(2, receiver.Accepted.Select(r => r.EventId).Distinct().Count());
        Assert.All(receiver.Received, r => Assert.True(SignatureRecipe.Verifies(r.Signature, r.Body, secret)));
        Assert.All(log, d => Assert.True(d.GetProperty("attempts").GetInt32() >= 2));
        // Every attempt of one event sent the same event id and the same bytes.
        Assert.All(receiver.Received.GroupBy(r => r.EventId), attempts => Assert.Single(attempts.Select(a => a.Body).Distinct()));
        // Still nothing more is sent: each event was accepted once.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, receiver.Accepted.Count);
    }

    [Fact]
    public async Task During_a_rotations_overlap_both_the_new_and_the_old_secret_verify()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);
        var (id, oldSecret) = await user.RegisterAsync(receiver.Url, "payout.completed");

        var (status, rotated) = await user.SendJsonAsync(HttpMethod.Post, RotatePath(id));
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var newSecret = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(oldSecret, newSecret);
        Assert.NotEqual(JsonValueKind.Null, rotated.GetProperty("webhook").GetProperty("previous_secret_expires_at").ValueKind);

        await fixture.PublishAsync(Events.Completed(userId, Guid.NewGuid(), "PO-2026-000831"));
        await user.WaitForDeliveriesAsync(id, l => l.Length == 1 && Status(l[0]) == "succeeded", "the delivery");

        var received = Assert.Single(receiver.Received);
        Assert.Equal(2, SignatureRecipe.SignatureCount(received.Signature));
        Assert.True(SignatureRecipe.Verifies(received.Signature, received.Body, newSecret));
        Assert.True(SignatureRecipe.Verifies(received.Signature, received.Body, oldSecret));
        Assert.False(SignatureRecipe.Verifies(received.Signature, received.Body, "whsec_someone_elses"));
    }

    [Fact]
    public async Task A_delivery_is_redelivered_on_request_with_the_same_event_id_and_body()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);
        var (id, secret) = await user.RegisterAsync(receiver.Url, "payout.completed");
        await fixture.PublishAsync(Events.Completed(userId, Guid.NewGuid(), "PO-2026-000841"));
        var delivered = Assert.Single(await user.WaitForDeliveriesAsync(id, l => l.Length == 1 && Status(l[0]) == "succeeded", "the delivery"));
        var deliveryId = delivered.GetProperty("id").GetString()!;

        var (status, body) = await user.SendJsonAsync(HttpMethod.Post, RedeliverPath(id, deliveryId));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, status);
        Assert.Equal("pending", body.GetProperty("delivery").GetProperty("status").GetString());
        var log = await user.WaitForDeliveriesAsync(id, l => l[0].GetProperty("attempts").GetInt32() == 2 && Status(l[0]) == "succeeded", "redelivered");

        Assert.Single(log);
        Assert.Equal(2, receiver.Accepted.Count);
        Assert.Single(receiver.Accepted.Select(r => (r.EventId, r.Body)).Distinct());
        Assert.All(receiver.Accepted, r => Assert.True(SignatureRecipe.Verifies(r.Signature, r.Body, secret)));
    }

    [Fact]
    public async Task Slow_redirecting_and_huge_answers_are_bounded_and_never_hold_up_another_endpoint()
    {
        await using var slow = await WebhookReceiver.StartAsync();
        await using var redirecting = await WebhookReceiver.StartAsync();
        await using var huge = await WebhookReceiver.StartAsync();
        await using var healthy = await WebhookReceiver.StartAsync();
        slow.Answer = context => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        redirecting.Answer = context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = healthy.BaseUrl + "/redirected";
            return Task.CompletedTask;
        };
        huge.Answer = async context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            var chunk = new string('x', 64 * 1024);
            for (var i = 0; i < 80 && !context.RequestAborted.IsCancellationRequested; i++) await context.Response.WriteAsync(chunk, context.RequestAborted);
        };
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);
        var (slowId, _) = await user.RegisterAsync(slow.Url, "payout.completed");
        var (redirectingId, _) = await user.RegisterAsync(redirecting.Url, "payout.completed");
        var (hugeId, _) = await user.RegisterAsync(huge.Url, "payout.completed");
        var (healthyId, _) = await user.RegisterAsync(healthy.Url, "payout.completed");

        await fixture.PublishAsync(Events.Completed(userId, Guid.NewGuid(), "PO-2026-000851"));

        await user.WaitForDeliveriesAsync(healthyId, l => l.Length == 1 && Status(l[0]) == "succeeded", "the healthy endpoint's delivery");
        var slowLog = await user.WaitForDeliveriesAsync(slowId, l => l.Length == 1 && l[0].GetProperty("attempts").GetInt32() >= 1, "the slow attempt");
        Assert.Equal("Timed out after 2 s", slowLog[0].GetProperty("last_error").GetString());
        Assert.Equal(JsonValueKind.Null, slowLog[0].GetProperty("last_response_code").ValueKind);
        // The healthy receiver had its event while the slow one was still being waited for.
        Assert.True(healthy.Received[0].ReceivedAt < slow.Received[0].AnsweredAt,
            $"healthy at {healthy.Received[0].ReceivedAt:O}, slow given up at {slow.Received[0].AnsweredAt:O}");

        var redirectLog = await user.WaitForDeliveriesAsync(redirectingId, l => l.Length == 1 && l[0].GetProperty("attempts").GetInt32() >= 1, "the redirect");
        Assert.Equal(("pending", 302), (Status(redirectLog[0]), redirectLog[0].GetProperty("last_response_code").GetInt32()));
        Assert.Contains("redirects are not followed", redirectLog[0].GetProperty("last_error").GetString());
        Assert.DoesNotContain(healthy.Received, r => r.Path == "/redirected");

        var hugeLog = await user.WaitForDeliveriesAsync(hugeId, l => l.Length == 1 && l[0].GetProperty("attempts").GetInt32() >= 1, "the huge answer");
        var hugeError = hugeLog[0].GetProperty("last_error").GetString()!;
        Assert.Equal(500, hugeLog[0].GetProperty("last_response_code").GetInt32());
        Assert.StartsWith("HTTP 500: xxxx", hugeError);
        Assert.True(hugeError.Length < 1000, $"{hugeError.Length} characters kept");
    }

    [Fact]
    public async Task An_endpoint_failing_time_after_time_is_disabled_its_owner_told_and_enabling_it_sends_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var failing = true;
        receiver.Answer = context =>
        {
            if (Volatile.Read(ref failing)) context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        };
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);
        var (id, _) = await user.RegisterAsync(receiver.Url, "payout.completed");

        await fixture.PublishAsync(Events.Completed(userId, Guid.NewGuid(), "PO-2026-000861"));
        var list = await user.WaitForListAsync(2);

        var told = OfType(list, "webhook.disabled");
        Assert.Equal(("webhook_endpoint", id), (told.GetProperty("object_type").GetString(), told.GetProperty("object_id").GetString()));
        Assert.Contains(receiver.Url, told.GetProperty("message").GetString());
        var (_, endpoint) = await user.SendJsonAsync(HttpMethod.Get, EndpointPath(id));
        Assert.False(endpoint.GetProperty("webhook").GetProperty("enabled").GetBoolean());
        Assert.Contains($"{NotificationServiceFixture.FailureThreshold} consecutive failed deliveries",
            endpoint.GetProperty("webhook").GetProperty("disabled_reason").GetString());
        Assert.Equal(NotificationServiceFixture.FailureThreshold, receiver.Received.Count);

        Volatile.Write(ref failing, false);
        var (status, enabled) = await user.SendJsonAsync(HttpMethod.Put, EndpointPath(id), new { enabled = true });
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.True(enabled.GetProperty("webhook").GetProperty("enabled").GetBoolean());
        await user.WaitForDeliveriesAsync(id, l => Status(l[0]) == "succeeded", "delivered once enabled again");
        Assert.Single(receiver.Accepted);
    }
}
