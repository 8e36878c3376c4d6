using Payouts.BankAccountService.Data;
using Payouts.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<BankAccountsDbContext>("bankaccountsdb");
builder.Services.AddMigration<BankAccountsDbContext>();
builder.Services.AddTransactionalOutbox<BankAccountsDbContext>();
builder.AddRabbitMqMessaging();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPublicApiFallback();

app.Run();

public partial class Program;
