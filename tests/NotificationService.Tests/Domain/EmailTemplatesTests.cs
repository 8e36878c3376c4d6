using Payouts.NotificationService.Application.Email;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Tests.Domain;

public sealed class EmailTemplatesTests
{
    public static TheoryData<string> SubscribableTypes() => [.. NotificationTypes.Subscribable];

    /// <summary>A type added to the subscribable list fails here until it has its template.</summary>
    [Theory]
    [MemberData(nameof(SubscribableTypes))]
    public void Every_subscribable_type_has_a_template_with_a_subject_text_and_html(string type)
    {
        Assert.True(EmailTemplates.Has(type), $"{type} has no email template");
        var mail = EmailTemplates.Render(Notification(type, "Your payout PO-2026-000001 of 248 USD was paid."))!;

        Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
        Assert.Contains("Your payout PO-2026-000001 of 248 USD was paid.", mail.Text);
        Assert.Contains("Your payout PO-2026-000001 of 248 USD was paid.", mail.Html);
        Assert.Contains("248 USD", mail.Html);
    }

    /// <summary>Free text that quotes a full account number (a provider's reason) is masked in every part.</summary>
    [Theory]
    [MemberData(nameof(SubscribableTypes))]
    public void No_rendered_mail_contains_a_full_account_number(string type)
    {
        var mail = EmailTemplates.Render(Notification(type, "Your payout could not be paid: account 000123456789 is closed.", reference: "REF-40012345678"))!;

        foreach (var part in (string[])[mail.Subject, mail.Text, mail.Html])
        {
            Assert.DoesNotContain("000123456789", part);
            Assert.DoesNotContain("40012345678", part);
        }

        Assert.Contains("****6789", mail.Text);
        Assert.Contains("****6789", mail.Html);
    }

    [Fact]
    public void Every_value_is_html_encoded_in_the_html_part()
    {
        var mail = EmailTemplates.Render(Notification(NotificationTypes.PayoutRejected, "Rejected: <script>alert('x')</script> & more", "<b>PO</b>"))!;

        Assert.DoesNotContain("<script>", mail.Html);
        Assert.DoesNotContain("<b>PO</b>", mail.Html);
        Assert.Contains("&lt;script&gt;", mail.Html);
        Assert.Contains("<script>", mail.Text);
    }

    [Fact]
    public void A_type_without_a_template_is_not_mailed() =>
        Assert.Null(EmailTemplates.Render(Notification(NotificationTypes.WebhookDisabled, "Your webhook endpoint was disabled.")));

    private static Notification Notification(string type, string message, string? reference = "PO-2026-000001") => new()
    {
        Id = Guid.NewGuid(),
        UserId = "42",
        Type = type,
        Message = message,
        ObjectType = NotificationObjects.Payout,
        ObjectId = Guid.NewGuid().ToString(),
        Reference = reference,
        Amount = 248m,
        Currency = "USD",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
