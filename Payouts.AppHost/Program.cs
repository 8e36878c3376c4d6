using Payouts.AppHost;
using Payouts.AppHost.Lifecycle;
using Payouts.AppHost.Operations;
using Payouts.Hosting;
using Payouts.Hosting.Smtp;

if (args is ["token", .. var tokenArguments]) return TokenCommand.Run(tokenArguments);

DashboardDefaults.Apply();
var builder = DistributedApplication.CreateBuilder(args);
try
{
    var platform = PlatformSettings.Read(builder.Configuration);
    builder.AddPlatformWatchers(platform);

    var postgres = builder.AddPlatformPostgres("postgres", platform);
    var messaging = builder.AddPlatformRabbitMQ("messaging", platform);

    var sandbox = builder.AddService<Projects.ProviderSandbox>("provider-sandbox", platform, postgres.AddDatabase("providersandboxdb"))
        .WithSandboxApiKey();

    var bankAccounts = builder.AddService<Projects.BankAccountService>("bank-accounts", platform, postgres.AddDatabase("bankaccountsdb"))
        .WithMessaging(messaging);

    var payouts = builder.AddService<Projects.PayoutService>("payouts", platform, postgres.AddDatabase("payoutsdb"))
        .WithMessaging(messaging)
        .WithReference(bankAccounts);

    var batches = builder.AddService<Projects.BatchService>("batches", platform, postgres.AddDatabase("batchesdb"))
        .WithMessaging(messaging)
        .WithReference(payouts)
        .WithReference(bankAccounts);

    var settlement = builder.AddService<Projects.SettlementService>("settlement", platform, postgres.AddDatabase("settlementdb"))
        .WithMessaging(messaging)
        .WithReplicas(platform.SettlementReplicas)
        .WithReference(bankAccounts)
        .WithReference(payouts)
        .WithProvider(sandbox)
        .WithSettlementOperations(messaging, platform);

    // Every mail the platform sends lands here; its web UI is linked from the dashboard.
    var mail = builder.AddSmtpSink("mail");

    // Consumes the other services' events and asks payouts' directory whom to mail; it calls no service over HTTP.
    var notifications = builder.AddService<Projects.NotificationService>("notifications", platform, postgres.AddDatabase("notificationsdb"))
        .WithMessaging(messaging)
        .WithWebhookAllowedPrivateTargets(platform)
        .WithSmtpSink(mail);

    // Payouts asks settlement for transfer status while handling requests; neither waits for the other to start.
    payouts.WithReference(settlement);

    var gateway = builder.AddService<Projects.Payouts_Gateway>("gateway", platform)
        .WithPublicEndpoint(platform.GatewayPort)
        .WithReference(payouts).WaitFor(payouts)
        .WithReference(bankAccounts).WaitFor(bankAccounts)
        .WithReference(batches).WaitFor(batches)
        .WithReference(settlement).WaitFor(settlement)
        .WithReference(notifications).WaitFor(notifications);

    builder.AddService<Projects.Payouts_Console>("console", platform)
        .WithPublicEndpoint(platform.ConsolePort)
        .WithConsoleSignIn(builder, platform)
        .WithReference(gateway);

    builder.Build().Run();
    return Environment.ExitCode;
}
catch (HostingSetupException e)
{
    Console.Error.WriteLine($"[apphost] error: {e.Message}");
    return 1;
}
