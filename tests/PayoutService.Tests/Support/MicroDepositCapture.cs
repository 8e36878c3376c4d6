using System.Collections.Concurrent;
using MassTransit;
using Payouts.Contracts.BankAccounts;
using Payouts.Testing;

namespace Payouts.PayoutService.Tests.Support;

/// <summary>Plays settlement's side of verification: keeps each <see cref="SendMicroDeposits"/> the real BankAccountService publishes.</summary>
public sealed class MicroDepositCapture
{
    private readonly ConcurrentDictionary<long, SendMicroDeposits> _received = new();

    public async Task ConnectAsync(IBus bus)
    {
        var handle = bus.ConnectReceiveEndpoint($"payout-service-tests-micro-deposits-{Guid.NewGuid():N}", e =>
        {
            if (e is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.AutoDelete = true;
            e.Handler<SendMicroDeposits>(context =>
            {
                _received[context.Message.BankAccountId] = context.Message;
                return Task.CompletedTask;
            });
        });
        await handle.Ready;
    }

    /// <summary>The two amounts sent to the account, opened with the service's sealing key.</summary>
    public async Task<(decimal First, decimal Second)> AmountsAsync(long bankAccountId, MicroDepositSeal seal)
    {
        var command = await Eventually.ValueAsync(() => Task.FromResult(_received.GetValueOrDefault(bankAccountId)),
            $"the micro-deposits of bank account {bankAccountId}", TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(20));
        return seal.Unseal(command.VerificationId, command.SealedAmounts);
    }
}
