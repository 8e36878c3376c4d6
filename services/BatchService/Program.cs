using Payouts.BatchService.Data;
using Payouts.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<BatchesDbContext>("batchesdb");
builder.Services.AddMigration<BatchesDbContext>();
builder.Services.AddTransactionalOutbox<BatchesDbContext>();
builder.Services.AddQueueDepthMetrics();
builder.AddRabbitMqMessaging();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPublicApiFallback();

app.Run();

public partial class Program;
