using Payouts.NotificationService.Application;
using Payouts.NotificationService.Application.Webhooks;
using Payouts.NotificationService.Tests.Support;

namespace Payouts.NotificationService.Tests.Domain;

/// <summary>The worked example of ARCHITECTURE §4 is true: its body is what the service builds, and its signature what it sends.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_Zm9yLWRvY3MtZXhhbXBsZS1vbmx5";
    private const long Timestamp = 1764633600;

    private const string Body =
        """{"id":"0193a5c2-7b1e-7c3d-9f4a-2b6e8d1c0a57","type":"payout.completed","created":"2025-12-02T00:00:00Z","data":{"object":"payout","id":"5f0c7d2e-3b8a-4c1f-9e6d-2a4b8c0d1e3f","reference":"PO-2025-000501","amount":248,"currency":"USD","status":"completed","message":"Your payout PO-2025-000501 of 248 USD was paid."}}""";

    private const string Signature = "f3cde40a7f3873b82022aa014b85d5bb1abef02196cbf0a0e62a6900da24a0f4";

    [Fact]
    public void The_worked_examples_body_is_the_payload_the_service_builds_for_that_payout()
    {
        var completed = NotifiableEvents.Of(Events.Completed("42", Guid.Parse("5f0c7d2e-3b8a-4c1f-9e6d-2a4b8c0d1e3f"), "PO-2025-000501",
            new DateTimeOffset(2025, 12, 2, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(Body, WebhookPayload.Build(Guid.Parse("0193a5c2-7b1e-7c3d-9f4a-2b6e8d1c0a57"), completed!));
    }

    [Fact]
    public void The_worked_examples_signature_is_what_the_service_sends_and_the_recipe_checks()
    {
        Assert.Equal($"t={Timestamp},v1={Signature}", WebhookSignature.HeaderValue(Timestamp, Body, [Secret]));
        Assert.True(SignatureRecipe.Verifies($"t={Timestamp},v1={Signature}", Body, Secret, tolerance: TimeSpan.FromDays(36500)));
        Assert.False(SignatureRecipe.Verifies($"t={Timestamp},v1={Signature}", Body + " ", Secret, tolerance: TimeSpan.FromDays(36500)));
    }

    [Fact]
    public void During_an_overlap_each_active_secret_signs_current_first()
    {
        var header = WebhookSignature.HeaderValue(Timestamp, Body, ["whsec_new", Secret]);

        Assert.Equal($"t={Timestamp},v1={WebhookSignature.Sign("whsec_new", Timestamp, Body)},v1={Signature}", header);
    }
}
