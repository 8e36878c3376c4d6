using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Payouts.Contracts.Notifications;

namespace Payouts.NotificationService.Application.Email;

/// <summary>
/// Sends one rendered email to several recipients over one SMTP connection (MailKit), each its own message with a
/// Message-Id stable per event and recipient, so a copy sent again after a lost acknowledgement can be recognised.
/// </summary>
public sealed class EmailSender(IOptions<EmailOptions> options)
{
    /// <summary>
    /// Sends to each recipient in turn and calls <paramref name="accepted"/> as soon as the server took that one's
    /// copy; the first failure throws (the rest wait for the next attempt).
    /// </summary>
    public async Task SendAsync(Guid eventId, RenderedEmail email, IReadOnlyList<NotificationRecipient> recipients,
        Func<NotificationRecipient, Task> accepted, CancellationToken ct)
    {
        var settings = options.Value;
        var sender = MailboxAddress.Parse(settings.Sender);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host!, settings.Port, settings.SecureSocketOptions, ct);
        if (!string.IsNullOrEmpty(settings.UserName)) await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        foreach (var recipient in recipients)
        {
            using var message = Message(eventId, email, sender, recipient);
            await client.SendAsync(message, ct);
            await accepted(recipient);
        }

        await client.DisconnectAsync(quit: true, ct);
    }

    /// <summary>The Message-Id for an event's copy to one user: the same on every attempt.</summary>
    public static string MessageId(Guid eventId, string userId, MailboxAddress sender) =>
        $"{eventId:N}.{userId}@{(string.IsNullOrEmpty(sender.Domain) ? "payouts.local" : sender.Domain)}";

    private static MimeMessage Message(Guid eventId, RenderedEmail email, MailboxAddress sender, NotificationRecipient recipient)
    {
        var message = new MimeMessage { Subject = email.Subject, MessageId = MessageId(eventId, recipient.UserId, sender) };
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse(recipient.Email));
        message.Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody();
        return message;
    }
}
