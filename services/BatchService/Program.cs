using MassTransit;
using Payouts.BatchService.Application;
using Payouts.BatchService.Data;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Endpoints;
using Payouts.BatchService.Security;
using Payouts.BatchService.Messaging;
using Payouts.BatchService.Telemetry;
using Payouts.Contracts;
using Payouts.Contracts.Batches;
using Payouts.Messaging;
using Payouts.ServiceDefaults.Encryption;

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

// TOTP secrets are encrypted with keys from configuration (Batches:Encryption), read and checked once at start.
builder.Services.AddSingleton(services => new FieldEncryptor(EncryptionKeyRing.ForEnvironment(
    services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>(),
    TwoFactorSecrets.EncryptionSection, TwoFactorSecrets.DevelopmentPurpose)));
builder.Services.AddSingleton<TwoFactorSecrets>();
builder.Services.AddOptions<TwoFactorPolicy>().BindConfiguration(TwoFactorPolicy.SectionName)
    .Validate(p => p.MaxFailures > 0, "Batches:TwoFactor:MaxFailures must be positive.")
    .Validate(p => p.FailureWindow > TimeSpan.Zero && p.Lockout > TimeSpan.Zero, "Batches:TwoFactor:FailureWindow and Lockout must be positive.")
    .ValidateOnStart();
builder.Services.AddScoped<TwoFactorEnrollments>();
builder.Services.AddScoped<BatchApprovals>();

var app = builder.Build();

// `BatchService migrate`: the AppHost applies the migrations once, before any replica starts.
if (MigrateCommand.IsRequested(args)) return await app.RunMigrateCommandAsync<BatchesDbContext>();

// Fail at start, not on the first enrollment, when the secrets' encryption is not configured.
app.Services.GetRequiredService<FieldEncryptor>();

app.MapDefaultEndpoints();
app.MapPublicApiDocuments();
app.MapBatchEndpoints();
app.MapEmailValidationEndpoints();
app.MapTwoFactorEndpoints();
app.MapBatchApprovalEndpoints();
app.MapAdminBatchEndpoints();
app.MapPublicApiFallback();

app.Run();
return 0;

public partial class Program;
