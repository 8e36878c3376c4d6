using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Messaging.Tests.Support;
using Payouts.Testing;

namespace Payouts.Messaging.Tests;

[Collection(Infrastructure.Collection)]
public sealed class SagaRepositoryTests(InfrastructureFixture infrastructure)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    readonly Guid _run = Guid.NewGuid();

    Task<TestServiceHost> StartCounterServiceAsync(string database, string queue) =>
        TestServiceHost.StartAsync(infrastructure, database,
            x => x.AddSagaStateMachine<CounterStateMachine, CounterState>()
                .PostgresRepository(r => r.ExistingDbContext<TestDbContext>())
                .ExcludeFromConfigureEndpoints(),
            // Durable like the address commands are sent to ("queue:name"); the test broker is private.
            (context, cfg) => cfg.ReceiveEndpoint(queue, e =>
            {
                e.PrefetchCount = 20;
                e.ConcurrentMessageLimit = 20;
                e.UseMessageRetry(r => r.Immediate(5));
                e.UseTransactionalInbox<TestDbContext>(context);
                e.ConfigureSaga<CounterState>(context);
            }));

    async Task StartCounterAsync(TestServiceHost service, ISendEndpoint endpoint, Guid counterId, string name)
    {
        await endpoint.Send(new CounterStarted(counterId, name));
        await Eventually.HoldsAsync(
            () => service.QueryAsync(db => db.Counters.AnyAsync(c => c.CorrelationId == counterId)),
            "the saga instance to be created", Timeout);
    }

    static Task WaitForCountAsync(TestServiceHost service, Guid counterId, int expected) =>
        Eventually.MatchAsync(
            () => CountAsync(service, counterId), count => count >= expected,
            $"the saga to count {expected}", Timeout);

    static Task<int> CountAsync(TestServiceHost service, Guid counterId) =>
        service.QueryAsync(db => db.Counters.Where(c => c.CorrelationId == counterId).Select(c => c.Count).SingleAsync());

    [Fact]
    public async Task Concurrent_events_on_one_instance_are_all_applied()
    {
        var database = await infrastructure.CreateDatabaseAsync("saga_concurrent");
        var queue = $"counter-{_run:N}";
        await using var service = await StartCounterServiceAsync(database, queue);
        var endpoint = await service.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{queue}"));
        var counterId = Guid.NewGuid();
        await StartCounterAsync(service, endpoint, counterId, $"counter-{_run:N}");

        const int increments = 20;
        await Task.WhenAll(Enumerable.Range(0, increments).Select(_ => endpoint.Send(new CounterIncremented(counterId))));

        await WaitForCountAsync(service, counterId, increments);
        Assert.Equal(increments, await CountAsync(service, counterId));
        Assert.Equal(increments + 1, await service.QueryAsync(db => db.Set<Inbox.InboxState>().CountAsync()));
    }

    [Fact]
    public async Task Events_correlated_by_expression_are_all_applied()
    {
        var database = await infrastructure.CreateDatabaseAsync("saga_query");
        var queue = $"counter-{_run:N}";
        await using var service = await StartCounterServiceAsync(database, queue);
        var endpoint = await service.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{queue}"));
        var counterId = Guid.NewGuid();
        var name = $"named-{_run:N}";
        await StartCounterAsync(service, endpoint, counterId, name);
        await StartCounterAsync(service, endpoint, Guid.NewGuid(), $"other-{_run:N}");

        const int bumps = 10;
        await Task.WhenAll(Enumerable.Range(0, bumps).Select(_ => endpoint.Send(new CounterBumpedByName(name))));

        await WaitForCountAsync(service, counterId, bumps);
        Assert.Equal(bumps, await CountAsync(service, counterId));
        Assert.Equal(0, await service.QueryAsync(db => db.Counters.Where(c => c.CorrelationId != counterId).Select(c => c.Count).SingleAsync()));
    }
}
