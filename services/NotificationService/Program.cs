using MassTransit;
using Payouts.Contracts;
using Payouts.Contracts.Notifications;
using Payouts.Messaging;
using Payouts.NotificationService.Application;
using Payouts.NotificationService.Application.Email;
using Payouts.NotificationService.Application.Webhooks;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Endpoints;
using Payouts.NotificationService.Messaging;
using Payouts.NotificationService.Telemetry;
using Payouts.ServiceDefaults.Encryption;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPublicApiDocuments();
builder.AddPostgresDbContext<NotificationsDbContext>("notificationsdb");
builder.Services.AddTransactionalOutbox<NotificationsDbContext>();
builder.Services.AddQueueDepthMetrics();
builder.AddRabbitMqMessaging(bus =>
{
    // One queue per publishing service, each behind the transactional inbox: every event is told once.
    bus.AddConsumerOnQueue<PayoutEventsConsumer>(NotificationQueues.PayoutEvents, concurrentMessageLimit: 8);
    bus.AddConsumerOnQueue<BankAccountEventsConsumer>(NotificationQueues.BankAccountEvents, concurrentMessageLimit: 8);
    bus.AddConsumerOnQueue<BatchEventsConsumer>(NotificationQueues.BatchEvents, concurrentMessageLimit: 8);
    bus.AddConsumerOnQueue<BillingEventsConsumer>(NotificationQueues.BillingEvents, concurrentMessageLimit: 8);
    // Email's recipients: PayoutService's directory, asked at send time.
    bus.AddRequestClient<GetNotificationRecipients>(QueueAddress.For(NotificationQueues.RecipientQueries),
        RequestTimeout.After(ms: (int)builder.Configuration.GetValue($"{EmailOptions.SectionName}:RecipientsTimeout", TimeSpan.FromSeconds(10)).TotalMilliseconds));
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<Notifier>();
builder.Services.AddScoped<NotificationInbox>();

// Webhooks: endpoints' secrets encrypted with keys from configuration (Notifications:Webhooks:Encryption), checked at
// start; a dispatcher in every replica sends due deliveries (claims are row locks, so replicas never send one twice at once).
builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName)
    .Validate(o => o.Timeout > TimeSpan.Zero && o.BackoffBase > TimeSpan.Zero && o.BackoffCap >= o.BackoffBase && o.Horizon > TimeSpan.Zero,
        "Notifications:Webhooks: Timeout, BackoffBase and Horizon must be positive, BackoffCap at least BackoffBase.")
    .Validate(o => o.FailureThreshold > 0 && o.MaxConcurrency > 0 && o.MaxResponseBytes > 0 && o.PollInterval > TimeSpan.Zero
        && o.RotationOverlap >= TimeSpan.Zero, "Notifications:Webhooks: FailureThreshold, MaxConcurrency, MaxResponseBytes and PollInterval must be positive.")
    .ValidateOnStart();
builder.Services.AddSingleton(services => new FieldEncryptor(EncryptionKeyRing.ForEnvironment(
    services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>(),
    WebhookSecrets.EncryptionSection, WebhookSecrets.DevelopmentPurpose)));
builder.Services.AddSingleton<WebhookSecrets>();
builder.Services.AddSingleton<WebhookUrlPolicy>();
builder.Services.AddSingleton<WebhookSender>();
builder.Services.AddScoped<WebhookSubscriptions>();
builder.Services.AddHostedService<WebhookDispatcher>();
builder.Services.AddWebhookMetrics();

// Email (Notifications:Email, off without a Host): an outbox row per event, sent by a dispatcher in every replica
// (claims are row locks) through SMTP with MailKit; each recipient's copy is recorded as it is accepted.
builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName)
    .Validate(o => !o.Enabled || (o.Port is > 0 and <= 65535 && o.Timeout > TimeSpan.Zero && o.BackoffBase > TimeSpan.Zero && o.BackoffCap >= o.BackoffBase
        && o.Horizon > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.Lease > TimeSpan.Zero && o.BatchSize > 0 && MimeKit.MailboxAddress.TryParse(o.Sender, out _)),
        "Notifications:Email: Port, Sender, Timeout, BackoffBase (at most BackoffCap), Horizon, PollInterval, Lease and BatchSize must be valid.")
    .ValidateOnStart();
builder.Services.AddSingleton<EmailSender>();
builder.Services.AddScoped<EmailPreferences>();
builder.Services.AddScoped<EmailRecipients>();
builder.Services.AddHostedService<EmailDispatcher>();
builder.Services.AddEmailMetrics();

var app = builder.Build();

// `NotificationService migrate`: the AppHost applies the migrations once, before any replica starts.
if (MigrateCommand.IsRequested(args)) return await app.RunMigrateCommandAsync<NotificationsDbContext>();

// Fail at start, not on the first registration, when the secrets' encryption is not configured.
app.Services.GetRequiredService<FieldEncryptor>();

app.MapDefaultEndpoints();
app.MapPublicApiDocuments();
app.MapNotificationEndpoints();
app.MapWebhookEndpoints();
app.MapNotificationPreferenceEndpoints();
app.MapPublicApiFallback();

app.Run();
return 0;

public partial class Program;
