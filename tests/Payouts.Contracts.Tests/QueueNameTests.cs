using MassTransit;
using Payouts.BankAccountService.Messaging;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Messaging;

namespace Payouts.Contracts.Tests;

/// <summary>
/// The queues senders address by name are the queues the consumers' definitions create, whatever the consumer classes
/// are called, and the names themselves do not move (a running broker holds queues, and messages, under them).
/// </summary>
public sealed class QueueNameTests
{
    // What the platform's buses use; a definition that leaves the name to the formatter would get the class's name.
    private static readonly IEndpointNameFormatter Formatter = KebabCaseEndpointNameFormatter.Instance;

    public static TheoryData<string, string, string> Definitions() => new()
    {
        { EndpointNameOf(new SettlePayoutConsumerDefinition()), SettlementQueues.SettlePayout, "settle-payout" },
        { EndpointNameOf(new GetSettlementStatusConsumerDefinition()), SettlementQueues.GetSettlementStatus, "get-settlement-status" },
        { EndpointNameOf(new SendMicroDepositsConsumerDefinition()), SettlementQueues.SendMicroDeposits, "send-micro-deposits" },
        { EndpointNameOf(new MicroDepositOutcomeConsumerDefinition()), BankAccountQueues.MicroDepositOutcome, "bank-account-micro-deposit-outcome" },
    };

    private static string EndpointNameOf(IConsumerDefinition definition) => definition.GetEndpointName(Formatter);

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
