using MailKit.Security;

namespace Payouts.NotificationService.Application.Email;

/// <summary>
/// <c>Notifications:Email:*</c>: the SMTP server mail goes through, the sender, and how sends are retried. Without a
/// <see cref="Host"/> email is off: no email rows are written and no dispatcher runs.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Notifications:Email";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>Authenticates when set (with <see cref="Password"/>).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address, e.g. <c>Payouts &lt;no-reply@payouts.example&gt;</c>; its domain names the Message-Ids.</summary>
    public string Sender { get; set; } = "Payouts <no-reply@payouts.local>";

    /// <summary>TLS on connect, STARTTLS, or none (MailKit's names); Auto picks by port and what the server offers.</summary>
    public SecureSocketOptions SecureSocketOptions { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Each SMTP operation's time (connect, authenticate, one message).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long PayoutService has to name the recipients.</summary>
    public TimeSpan RecipientsTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry's delay; each further one doubles it, up to <see cref="BackoffCap"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after the event attempts go on before the email is given up.</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the dispatcher looks for due emails when it found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed email is this replica's: past it, another replica may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Emails claimed per round (sent one after another).</summary>
    public int BatchSize { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The delay before the attempt after <paramref name="attempts"/> failed ones: base × 2^(attempts−1), capped.</summary>
    public TimeSpan BackoffAfter(int attempts) => RetryBackoff.After(attempts, BackoffBase, BackoffCap);
}
