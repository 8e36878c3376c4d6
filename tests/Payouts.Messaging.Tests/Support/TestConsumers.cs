using MassTransit;

namespace Payouts.Messaging.Tests.Support;

public sealed class ValueRecordedConsumer(Received<ValueRecorded> received) : IConsumer<ValueRecorded>
{
    public Task Consume(ConsumeContext<ValueRecorded> context)
    {
        received.Add(context.MessageId, context.Message);
        return Task.CompletedTask;
    }
}

public sealed class CreditAppliedConsumer(Received<CreditApplied> received) : IConsumer<CreditApplied>
{
    public Task Consume(ConsumeContext<CreditApplied> context)
    {
        received.Add(context.MessageId, context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>A consumer with a database effect and a follow-up event, like a ledger posting.</summary>
public sealed class ApplyCreditConsumer(TestDbContext db) : IConsumer<ApplyCredit>
{
    public async Task Consume(ConsumeContext<ApplyCredit> context)
    {
        var command = context.Message;
        db.LedgerEntries.Add(new LedgerEntry { Id = Guid.NewGuid(), AccountId = command.AccountId, Amount = command.Amount });
        await context.Publish(new CreditApplied(command.RunId, command.AccountId, command.Amount));
        await db.SaveChangesAsync(context.CancellationToken);

        if (command.FailFirstAttempt && context.GetRetryAttempt() == 0)
            throw new InvalidOperationException("Simulated failure after the effect and the publish.");
    }
}

/// <summary>
/// The same effect as <see cref="ApplyCreditConsumer"/>, publishing through an injected <see cref="IPublishEndpoint"/>
/// as application code often does; the inbox must route it through the outbox as well.
/// </summary>
public sealed class ApplyCreditWithInjectedPublisherConsumer(TestDbContext db, IPublishEndpoint publisher) : IConsumer<ApplyCredit>
{
    public async Task Consume(ConsumeContext<ApplyCredit> context)
    {
        var command = context.Message;
        db.LedgerEntries.Add(new LedgerEntry { Id = Guid.NewGuid(), AccountId = command.AccountId, Amount = command.Amount });
        await publisher.Publish(new CreditApplied(command.RunId, command.AccountId, command.Amount));
        await db.SaveChangesAsync(context.CancellationToken);

        if (command.FailFirstAttempt && context.GetRetryAttempt() == 0)
            throw new InvalidOperationException("Simulated failure after the effect and the publish.");
    }
}
