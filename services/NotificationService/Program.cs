using Payouts.Contracts.Notifications;
using Payouts.Messaging;
using Payouts.NotificationService.Application;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Endpoints;
using Payouts.NotificationService.Messaging;

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
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<Notifier>();
builder.Services.AddScoped<NotificationInbox>();

var app = builder.Build();

// `NotificationService migrate`: the AppHost applies the migrations once, before any replica starts.
if (MigrateCommand.IsRequested(args)) return await app.RunMigrateCommandAsync<NotificationsDbContext>();

app.MapDefaultEndpoints();
app.MapPublicApiDocuments();
app.MapNotificationEndpoints();
app.MapPublicApiFallback();

app.Run();
return 0;

public partial class Program;
