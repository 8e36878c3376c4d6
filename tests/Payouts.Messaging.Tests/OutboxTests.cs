using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Messaging.Tests.Support;
using Payouts.Testing;
using RabbitMQ.Client;

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

    /// <summary>Consumers on durable queues (a send declares its queue durable), each one at a time in queue order.</summary>
    static Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator> RecordValuesSentTo(params string[] queues) => (context, cfg) =>
    {
        foreach (var queue in queues)
            cfg.ReceiveEndpoint(queue, e =>
            {
                e.PrefetchCount = 1;
                e.ConcurrentMessageLimit = 1;
                e.ConfigureConsumer<ValueRecordedConsumer>(context);
            });
    };

    static async Task SendAsync(ISendEndpointProvider sender, string queue, ValueRecorded message) =>
        await (await sender.GetSendEndpoint(new Uri($"queue:{queue}"))).Send(message);

    /// <summary>Takes the next message off a queue nobody consumes and reads its ValueRecorded.Sequence from the envelope.</summary>
    static async Task<List<int>> TakeSequencesAsync(IChannel channel, string queue)
    {
        var sequences = new List<int>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            sequences.Add(envelope.RootElement.GetProperty("message").GetProperty("sequence").GetInt32());
        }
        return sequences;
    }

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
    public async Task Messages_to_one_destination_are_delivered_in_commit_order_with_two_dispatching_replicas()
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

    [Fact]
    public async Task Each_destination_receives_its_messages_in_commit_order_when_commits_interleave_destinations()
    {
        var database = await infrastructure.CreateDatabaseAsync("outbox_destinations");
        var received = new Received<ValueRecorded>();
        string odd = Queue("odd"), even = Queue("even");
        await using var service = await TestServiceHost.StartAsync(infrastructure, database, Recorder(received), RecordValuesSentTo(odd, even));

        const int transactions = 20, perTransaction = 10;
        var sequence = 0;
        for (var t = 0; t < transactions; t++)
        {
            await service.SendInScopeAsync(async (db, sender) =>
            {
                for (var i = 0; i < perTransaction; i++)
                {
                    var value = new ValueRecorded(_run, ++sequence);
                    await SendAsync(sender, value.Sequence % 2 == 1 ? odd : even, value);
                }
                await db.SaveChangesAsync();
            });
        }

        const int total = transactions * perTransaction;
        await received.WaitForAsync(m => m.Count(v => v.RunId == _run) >= total, DeliveryTimeout, $"{total} messages");
        // Each queue is consumed one message at a time, so the order seen per queue is the order it received.
        var values = received.Messages.Where(v => v.RunId == _run).Select(v => v.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, total).Where(n => n % 2 == 1), values.Where(n => n % 2 == 1));
        Assert.Equal(Enumerable.Range(1, total).Where(n => n % 2 == 0), values.Where(n => n % 2 == 0));
        await Eventually.MatchAsync(() => service.OutboxCountAsync(), rows => rows == 0, "the outbox to empty (rows left)", DeliveryTimeout);
    }

    [Fact]
    public async Task A_backlog_of_several_batches_is_delivered_once_each_and_removed_from_the_outbox()
    {
        var database = await infrastructure.CreateDatabaseAsync("outbox_backlog");
        string[] queues = [Queue("backlog-a"), Queue("backlog-b"), Queue("backlog-c")];
        const int total = 250; // several rounds of BatchSize (100) rows, each removed by one delete

        await using (var writer = await TestServiceHost.StartAsync(infrastructure, database, outbox: o => o.DispatcherEnabled = false))
        {
            await writer.SendInScopeAsync(async (db, sender) =>
            {
                for (var n = 1; n <= total; n++)
                    await SendAsync(sender, queues[n % queues.Length], new ValueRecorded(_run, n));
                await db.SaveChangesAsync();
            });
            Assert.Equal(total, await writer.OutboxCountAsync());
        }

        var received = new Received<ValueRecorded>();
        await using var dispatcher = await TestServiceHost.StartAsync(infrastructure, database, Recorder(received), RecordValuesSentTo(queues));
        await received.WaitForAsync(m => m.Count(v => v.RunId == _run) >= total, DeliveryTimeout, $"{total} messages");
        await Eventually.MatchAsync(() => dispatcher.OutboxCountAsync(), rows => rows == 0, "the outbox to empty (rows left)", DeliveryTimeout);

        // A later message to every queue arrives after any second copy that queue could still hold.
        await dispatcher.SendInScopeAsync(async (db, sender) =>
        {
            for (var q = 0; q < queues.Length; q++)
                await SendAsync(sender, queues[q], new ValueRecorded(_run, total + 1 + q));
            await db.SaveChangesAsync();
        });
        await received.WaitForAsync(m => m.Count(v => v.RunId == _run && v.Sequence > total) == queues.Length, DeliveryTimeout, "the later messages");

        Assert.Equal(Enumerable.Range(1, total + queues.Length), received.Messages.Where(v => v.RunId == _run).Select(v => v.Sequence).Order());
    }

    [Fact]
    public async Task A_destination_the_broker_refuses_holds_back_only_its_own_messages_until_the_cause_is_gone()
    {
        var database = await infrastructure.CreateDatabaseAsync("outbox_refused");
        string refused = Queue("refused"), open = Queue("open");
        var received = new Received<ValueRecorded>();
        await using var service = await TestServiceHost.StartAsync(infrastructure, database, Recorder(received), RecordValuesSentTo(open),
            outbox: o => o.DeliveryTimeout = TimeSpan.FromSeconds(5));

        // The exchange MassTransit would declare for "exchange:<refused>", routed to a queue that holds no message and
        // rejects publishes: the broker nacks each one, without closing the channel the other sends share.
        var broker = new ConnectionFactory { Uri = new Uri(infrastructure.MessagingConnectionString) };
        await using var connection = await broker.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(refused, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(refused, durable: false, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-max-length"] = 0, ["x-overflow"] = "reject-publish" });
        await channel.QueueBindAsync(refused, refused, routingKey: "");

        await service.SendInScopeAsync(async (db, sender) =>
        {
            var refusedEndpoint = await sender.GetSendEndpoint(new Uri($"exchange:{refused}"));
            await refusedEndpoint.Send(new ValueRecorded(_run, 1));
            for (var n = 2; n <= 6; n++)
                await SendAsync(sender, open, new ValueRecorded(_run, n));
            await refusedEndpoint.Send(new ValueRecorded(_run, 7));
            await db.SaveChangesAsync();
        });

        await received.WaitForAsync(m => m.Count(v => v.RunId == _run) >= 5, DeliveryTimeout, "the other destination's messages");
        Assert.Equal([2, 3, 4, 5, 6], received.Messages.Where(v => v.RunId == _run).Select(v => v.Sequence));
        await Eventually.HoldsAsync(
            () => service.QueryAsync(db => db.Set<Outbox.OutboxMessage>().AnyAsync(m => m.SequenceNumber == 1 && m.DeliveryAttempts > 0)),
            "the refused delivery to be recorded on its row", DeliveryTimeout);
        Assert.Equal(2, await service.OutboxCountAsync());

        // The cause goes away: a queue that accepts is bound first (the exchange is never left without a queue, where a
        // message would be dropped and confirmed), then the rejecting queue is removed.
        var accepting = refused + "-accepting";
        await channel.QueueDeclareAsync(accepting, durable: false, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(accepting, refused, routingKey: "");
        await channel.QueueDeleteAsync(refused);

        await Eventually.MatchAsync(() => service.OutboxCountAsync(), rows => rows == 0, "the refused destination's rows to be delivered (rows left)", DeliveryTimeout);
        // A publish made while both queues were bound lands in the accepting one and is still nacked by the rejecting
        // one, so the outbox sends it again: delivery is at least once, and the first copies keep the order.
        var sequences = await TakeSequencesAsync(channel, accepting);
        Assert.Equal([1, 7], sequences.Distinct());
        await channel.QueueDeleteAsync(accepting);
        await channel.ExchangeDeleteAsync(refused);
    }
}
