using MassTransit;
using Payouts.Contracts;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Batches;
using Payouts.Contracts.Notifications;
using Payouts.Messaging;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Endpoints;
using Payouts.PayoutService.Messaging;
using Payouts.PayoutService.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPublicApiDocuments();
builder.AddPostgresDbContext<PayoutsDbContext>("payoutsdb");
builder.Services.AddTransactionalOutbox<PayoutsDbContext>();
builder.AddRabbitMqMessaging(bus =>
{
    bus.AddConsumer<BankAccountEventsConsumer, RetryingConsumerDefinition<BankAccountEventsConsumer>>();
    bus.AddConsumer<BeneficiaryEventsConsumer, RetryingConsumerDefinition<BeneficiaryEventsConsumer>>();
    // The company wallet's side of bulk batches (BatchService's saga and endpoints).
    bus.AddConsumerOnQueue<BatchWalletQueriesConsumer>(BatchWalletQueues.WalletQueries, concurrentMessageLimit: 8);
    bus.AddConsumerOnQueue<BatchWalletCommandsConsumer>(BatchWalletQueues.WalletCommands, concurrentMessageLimit: 8);
    bus.AddConsumer<BatchPayoutOutcomeConsumer, RetryingConsumerDefinition<BatchPayoutOutcomeConsumer>>();
    // NotificationService's recipients for email: addresses are read from the directory at send time.
    bus.AddConsumerOnQueue<NotificationRecipientsConsumer>(NotificationQueues.RecipientQueries, concurrentMessageLimit: 8);
    bus.AddSagaStateMachine<PayoutStateMachine, PayoutState, RetryingSagaDefinition<PayoutState>>()
        .PostgresRepository(r => r.ExistingDbContext<PayoutsDbContext>());
    // Read-your-writes on a read-model miss; time-bound, so a BankAccountService that is down costs a 503, not a hang.
    var destinations = QueueAddress.For(BankAccountQueues.PayoutDestinations);
    var destinationTimeout = RequestTimeout.After(ms: (int)builder.Configuration.GetValue("Payouts:BankAccounts:RequestTimeout", TimeSpan.FromSeconds(5)).TotalMilliseconds);
    bus.AddRequestClient<GetBankAccount>(destinations, destinationTimeout);
    bus.AddRequestClient<GetBeneficiaryDetails>(destinations, destinationTimeout);
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<ProcessingOptions>(builder.Configuration.GetSection("Payouts:Processing"));
builder.Services.AddScoped<LedgerStore>();
builder.Services.AddScoped<UserDirectory>();
builder.Services.AddScoped<IdempotentOperation>();
builder.Services.AddScoped<PayoutLifecycle>();
builder.Services.AddScoped<PayoutOperations>();
builder.Services.AddScoped<PayoutDestinations>();
builder.Services.AddScoped<PayoutRequests>();
builder.Services.AddScoped<AccountBilling>();
builder.Services.AddScoped<BatchFunds>();
builder.Services.AddScoped<BatchRecipientPayments>();
builder.Services.AddScoped<EarningsCredits>();
builder.Services.AddScoped<FxRateSettings>();
builder.Services.AddScoped<BalanceQueries>();
builder.Services.AddScoped<PayoutQueries>();
builder.Services.AddScoped<PayoutsPerDay>();
builder.Services.AddHostedService<SettlementStatusSweep>();
builder.Services.AddPayoutMetrics();
builder.Services.AddQueueDepthMetrics();

var app = builder.Build();

// `PayoutService migrate`: the AppHost applies the migrations once, before any replica starts.
if (MigrateCommand.IsRequested(args)) return await app.RunMigrateCommandAsync<PayoutsDbContext>();

app.MapDefaultEndpoints();
app.MapPublicApiDocuments();
app.MapAdminUsersEndpoints();
app.MapUserEndpoints();
app.MapPaymentMethodEndpoints();
app.MapFxRateEndpoints();
app.MapPayoutActionEndpoints();
app.MapBackOfficePayoutEndpoints();
app.MapPayoutQueryEndpoints();
app.MapAdminPayoutQueryEndpoints();
app.MapSimplePayoutEndpoints();
app.MapBillingEndpoints();
app.MapPublicApiFallback();

app.Run();
return 0;

public partial class Program;
