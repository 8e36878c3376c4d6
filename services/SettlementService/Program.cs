using Payouts.SettlementService.Data;
using Payouts.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<SettlementDbContext>("settlementdb");
builder.Services.AddMigration<SettlementDbContext>();
builder.Services.AddTransactionalOutbox<SettlementDbContext>();
builder.AddRabbitMqMessaging();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPublicApiFallback();

app.Run();

public partial class Program;
