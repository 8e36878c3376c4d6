using Payouts.NotificationService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Json;

namespace Payouts.NotificationService.Application.Webhooks;

/// <summary>
/// The JSON a receiver gets: <c>{id, type, created, data}</c>, written once when the event arrives (every attempt sends
/// the same bytes). <c>data</c> is the object as the app API shows it, as far as the event carries it: id, reference,
/// amount, currency and the status the event leaves the object in (a payout's, a batch's, a payment's, a bank account's
/// <c>verification_status</c>). Only what <see cref="NotifiableEvent"/> holds, which never has a full account number.
/// </summary>
public static class WebhookPayload
{
    public static string Build(Guid eventId, NotifiableEvent notifiable) => FamilyJson.Serialize(
        new Envelope(eventId, notifiable.Type, notifiable.OccurredAt, Data(notifiable)), ApiFamily.App);

    private static ObjectData Data(NotifiableEvent e) => new(
        e.ObjectType, e.ObjectId, e.Reference, e.Amount, e.Currency, e.Status ?? (e.ObjectType == NotificationObjects.Payout ? PayoutStatusOf(e.Type) : null),
        e.Message);

    /// <summary>The payout status (seed 000's values) each payout event leaves the payout in.</summary>
    private static string? PayoutStatusOf(string type) => type switch
    {
        NotificationTypes.PayoutRequested => "pending",
        NotificationTypes.PayoutProcessing => "processing",
        NotificationTypes.PayoutCompleted => "completed",
        NotificationTypes.PayoutFailed => "failed",
        NotificationTypes.PayoutRejected => "rejected",
        NotificationTypes.PayoutCancelled => "cancelled",
        _ => null,
    };

    private sealed record Envelope(Guid Id, string Type, DateTimeOffset Created, ObjectData Data);

    private sealed record ObjectData(string Object, string Id, string? Reference, decimal? Amount, string? Currency, string? Status, string Message);
}
