using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Payouts.ProviderSandbox.Authentication;
using Payouts.ProviderSandbox.Configuration;
using Payouts.ProviderSandbox.Data;
using Payouts.ProviderSandbox.Endpoints;
using Payouts.ProviderSandbox.Application;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPostgresDbContext<SandboxDbContext>("providersandboxdb");
// Hosted services start in order: open the configured debit accounts (the schema is there: `migrate` ran first), then sweep.
builder.Services.AddHostedService<DebitAccountSeeder>();
builder.Services.AddHostedService<PendingTransferSweeper>();

builder.Services.AddOptions<SandboxOptions>()
    .BindConfiguration(SandboxOptions.SectionName)
    .Validate(o => o.FailureRate is >= 0 and <= 1, "Sandbox:FailureRate must be between 0 and 1.")
    .ValidateOnStart();
builder.Services.AddSingleton<SandboxKnobs>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<TransferProcessor>();
builder.Services.AddScoped<PendingTransferResolver>();
builder.Services.AddScoped<TransferQueries>();
builder.Services.AddScoped<DebitAccounts>();

// A provider's merchant API authenticates by API key, not by the platform's JWTs.
builder.Services.AddAuthentication()
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, configureOptions: null);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(ApiKeyAuthentication.Policy, policy => policy
        .AddAuthenticationSchemes(ApiKeyAuthentication.Scheme)
        .RequireAuthenticatedUser());

builder.Services.ConfigureHttpJsonOptions(json =>
    json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);

var app = builder.Build();

// `ProviderSandbox migrate`: the AppHost applies the migrations once, before any replica starts.
if (MigrateCommand.IsRequested(args)) return await app.RunMigrateCommandAsync<SandboxDbContext>();

app.MapDefaultEndpoints();
app.MapTransferEndpoints();
app.MapAccountEndpoints();
app.MapSandboxEndpoints();

app.Run();
return 0;

public partial class Program;
