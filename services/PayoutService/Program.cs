using Payouts.Messaging;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Endpoints;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<PayoutsDbContext>("payoutsdb");
builder.Services.AddMigration<PayoutsDbContext>();
builder.Services.AddTransactionalOutbox<PayoutsDbContext>();
builder.AddRabbitMqMessaging();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<LedgerStore>();
builder.Services.AddScoped<UserDirectory>();
builder.Services.AddScoped<IdempotentOperation>();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapAdminUsersEndpoints();
app.MapUserEndpoints();
app.MapPaymentMethodEndpoints();
app.MapPublicApiFallback();

app.Run();

public partial class Program;
