using Payouts.BatchService.Data;
using Payouts.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPublicApiDocuments();
builder.AddPostgresDbContext<BatchesDbContext>("batchesdb");
builder.Services.AddTransactionalOutbox<BatchesDbContext>();
builder.Services.AddQueueDepthMetrics();
builder.AddRabbitMqMessaging();

var app = builder.Build();

// `BatchService migrate`: the AppHost applies the migrations once, before any replica starts.
if (MigrateCommand.IsRequested(args)) return await app.RunMigrateCommandAsync<BatchesDbContext>();

app.MapDefaultEndpoints();
app.MapPublicApiDocuments();
app.MapPublicApiFallback();

app.Run();
return 0;

public partial class Program;
