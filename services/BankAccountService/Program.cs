using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Payouts.BankAccountService.Application;
using Payouts.BankAccountService.Data;
using Payouts.BankAccountService.Domain;
using Payouts.BankAccountService.Endpoints;
using Payouts.BankAccountService.Messaging;
using Payouts.BankAccountService.Security;
using Payouts.Contracts.BankAccounts;
using Payouts.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPublicApiDocuments();
builder.AddPostgresDbContext<BankAccountsDbContext>("bankaccountsdb");
builder.Services.AddTransactionalOutbox<BankAccountsDbContext>();
builder.Services.AddQueueDepthMetrics();
builder.AddRabbitMqMessaging(
    bus =>
    {
        bus.AddConsumer<GetSettlementDestinationConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<PayoutDestinationQueryConsumer>().ExcludeFromConfigureEndpoints();
        // MicroDepositsSent and MicroDepositsFailed, through ConfigureEndpoints, so the transactional inbox makes it idempotent.
        bus.AddConsumerOnQueue<MicroDepositOutcomeConsumer>(BankAccountQueues.MicroDepositOutcome);
    },
    (context, rabbit) =>
    {
        rabbit.ReceiveEndpoint(BankAccountQueues.GetSettlementDestination, endpoint =>
        {
            endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
            endpoint.ConfigureConsumer<GetSettlementDestinationConsumer>(context);
        });
        // PayoutService waits on these (read-your-writes): brief retries only, its request times out anyway.
        rabbit.ReceiveEndpoint(BankAccountQueues.PayoutDestinations, endpoint =>
        {
            endpoint.UseMessageRetry(retry => retry.Intervals(50, 200));
            endpoint.ConfigureConsumer<PayoutDestinationQueryConsumer>(context);
        });
    });

// Keys are read (and checked) once at start: a service without usable keys must not come up.
builder.Services.AddSingleton(services => BankAccountKeys.FromConfiguration(
    services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()));
builder.Services.AddSingleton<AccountNumberProtector>();
// The key the micro-deposit amounts are sealed with for settlement (checked at start below).
builder.Services.AddMicroDepositSeal();
builder.Services.TryAddKeyedSingleton(ServiceClock.Key, TimeProvider.System);
// Both families this service answers (seed 000's app API, seed 002's single-payout API) name their fields in
// snake_case: the typed responses are written, and described to OpenAPI, that way.
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
builder.Services.AddScoped<BankAccountUpdates>();
builder.Services.AddScoped<BankAccountQueries>();
builder.Services.AddScoped<BeneficiaryUpdates>();
builder.Services.AddScoped<BeneficiaryQueries>();
builder.Services.AddOptions<BankAccountOptions>().BindConfiguration(BankAccountOptions.SectionName)
    .Validate(o => o.ExpiryDays > 0, "BankAccounts:Verification:ExpiryDays must be positive.")
    .Validate(o => o.MaxDepositRounds > 0, "BankAccounts:Verification:MaxDepositRounds must be positive.").ValidateOnStart();

var app = builder.Build();

// `BankAccountService migrate`: the AppHost applies the migrations once, before any replica starts.
if (MigrateCommand.IsRequested(args)) return await app.RunMigrateCommandAsync<BankAccountsDbContext>();

// Fail at start, not on the first request, when encryption or sealing is not configured.
app.Services.GetRequiredService<BankAccountKeys>();
app.Services.GetRequiredService<MicroDepositSeal>();

app.MapDefaultEndpoints();
app.MapPublicApiDocuments();
app.MapBankAccountEndpoints();
app.MapBeneficiaryEndpoints();
app.MapPublicApiFallback();

app.Run();
return 0;

public partial class Program;
