using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Messaging.Tests.Support;
using Payouts.Testing;

namespace Payouts.Messaging.Tests;

[Collection(Infrastructure.Collection)]
public sealed class OutboxTests(InfrastructureFixture infrastructure)
{
    static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(20);
    readonly Guid _run = Guid.NewGuid();

    string Queue(string name) => $"{name}-{_run:N}";

    /// <summary>A consumer on its own auto-deleted queue that records this run's ValueRecorded, one at a time in queue order.</summary>
    Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator> RecordValues(string queue) => (context, cfg) =>
        cfg.ReceiveEndpoint(queue, e =>
        {
            e.AutoDelete = true;
            e.PrefetchCount = 1;
            e.ConcurrentMessageLimit = 1;
            e.ConfigureConsumer<ValueRecordedConsumer>(context);
        });

    Action<IBusRegistrationConfigurator> Recorder(Received<ValueRecorded> received) => x =>
    {
        x.AddSingleton(received);
        x.AddConsumer<ValueRecordedConsumer>().ExcludeFromConfigureEndpoints();
    };

    [Fact]
    public async Task Rolled_back_transaction_publishes_nothing()
    {
        var database = await infrastructure.CreateDatabaseAsync("outbox_rollback");
        var received = new Received<ValueRecorded>();
        await using var service = await TestServiceHost.StartAsync(infrastructure, database, Recorder(received), RecordValues(Queue("rollback")));

        await service.InScopeAsync(async (db, publish) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await publish.Publish(new ValueRecorded(_run, 1));
            db.LedgerEntries.Add(new LedgerEntry { Id = Guid.NewGuid(), AccountId = Guid.NewGuid(), Amount = 10m });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });

        // Delivery is in commit order through one queue, so once the later message arrives the rolled-back one
        // would already have been seen if it had been sent at all.
        await service.InScopeAsync(async (db, publish) =>
        {
            await publish.Publish(new ValueRecorded(_run, 2));
            await db.SaveChangesAsync();
        });

        await received.WaitForAsync(m => m.Any(v => v.RunId == _run && v.Sequence == 2), DeliveryTimeout, "the committed message");
        Assert.Equal([2], received.Messages.Where(v => v.RunId == _run).Select(v => v.Sequence));
        Assert.Equal(0, await service.QueryAsync(db => db.LedgerEntries.CountAsync()));
        await Eventually.MatchAsync(() => service.OutboxCountAsync(), rows => rows == 0, "the outbox to empty (rows left)", DeliveryTimeout);
    }

    [Fact]
    public async Task Message_committed_before_the_process_died_is_delivered_exactly_once_by_the_next_process()
    {
        var database = await infrastructure.CreateDatabaseAsync("outbox_crash");
        Guid publishedMessageId = default;

        // First process: commits state + message, and dies before its dispatcher ever runs.
        await using (var crashed = await TestServiceHost.StartAsync(infrastructure, database, outbox: o => o.DispatcherEnabled = false))
        {
            await crashed.InScopeAsync(async (db, publish) =>
            {
                await publish.Publish(new ValueRecorded(_run, 1), context => publishedMessageId = context.MessageId!.Value);
                db.LedgerEntries.Add(new LedgerEntry { Id = Guid.NewGuid(), AccountId = Guid.NewGuid(), Amount = 25m });
                await db.SaveChangesAsync();
            });
            Assert.Equal(1, await crashed.OutboxCountAsync());
        }

        var received = new Received<ValueRecorded>();
        await using var restarted = await TestServiceHost.StartAsync(infrastructure, database, Recorder(received), RecordValues(Queue("crash")));

        await received.WaitForAsync(m => m.Any(v => v.RunId == _run), DeliveryTimeout, "the message left in the outbox");

        // A later message through the same ordered outbox and queue bounds the wait for any second copy.
        await restarted.InScopeAsync(async (db, publish) =>
        {
            await publish.Publish(new ValueRecorded(_run, 2));
            await db.SaveChangesAsync();
        });
        await received.WaitForAsync(m => m.Any(v => v.RunId == _run && v.Sequence == 2), DeliveryTimeout, "the later message");

        Assert.Equal([1, 2], received.Messages.Where(v => v.RunId == _run).Select(v => v.Sequence));
        Assert.Equal(publishedMessageId, received.MessageIds[0]);
        Assert.Equal(1, await restarted.QueryAsync(db => db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task Messages_are_delivered_in_commit_order_with_two_dispatching_replicas()
    {
        var database = await infrastructure.CreateDatabaseAsync("outbox_order");
        var received = new Received<ValueRecorded>();
        await using var replicaA = await TestServiceHost.StartAsync(infrastructure, database, Recorder(received), RecordValues(Queue("order")));
        await using var replicaB = await TestServiceHost.StartAsync(infrastructure, database);

        const int transactions = 20, perTransaction = 5;
        var sequence = 0;
        for (var t = 0; t < transactions; t++)
        {
            // Producers in both replicas write to the one outbox; both replicas run a dispatcher.
            var producer = t % 2 == 0 ? replicaA : replicaB;
            await producer.InScopeAsync(async (db, publish) =>
            {
                for (var i = 0; i < perTransaction; i++)
                    await publish.Publish(new ValueRecorded(_run, ++sequence));
                await db.SaveChangesAsync();
            });
        }

        const int total = transactions * perTransaction;
        await received.WaitForAsync(m => m.Count(v => v.RunId == _run) >= total, DeliveryTimeout, $"{total} messages");
        Assert.Equal(Enumerable.Range(1, total), received.Messages.Where(v => v.RunId == _run).Select(v => v.Sequence));
        await Eventually.MatchAsync(() => replicaA.OutboxCountAsync(), rows => rows == 0, "the outbox to empty (rows left)", DeliveryTimeout);
    }

    [Fact]
    public async Task Message_committed_while_the_broker_is_down_is_delivered_once_it_is_back()
    {
        var database = await infrastructure.CreateDatabaseAsync("outbox_broker_down");
        var received = new Received<ValueRecorded>();
        await using var service = await TestServiceHost.StartAsync(infrastructure, database, Recorder(received), (context, cfg) =>
            cfg.ReceiveEndpoint(Queue("broker-down"), e =>
            {
                // Durable queue: it must survive the broker restart with its binding.
                e.PrefetchCount = 1;
                e.ConcurrentMessageLimit = 1;
                e.ConfigureConsumer<ValueRecordedConsumer>(context);
            }), outbox: o => o.DeliveryTimeout = TimeSpan.FromSeconds(2));

        await infrastructure.StopBrokerAsync();
        try
        {
            await service.InScopeAsync(async (db, publish) =>
            {
                await publish.Publish(new ValueRecorded(_run, 1));
                await db.SaveChangesAsync();
            });

            // The dispatcher keeps the row while it cannot get a confirm from the broker.
            await Eventually.HoldsAsync(
                () => service.QueryAsync(db => db.Set<Outbox.OutboxMessage>().AnyAsync(m => m.DeliveryAttempts > 0)),
                "a failed delivery attempt to be recorded", DeliveryTimeout);
            Assert.Equal(1, await service.OutboxCountAsync());
        }
        finally
        {
            await infrastructure.StartBrokerAsync();
        }

        await received.WaitForAsync(m => m.Any(v => v.RunId == _run), TimeSpan.FromSeconds(60), "delivery after the broker came back");
        Assert.Single(received.Messages, v => v.RunId == _run);
        await Eventually.MatchAsync(() => service.OutboxCountAsync(), rows => rows == 0, "the outbox to empty (rows left)", DeliveryTimeout);
    }
}
