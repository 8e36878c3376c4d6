using MassTransit;
using Payouts.Contracts;
using Payouts.Contracts.Batches;

namespace Payouts.PayoutService.Tests.Support;

/// <summary>Plays BatchService: sends the batch saga's commands and the endpoints' queries to PayoutService's queues.</summary>
public static class BatchWallet
{
    /// <summary>Sends <paramref name="command"/> to the wallet's command queue, with <paramref name="messageId"/> when given (a redelivery).</summary>
    public static async Task SendCommandAsync<T>(this PayoutServiceFixture fixture, T command, Guid? messageId = null) where T : class
    {
        var endpoint = await fixture.Bus.GetSendEndpoint(QueueAddress.For(BatchWalletQueues.WalletCommands));
        await endpoint.Send(command, context =>
        {
            if (messageId is { } id) context.MessageId = id;
        });
    }

    public static async Task<TResponse> AskAsync<TRequest, TResponse>(this PayoutServiceFixture fixture, TRequest query)
        where TRequest : class where TResponse : class
    {
        var client = fixture.Bus.CreateRequestClient<TRequest>(QueueAddress.For(BatchWalletQueues.WalletQueries), RequestTimeout.After(s: 15));
        return (await client.GetResponse<TResponse>(query)).Message;
    }

    /// <summary>Reserves <paramref name="amount"/> for a new batch of <paramref name="company"/> and waits until it is held.</summary>
    public static async Task<Guid> ReservedBatchAsync(this PayoutServiceFixture fixture, string company, decimal amount)
    {
        var batchId = Guid.NewGuid();
        await fixture.SendCommandAsync(new ReserveBatchFunds(batchId, company, amount, "USD"));
        await fixture.Events.WaitForAsync<BatchFundsReserved>(e => e.BatchId == batchId);
        return batchId;
    }

    public static PayBatchRecipient Recipient(Guid batchId, string company, string email, decimal amount) =>
        new(batchId, Guid.NewGuid(), company, email, amount, "USD", "March payouts", $"REF-{batchId:N}"[..20]);
}
