using Payouts.PayoutService.Data;
using Payouts.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<PayoutsDbContext>("payoutsdb");
builder.Services.AddMigration<PayoutsDbContext>();
builder.Services.AddTransactionalOutbox<PayoutsDbContext>();
builder.AddRabbitMqMessaging();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPublicApiFallback();

app.Run();

public partial class Program;
