using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Payouts.Contracts;
using Payouts.NotificationService.Domain;
using Payouts.ServiceDefaults.Json;

namespace Payouts.NotificationService.Application.Email;

/// <summary>An email as sent: subject, plain text and HTML.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);

/// <summary>
/// One template per notification type (the one place mail is worded): a subject and heading per type around the
/// notification's own sentence, with its reference, amount and currency where it has them. Destinations appear only as
/// the masked numbers the events carry; any run of eight or more digits in free text (a provider's reason quoting an
/// account number) is masked again here, so no mail ever shows a full number. Every value is HTML-encoded in the HTML part.
/// </summary>
public static partial class EmailTemplates
{
    private sealed record Template(Func<string, string> Subject, string Heading);

    private static readonly IReadOnlyDictionary<string, Template> Templates = new Dictionary<string, Template>
    {
        [NotificationTypes.PayoutRequested] = new(r => $"Payout {r} requested", "Your payout was requested"),
        [NotificationTypes.PayoutProcessing] = new(r => $"Payout {r} is on its way", "Your payout is being sent"),
        [NotificationTypes.PayoutCompleted] = new(r => $"Payout {r} paid", "Your payout was paid"),
        [NotificationTypes.PayoutFailed] = new(r => $"Payout {r} could not be paid", "Your payout could not be paid"),
        [NotificationTypes.PayoutRejected] = new(r => $"Payout {r} rejected", "Your payout was rejected"),
        [NotificationTypes.PayoutCancelled] = new(r => $"Payout {r} cancelled", "Your payout was cancelled"),
        [NotificationTypes.BatchReady] = new(r => $"Batch {r} is ready for approval", "A batch is ready for approval"),
        [NotificationTypes.BatchApproved] = new(r => $"Batch {r} approved", "A batch was approved"),
        [NotificationTypes.BatchCompleted] = new(r => $"Batch {r} finished", "A batch finished"),
        [NotificationTypes.ManualPaymentApproved] = new(r => $"Payment for invoice {r} approved", "Your payment was approved"),
        [NotificationTypes.ManualPaymentDeclined] = new(r => $"Payment for invoice {r} declined", "Your payment was declined"),
        [NotificationTypes.BankAccountAdded] = new(_ => "Bank account added", "A bank account was added"),
        [NotificationTypes.BankAccountVerified] = new(_ => "Bank account verified", "Your bank account is verified"),
        [NotificationTypes.BankAccountVerificationFailed] = new(_ => "Bank account verification failed", "Your bank account could not be verified"),
        [NotificationTypes.MicroDepositsSent] = new(_ => "Confirm your verification deposits", "Verification deposits were sent"),
        [NotificationTypes.MicroDepositsFailed] = new(_ => "Verification deposits could not be made", "Verification deposits failed"),
    };

    public static bool Has(string type) => Templates.ContainsKey(type);

    /// <summary>The notification as an email; null for a type without a template (it is not mailed).</summary>
    public static RenderedEmail? Render(Notification notification)
    {
        if (!Templates.TryGetValue(notification.Type, out var template)) return null;
        var message = Scrub(notification.Message);
        var reference = notification.Reference is null ? null : Scrub(notification.Reference);
        var amount = notification.Amount is { } sum && notification.Currency is { } currency ? $"{Money.Format(sum)} {currency}" : null;
        var details = new List<(string Label, string Value)>();
        if (reference is not null) details.Add(("Reference", reference));
        if (amount is not null) details.Add(("Amount", amount));
        var footer = $"You receive this email because {notification.Type} emails are on for you; turn them off in your notification preferences.";

        var text = new StringBuilder().Append(template.Heading).Append("\n\n").Append(message).Append("\n\n");
        foreach (var (label, value) in details) text.Append(label).Append(": ").Append(value).Append('\n');
        text.Append('\n').Append(footer).Append('\n');

        var html = new StringBuilder("<!DOCTYPE html><html><body>")
            .Append("<h1>").Append(Encode(template.Heading)).Append("</h1>")
            .Append("<p>").Append(Encode(message)).Append("</p>");
        if (details.Count > 0)
        {
            html.Append("<table>");
            foreach (var (label, value) in details) html.Append("<tr><th>").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");
            html.Append("</table>");
        }

        html.Append("<p><small>").Append(Encode(footer)).Append("</small></p></body></html>");
        return new RenderedEmail(Scrub(template.Subject(reference ?? "")).Trim(), text.ToString(), html.ToString());
    }

    /// <summary>Masks any run of eight or more digits: an account number that reached free text.</summary>
    public static string Scrub(string text) => LongDigitRun().Replace(text, m => AccountNumberMask.Mask(m.Value));

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    [GeneratedRegex("[0-9]{8,}")]
    private static partial Regex LongDigitRun();
}
