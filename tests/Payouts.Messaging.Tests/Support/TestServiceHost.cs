using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payouts.Messaging.Outbox;
using Payouts.Testing;

namespace Payouts.Messaging.Tests.Support;

/// <summary>
/// One "service process": generic host, its DbContext on the test's database, MassTransit on the test broker,
/// the transactional outbox. Disposing it is the process going away.
/// </summary>
public sealed class TestServiceHost : IAsyncDisposable
{
    readonly IHost _host;

    TestServiceHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<TestServiceHost> StartAsync(
        InfrastructureFixture infrastructure,
        string databaseConnectionString,
        Action<IBusRegistrationConfigurator>? registrations = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? endpoints = null,
        Action<TransactionalOutboxOptions>? outbox = null,
        Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:messaging"] = infrastructure.MessagingConnectionString;
        builder.Logging.ClearProviders();
        // PAYOUTS_TEST_LOGS=1 shows the services' logs when diagnosing a failing test.
        if (Environment.GetEnvironmentVariable("PAYOUTS_TEST_LOGS") == "1")
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddDbContext<TestDbContext>(db => db.UseNpgsql(databaseConnectionString));
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddMassTransit(x =>
        {
            x.AddTransactionalOutbox<TestDbContext>(o =>
            {
                o.PollInterval = TimeSpan.FromMilliseconds(250);
                o.MinRetryDelay = TimeSpan.FromMilliseconds(100);
                o.MaxRetryDelay = TimeSpan.FromSeconds(1);
                o.UseInboxOnConfiguredEndpoints = false;
                outbox?.Invoke(o);
            });
            registrations?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(infrastructure.MessagingConnectionString));
                endpoints?.Invoke(context, cfg);
            });
        });

        configure?.Invoke(builder);

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();

        await host.StartAsync();
        return new TestServiceHost(host);
    }

    /// <summary>Like an HTTP request: a DI scope whose IPublishEndpoint writes to the outbox.</summary>
    public async Task InScopeAsync(Func<TestDbContext, IPublishEndpoint, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TestDbContext>(), scope.ServiceProvider.GetRequiredService<IPublishEndpoint>());
    }

    /// <summary>Like <see cref="InScopeAsync"/>, with the scope's outbox-backed send endpoints (sends to named queues).</summary>
    public async Task SendInScopeAsync(Func<TestDbContext, ISendEndpointProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TestDbContext>(), scope.ServiceProvider.GetRequiredService<ISendEndpointProvider>());
    }

    public async Task<T> QueryAsync<T>(Func<TestDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public Task<int> OutboxCountAsync() => QueryAsync(db => db.Set<OutboxMessage>().CountAsync());

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
