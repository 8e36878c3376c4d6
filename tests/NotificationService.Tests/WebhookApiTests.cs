using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Payouts.NotificationService.Tests.Support;
using static Payouts.NotificationService.Tests.Support.WebhooksApi;

namespace Payouts.NotificationService.Tests;

/// <summary>Registering and managing webhook endpoints: what is refused, and whose endpoints a caller sees.</summary>
[Collection(NotificationServiceCollection.Name)]
public sealed class WebhookApiTests(NotificationServiceFixture fixture)
{
    [Theory]
    [InlineData("not a url", "The url must be an absolute https URL.")]
    [InlineData("/relative/path", "The url must be an absolute https URL.")]
    [InlineData("ftp://example.com/hook", "The url must be an absolute https URL.")]
    [InlineData("https://user:secret@example.com/hook", "The url must not carry credentials.")]
    [InlineData("http://example.com/hook", "The url must use https.")]
    [InlineData("https://10.0.0.5/hook", "The url must not target a loopback, private, link-local or unspecified address.")]
    [InlineData("https://192.168.1.20:8443/hook", "The url must not target a loopback, private, link-local or unspecified address.")]
    [InlineData("https://169.254.169.254/latest/meta-data", "The url must not target a loopback, private, link-local or unspecified address.")]
    [InlineData("https://127.0.0.2/hook", "The url must not target a loopback, private, link-local or unspecified address.")]
    [InlineData("https://[::1]/hook", "The url must not target a loopback, private, link-local or unspecified address.")]
    [InlineData("https://[fd00::1]/hook", "The url must not target a loopback, private, link-local or unspecified address.")]
    [InlineData("https://0.0.0.0/hook", "The url must not target a loopback, private, link-local or unspecified address.")]
    [InlineData("https://localhost:9443/hook", "The url must not target a loopback, private, link-local or unspecified address.")]
    public async Task A_url_that_is_malformed_not_https_or_private_is_refused_naming_the_field(string url, string message)
    {
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);

        var (status, body) = await user.SendJsonAsync(HttpMethod.Post, WebhooksPath, new { url, events = new[] { "payout.completed" } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("validation_error", "url", message), (body.GetProperty("error").GetString(), body.GetProperty("field").GetString(),
            body.GetProperty("message").GetString()));
        Assert.Equal(0, await fixture.QueryAsync(db => db.WebhookEndpoints.CountAsync(e => e.OwnerId == userId)));
    }

    [Theory]
    [InlineData("""{"url":"https://example.com/hook","events":["payout.completed","payout.exploded"]}""", "events", "Unknown event type(s): payout.exploded.")]
    [InlineData("""{"url":"https://example.com/hook","events":[]}""", "events", "The events field must name at least one event type.")]
    [InlineData("""{"url":"https://example.com/hook"}""", "events", "The events field must name at least one event type.")]
    [InlineData("""{"url":"https://example.com/hook","events":[7]}""", "events", "The events field must be a list of strings.")]
    [InlineData("""{"events":["payout.completed"]}""", "url", "The url field is required.")]
    public async Task Missing_or_unknown_fields_are_refused_naming_the_field(string json, string field, string messageStart)
    {
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await user.PostAsync(new Uri(WebhooksPath, UriKind.Relative), content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, body.GetProperty("field").GetString());
        Assert.StartsWith(messageStart, body.GetProperty("message").GetString());
        Assert.Equal(0, await fixture.QueryAsync(db => db.WebhookEndpoints.CountAsync(e => e.OwnerId == userId)));
    }

    [Fact]
    public async Task A_form_body_registers_with_comma_separated_events_and_the_secret_is_shown_once_and_stored_encrypted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["url"] = receiver.Url, ["events"] = "payout.completed, payout.failed" });

        using var response = await user.PostAsync(new Uri(WebhooksPath, UriKind.Relative), form);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);
        var webhook = created.GetProperty("webhook");
        Assert.Equal(["payout.completed", "payout.failed"], webhook.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.True(webhook.GetProperty("enabled").GetBoolean());
        var id = webhook.GetProperty("id").GetString()!;

        var (_, read) = await user.SendJsonAsync(HttpMethod.Get, EndpointPath(id));
        var (_, list) = await user.SendJsonAsync(HttpMethod.Get, WebhooksPath);
        Assert.DoesNotContain(secret, read.GetRawText());
        Assert.False(read.GetProperty("webhook").TryGetProperty("secret", out _));
        Assert.Equal([id], list.GetProperty("webhooks").EnumerateArray().Select(w => w.GetProperty("id").GetString()));
        var stored = await fixture.QueryAsync(db => db.WebhookEndpoints.SingleAsync(e => e.Id == Guid.Parse(id)));
        Assert.DoesNotContain(secret, stored.EncryptedSecret);
        Assert.StartsWith("test-1:", stored.EncryptedSecret);
    }

    [Fact]
    public async Task Another_owners_endpoint_is_not_found_and_stays_as_it_was()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var companyId = NotificationServiceFixture.NewCompanyId();
        using var owner = fixture.ClientFor(NotificationServiceFixture.NewUserId(), companyId);
        using var colleague = fixture.ClientFor(NotificationServiceFixture.NewUserId(), companyId);
        using var stranger = fixture.ClientFor(NotificationServiceFixture.NewUserId(), NotificationServiceFixture.NewCompanyId());
        var (id, _) = await owner.RegisterAsync(receiver.Url, "batch.approved");
        var before = await fixture.QueryAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == Guid.Parse(id)));

        // A colleague in the same company manages the company's endpoints.
        var (colleagueStatus, _) = await colleague.SendJsonAsync(HttpMethod.Get, EndpointPath(id));
        Assert.Equal(HttpStatusCode.OK, colleagueStatus);

        var fakeDelivery = Guid.NewGuid().ToString();
        (HttpMethod, string, object?)[] attempts =
        [
            (HttpMethod.Get, EndpointPath(id), null),
            (HttpMethod.Put, EndpointPath(id), new { url = "https://example.com/stolen", enabled = false }),
            (HttpMethod.Delete, EndpointPath(id), null),
            (HttpMethod.Post, RotatePath(id), null),
            (HttpMethod.Get, DeliveriesPath(id), null),
            (HttpMethod.Post, RedeliverPath(id, fakeDelivery), null),
        ];
        foreach (var (method, path, body) in attempts)
        {
            var (status, error) = await stranger.SendJsonAsync(method, path, body);
            Assert.True(status == HttpStatusCode.NotFound, $"{method} {path}: {(int)status} {error}");
            Assert.Equal(("not_found", "Webhook endpoint not found"), (error.GetProperty("error").GetString(), error.GetProperty("message").GetString()));
        }

        var (_, strangersList) = await stranger.SendJsonAsync(HttpMethod.Get, WebhooksPath);
        Assert.Empty(strangersList.GetProperty("webhooks").EnumerateArray());
        var after = await fixture.QueryAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == Guid.Parse(id)));
        Assert.Equal((before.Url, before.Enabled, before.EncryptedSecret, before.UpdatedAt), (after.Url, after.Enabled, after.EncryptedSecret, after.UpdatedAt));
    }

    [Fact]
    public async Task An_endpoint_is_changed_and_deleted_by_its_owner()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var user = fixture.ClientFor(NotificationServiceFixture.NewUserId());
        var (id, _) = await user.RegisterAsync(receiver.Url, "payout.completed");

        var (refused, error) = await user.SendJsonAsync(HttpMethod.Put, EndpointPath(id), new { events = new[] { "payout.nothing" } });
        Assert.Equal((HttpStatusCode.BadRequest, "events"), (refused, error.GetProperty("field").GetString()));
        var (changed, body) = await user.SendJsonAsync(HttpMethod.Put, EndpointPath(id), new { events = new[] { "payout.failed", "batch.approved" } });
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal(["payout.failed", "batch.approved"], body.GetProperty("webhook").GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        var (deleted, _) = await user.SendJsonAsync(HttpMethod.Delete, EndpointPath(id));
        var (gone, _) = await user.SendJsonAsync(HttpMethod.Get, EndpointPath(id));
        var (notAnId, _) = await user.SendJsonAsync(HttpMethod.Get, EndpointPath("not-an-id"));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (deleted, gone, notAnId));
    }

    [Fact]
    public async Task An_owner_registers_at_most_twenty_endpoints_even_when_registering_all_at_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);

        var answers = await Task.WhenAll(Enumerable.Range(0, 25).Select(i =>
            user.SendJsonAsync(HttpMethod.Post, WebhooksPath, new { url = $"{receiver.Url}?n={i}", events = new[] { "payout.completed" } })));

        Assert.Equal(20, answers.Count(a => a.Status == HttpStatusCode.Created));
        var refused = answers.Where(a => a.Status != HttpStatusCode.Created).ToList();
        Assert.Equal(5, refused.Count);
        Assert.All(refused, a => Assert.Equal((HttpStatusCode.BadRequest, "At most 20 webhook endpoints may be registered."),
            (a.Status, a.Body.GetProperty("message").GetString())));
        Assert.Equal(20, await fixture.QueryAsync(db => db.WebhookEndpoints.CountAsync(e => e.OwnerId == userId)));
    }

    [Fact]
    public async Task Without_a_token_the_webhooks_api_is_401_in_the_app_envelope()
    {
        using var anonymous = fixture.AnonymousClient();

        var (status, body) = await anonymous.SendJsonAsync(HttpMethod.Get, WebhooksPath);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("authentication_required", body.GetProperty("error").GetString());
    }
}
