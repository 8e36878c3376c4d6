using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payouts.BankAccountService.Messaging;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Batches;
using Payouts.Contracts.Notifications;
using Payouts.Contracts.Settlement;
using Payouts.Messaging;
using Payouts.NotificationService.Messaging;
using Payouts.PayoutService.Messaging;
using Payouts.SettlementService.Messaging;

namespace Payouts.Contracts.Tests;

/// <summary>
/// The queues senders address by name are the queues the consumers' registrations create (AddConsumerOnQueue, as the
/// services' Program.cs call it), whatever the consumer classes are called, and the names themselves do not move (a running broker holds queues, and messages, under them).
/// </summary>
public sealed class QueueNameTests
{
    // What the platform's buses use; a definition that leaves the name to the formatter would get the class's name.
    private static readonly IEndpointNameFormatter Formatter = KebabCaseEndpointNameFormatter.Instance;

    public static TheoryData<string, string, string> Definitions() => new()
    {
        { EndpointNameOf<SettlePayoutConsumer>(SettlementQueues.SettlePayout), SettlementQueues.SettlePayout, "settle-payout" },
        { EndpointNameOf<GetSettlementStatusConsumer>(SettlementQueues.GetSettlementStatus), SettlementQueues.GetSettlementStatus, "get-settlement-status" },
        { EndpointNameOf<SendMicroDepositsConsumer>(SettlementQueues.SendMicroDeposits), SettlementQueues.SendMicroDeposits, "send-micro-deposits" },
        { EndpointNameOf<MicroDepositOutcomeConsumer>(BankAccountQueues.MicroDepositOutcome), BankAccountQueues.MicroDepositOutcome, "bank-account-micro-deposit-outcome" },
        { EndpointNameOf<BatchWalletQueriesConsumer>(BatchWalletQueues.WalletQueries), BatchWalletQueues.WalletQueries, "batch-wallet-queries" },
        { EndpointNameOf<BatchWalletCommandsConsumer>(BatchWalletQueues.WalletCommands), BatchWalletQueues.WalletCommands, "batch-wallet-commands" },
        { EndpointNameOf<PayoutEventsConsumer>(NotificationQueues.PayoutEvents), NotificationQueues.PayoutEvents, "notifications-payout-events" },
        { EndpointNameOf<global::Payouts.NotificationService.Messaging.BankAccountEventsConsumer>(NotificationQueues.BankAccountEvents), NotificationQueues.BankAccountEvents,
            "notifications-bank-account-events" },
        { EndpointNameOf<BatchEventsConsumer>(NotificationQueues.BatchEvents), NotificationQueues.BatchEvents, "notifications-batch-events" },
        { EndpointNameOf<BillingEventsConsumer>(NotificationQueues.BillingEvents), NotificationQueues.BillingEvents, "notifications-billing-events" },
        { EndpointNameOf<NotificationRecipientsConsumer>(NotificationQueues.RecipientQueries), NotificationQueues.RecipientQueries,
            "notification-recipient-queries" },
    };

    /// <summary>The endpoint name of the definition <see cref="NamedQueueConsumerRegistrationExtensions.AddConsumerOnQueue"/> registers.</summary>
    private static string EndpointNameOf<TConsumer>(string queueName)
        where TConsumer : class, IConsumer
    {
        var services = new ServiceCollection();
        services.AddMassTransit(bus => bus.AddConsumerOnQueue<TConsumer>(queueName));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IConsumerDefinition<TConsumer>>().GetEndpointName(Formatter);
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Consumer_definition_creates_the_queue_named_in_contracts(string endpointName, string contractName, string wireName)
    {
        Assert.Equal(contractName, endpointName);
        Assert.Equal(wireName, contractName);
    }

    [Fact]
    public void Settlement_destination_queue_keeps_its_name() =>
        Assert.Equal("get-settlement-destination", BankAccountQueues.GetSettlementDestination);

    [Fact]
    public void Queue_address_is_the_short_queue_address() =>
        Assert.Equal(new Uri("queue:settle-payout"), QueueAddress.For(SettlementQueues.SettlePayout));
}
