using MassTransit;
using Payouts.BatchService.Application;
using Payouts.BatchService.Data;
using Payouts.BatchService.Endpoints;
using Payouts.BatchService.Messaging;
using Payouts.BatchService.Telemetry;
using Payouts.Contracts;
using Payouts.Contracts.Batches;
using Payouts.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPublicApiDocuments();
builder.AddPostgresDbContext<BatchesDbContext>("batchesdb");
builder.Services.AddTransactionalOutbox<BatchesDbContext>();
builder.Services.AddQueueDepthMetrics();
builder.AddRabbitMqMessaging(bus =>
{
    // The company wallet and the user directory live in PayoutService; time-bound, so its silence costs a 503, not a hang.
    var walletQueries = QueueAddress.For(BatchWalletQueues.WalletQueries);
    var walletTimeout = RequestTimeout.After(ms: (int)builder.Configuration.GetValue("Batches:Wallet:RequestTimeout", TimeSpan.FromSeconds(5)).TotalMilliseconds);
    bus.AddRequestClient<GetCompanyWallet>(walletQueries, walletTimeout);
    bus.AddRequestClient<FindPlatformUser>(walletQueries, walletTimeout);
    // An approved batch: the wallet hold, one payment per recipient, the release (README "The batch saga").
    bus.AddSagaStateMachine<BatchStateMachine, BatchState, RetryingSagaDefinition<BatchState>>()
        .PostgresRepository(r => r.ExistingDbContext<BatchesDbContext>());
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<CompanyWallets>();
builder.Services.AddScoped<PlatformUsers>();
builder.Services.AddScoped<BatchCommands>();
builder.Services.AddScoped<BatchQueries>();
builder.Services.AddScoped<BatchProgress>();
builder.Services.AddScoped<AdminBatchQueries>();
builder.Services.AddBatchMetrics();

var app = builder.Build();

// `BatchService migrate`: the AppHost applies the migrations once, before any replica starts.
if (MigrateCommand.IsRequested(args)) return await app.RunMigrateCommandAsync<BatchesDbContext>();

app.MapDefaultEndpoints();
app.MapPublicApiDocuments();
app.MapBatchEndpoints();
app.MapEmailValidationEndpoints();
app.MapAdminBatchEndpoints();
app.MapPublicApiFallback();

app.Run();
return 0;

public partial class Program;
