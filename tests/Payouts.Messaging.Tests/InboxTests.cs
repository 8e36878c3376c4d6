using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Messaging.Inbox;
using Payouts.Messaging.Tests.Support;
using Payouts.Testing;

namespace Payouts.Messaging.Tests;

[Collection(Infrastructure.Collection)]
public sealed class InboxTests(InfrastructureFixture infrastructure)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    readonly Guid _run = Guid.NewGuid();

    /// <summary>
    /// ApplyCredit handled with the inbox on one queue; the CreditApplied it publishes (through the outbox)
    /// recorded on another.
    /// </summary>
    Task<TestServiceHost> StartCreditServiceAsync(string database, string queue, Received<CreditApplied> applied, int concurrency,
        ReceiveCounter? counter = null) =>
        StartCreditServiceAsync<ApplyCreditConsumer>(database, queue, applied, concurrency, counter);

    Task<TestServiceHost> StartCreditServiceAsync<TConsumer>(string database, string queue, Received<CreditApplied> applied, int concurrency,
        ReceiveCounter? counter = null)
        where TConsumer : class, IConsumer<ApplyCredit> =>
        TestServiceHost.StartAsync(infrastructure, database,
            x =>
            {
                x.AddSingleton(applied);
                x.AddConsumer<TConsumer>().ExcludeFromConfigureEndpoints();
                x.AddConsumer<CreditAppliedConsumer>().ExcludeFromConfigureEndpoints();
            },
            (context, cfg) =>
            {
                if (counter is not null)
                    cfg.ConnectReceiveObserver(counter);
                // Durable like the address commands are sent to ("queue:name"); the test broker is private.
                cfg.ReceiveEndpoint(queue, e =>
                {
                    e.PrefetchCount = concurrency;
                    e.ConcurrentMessageLimit = concurrency;
                    e.UseMessageRetry(r => r.Immediate(3));
                    e.UseTransactionalInbox<TestDbContext>(context);
                    e.ConfigureConsumer<TConsumer>(context);
                });
                cfg.ReceiveEndpoint($"{queue}-applied", e =>
                {
                    e.AutoDelete = true;
                    e.ConfigureConsumer<CreditAppliedConsumer>(context);
                });
            });

    [Fact]
    public async Task Redelivered_message_changes_nothing_the_second_time()
    {
        var database = await infrastructure.CreateDatabaseAsync("inbox_duplicate");
        var applied = new Received<CreditApplied>();
        var queue = $"credits-{_run:N}";
        await using var service = await StartCreditServiceAsync(database, queue, applied, concurrency: 1);
        var bus = service.Services.GetRequiredService<IBus>();
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));

        var account = Guid.NewGuid();
        var duplicatedId = Guid.NewGuid();
        var command = new ApplyCredit(_run, account, 100.25m);
        await endpoint.Send(command, c => c.MessageId = duplicatedId);
        await endpoint.Send(command, c => c.MessageId = duplicatedId);
        // Processed one at a time in queue order: by the time this one is applied both copies were handled.
        await endpoint.Send(new ApplyCredit(_run, account, 1m));

        await applied.WaitForAsync(m => m.Any(a => a.RunId == _run && a.Amount == 1m), Timeout, "the later command's event");

        var amounts = await service.QueryAsync(db => db.LedgerEntries.OrderBy(e => e.Amount).Select(e => e.Amount).ToListAsync());
        Assert.Equal([1m, 100.25m], amounts);
        Assert.Equal([1m, 100.25m], applied.Messages.Where(a => a.RunId == _run).Select(a => a.Amount).Order());
        var inbox = await service.QueryAsync(db => db.Set<InboxState>().ToListAsync());
        Assert.Equal(2, inbox.Count);
        Assert.Contains(inbox, i => i.MessageId == duplicatedId && i.ConsumerId == typeof(ApplyCreditConsumer).FullName);
    }

    [Fact]
    public async Task Concurrent_duplicate_deliveries_are_applied_once()
    {
        var database = await infrastructure.CreateDatabaseAsync("inbox_concurrent");
        var applied = new Received<CreditApplied>();
        var queue = $"credits-{_run:N}";
        var counter = new ReceiveCounter(queue);
        await using var service = await StartCreditServiceAsync(database, queue, applied, concurrency: 16, counter);
        var endpoint = await service.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{queue}"));

        const int copies = 12;
        var messageId = Guid.NewGuid();
        var command = new ApplyCredit(_run, Guid.NewGuid(), 42m);
        await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => endpoint.Send(command, c => c.MessageId = messageId)));

        await counter.Completed.WaitForAsync(c => c.Count >= copies, Timeout, $"{copies} deliveries to finish");

        Assert.Equal(1, await service.QueryAsync(db => db.LedgerEntries.CountAsync()));
        await applied.WaitForAsync(m => m.Any(a => a.RunId == _run), Timeout, "the event of the one applied copy");
        await Eventually.MatchAsync(() => service.OutboxCountAsync(), rows => rows == 0, "the outbox to empty (rows left)", Timeout);
        Assert.Single(applied.Messages, a => a.RunId == _run);
    }

    [Fact]
    public async Task Failed_consumer_attempt_rolls_back_its_effect_and_its_published_event()
    {
        var database = await infrastructure.CreateDatabaseAsync("inbox_rollback");
        var applied = new Received<CreditApplied>();
        var queue = $"credits-{_run:N}";
        await using var service = await StartCreditServiceAsync(database, queue, applied, concurrency: 1);
        var endpoint = await service.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{queue}"));

        // First attempt saves its ledger entry and publishes, then throws; the retry succeeds.
        await endpoint.Send(new ApplyCredit(_run, Guid.NewGuid(), 7m, FailFirstAttempt: true));
        await endpoint.Send(new ApplyCredit(_run, Guid.NewGuid(), 8m));

        await applied.WaitForAsync(m => m.Count(a => a.RunId == _run) >= 2, Timeout, "both commands' events");
        // Nothing is left to deliver, so a rolled-back first attempt's event could not still be on its way.
        await Eventually.MatchAsync(() => service.OutboxCountAsync(), rows => rows == 0, "the outbox to empty (rows left)", Timeout);

        // Once each; the order the two events arrive in is not what this test is about.
        Assert.Equal([7m, 8m], applied.Messages.Where(a => a.RunId == _run).Select(a => a.Amount).Order());
        Assert.Equal([7m, 8m], await service.QueryAsync(db => db.LedgerEntries.OrderBy(e => e.Amount).Select(e => e.Amount).ToListAsync()));
    }

    [Fact]
    public async Task An_injected_publish_endpoint_in_a_consumer_also_goes_through_the_outbox()
    {
        var database = await infrastructure.CreateDatabaseAsync("inbox_injected_publisher");
        var applied = new Received<CreditApplied>();
        var queue = $"credits-{_run:N}";
        await using var service = await StartCreditServiceAsync<ApplyCreditWithInjectedPublisherConsumer>(database, queue, applied, concurrency: 1);
        var endpoint = await service.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{queue}"));

        // The failed first attempt's event must be rolled back with it, not sent straight to the broker.
        await endpoint.Send(new ApplyCredit(_run, Guid.NewGuid(), 7m, FailFirstAttempt: true));
        await endpoint.Send(new ApplyCredit(_run, Guid.NewGuid(), 8m));

        await applied.WaitForAsync(m => m.Count(a => a.RunId == _run) >= 2, Timeout, "both commands' events");
        // Nothing is left to deliver, so a rolled-back first attempt's event could not still be on its way.
        await Eventually.MatchAsync(() => service.OutboxCountAsync(), rows => rows == 0, "the outbox to empty (rows left)", Timeout);

        // Once each; the order the two events arrive in is not what this test is about.
        Assert.Equal([7m, 8m], applied.Messages.Where(a => a.RunId == _run).Select(a => a.Amount).Order());
    }

    [Fact]
    public async Task Cleanup_removes_only_inbox_rows_past_retention()
    {
        var database = await infrastructure.CreateDatabaseAsync("inbox_cleanup");
        await using var service = await TestServiceHost.StartAsync(infrastructure, database);
        var fresh = Guid.NewGuid();

        var removed = await service.QueryAsync(async db =>
        {
            db.Set<InboxState>().AddRange(
                new InboxState { MessageId = Guid.NewGuid(), ConsumerId = "old", ReceivedAt = DateTime.UtcNow.AddDays(-8) },
                new InboxState { MessageId = fresh, ConsumerId = "fresh", ReceivedAt = DateTime.UtcNow.AddHours(-1) });
            await db.SaveChangesAsync();
            return await InboxCleanupService<TestDbContext>.RemoveExpiredAsync(db, TimeSpan.FromDays(7), CancellationToken.None);
        });

        Assert.Equal(1, removed);
        Assert.Equal([fresh], await service.QueryAsync(db => db.Set<InboxState>().Select(i => i.MessageId).ToListAsync()));
    }
}
