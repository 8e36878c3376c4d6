using MassTransit;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Settlement;
using Payouts.Messaging;
using Payouts.SettlementService.Application;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Endpoints;
using Payouts.SettlementService.Messaging;
using Payouts.SettlementService.Providers;
using Payouts.SettlementService.Reconciliation;
using Payouts.SettlementService.Telemetry;
using Polly;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPublicApiDocuments();
builder.AddPostgresDbContext<SettlementDbContext>("settlementdb");
// After AddPostgresDbContext, whose connection string it keeps: a pool for every transfer in flight and the rest.
builder.Services.ConfigureDbContext<SettlementDbContext>((services, options) =>
    options.UseConnectionPoolFor(services.GetRequiredService<IOptions<TransferOptions>>().Value));
builder.Services.AddTransactionalOutbox<SettlementDbContext>();
builder.AddRabbitMqMessaging(bus =>
{
    // Queues every replica competes on, named in Contracts; each retry replays the inbox transaction and reuses the
    // payment reference, and what still fails goes to <queue>_error.
    // As many at once as Settlement:Transfers:MaxInFlight says (a transfer mostly waits on the provider).
    bus.AddConsumerOnQueue<SettlePayoutConsumer>(SettlementQueues.SettlePayout,
        concurrentMessageLimit: services => services.GetRequiredService<IOptions<TransferOptions>>().Value.MaxInFlight);
    bus.AddConsumerOnQueue<SendMicroDepositsConsumer>(SettlementQueues.SendMicroDeposits, concurrentMessageLimit: 4, SendMicroDepositsRetry.Configure);
    bus.AddConsumerOnQueue<GetSettlementStatusConsumer>(SettlementQueues.GetSettlementStatus);
    bus.AddConsumer<SettlementFaultConsumer, RetryingConsumerDefinition<SettlementFaultConsumer>>();
    // Published, so BankAccountService answers whatever its endpoint is called.
    bus.AddRequestClient<GetSettlementDestination>(RequestTimeout.After(s: 30));
});

builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing.AddSource(ProviderClient.TelemetryName))
    .WithMetrics(metrics => metrics.AddMeter(ProviderClient.TelemetryName));

builder.Services.AddSingleton(TimeProvider.System);
// The key BankAccountService seals micro-deposit amounts with (checked at start below).
builder.Services.AddMicroDepositSeal();
builder.Services.AddOptions<ProviderOptions>().BindConfiguration(ProviderOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<TransferOptions>().BindConfiguration(TransferOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.SectionName);
builder.Services.AddScoped<TransferReconciler>();
builder.Services.AddScoped<ReconciliationReports>();
builder.Services.AddScoped<TransferStatusLookup>();
builder.Services.AddScoped<TransferResolver>();
builder.Services.AddHostedService<ReconciliationSweeper>();
builder.Services.AddSettlementMetrics();
builder.Services.AddQueueDepthMetrics();

// RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the client defaults.
#pragma warning disable EXTEXP0001
builder.Services.AddHttpClient<ProviderClient>((services, http) =>
    {
        var provider = services.GetRequiredService<IOptions<ProviderOptions>>().Value;
        var baseUrl = provider.BaseUrl!.ToString();
        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        http.DefaultRequestHeaders.Add(provider.ApiKeyHeader, provider.ApiKey);
        // The resilience pipeline below owns every timeout.
        http.Timeout = Timeout.InfiniteTimeSpan;
    })
    // A connection per call in flight: every transfer's, and the other work's beside them.
    .UseSocketsHttpHandler((handler, services) =>
        handler.MaxConnectionsPerServer = services.GetRequiredService<IOptions<TransferOptions>>().Value.ProviderConnections)
    // Not the platform's standard handler: its retries would also retry timeouts, whose outcome is unknown.
    .RemoveAllResilienceHandlers()
    .AddResilienceHandler("provider", (pipeline, context) =>
    {
        var provider = context.ServiceProvider.GetRequiredService<IOptions<ProviderOptions>>().Value;
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, provider.MaxRetries),
            Delay = provider.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            // A 5xx, 408, 429 or a failed connection; never an attempt that timed out (the provider may have it).
            ShouldHandle = args => ValueTask.FromResult(provider.MaxRetries > 0 && args.Outcome switch
            {
                { Exception: HttpRequestException } => true,
                { Result: { } response } => (int)response.StatusCode is >= 500 or 408 or 429,
                _ => false,
            }),
        });
        pipeline.AddTimeout(provider.AttemptTimeout);
    });
#pragma warning restore EXTEXP0001

var app = builder.Build();

// `SettlementService migrate`: the AppHost applies the migrations once, before any replica starts.
if (MigrateCommand.IsRequested(args)) return await app.RunMigrateCommandAsync<SettlementDbContext>();

// Fail at start, not on the first SendMicroDeposits, when sealing is not configured.
app.Services.GetRequiredService<MicroDepositSeal>();

app.MapDefaultEndpoints();
app.MapPublicApiDocuments();
app.MapTransferStatusEndpoints();
app.MapReconciliationEndpoints();
app.MapTransferResolutionEndpoints();
app.MapPublicApiFallback();

app.Run();
return 0;

public partial class Program;
