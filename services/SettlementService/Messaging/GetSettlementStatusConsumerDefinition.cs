using MassTransit;
using Payouts.Contracts.Settlement;
using Payouts.Messaging;

namespace Payouts.SettlementService.Messaging;

/// <summary>
/// <c>get-settlement-status</c>, the queue the payout saga's status sweep sends to: named from Contracts, not from
/// this consumer's class name. Retried with <see cref="MessageRetry.Default"/>.
/// </summary>
public sealed class GetSettlementStatusConsumerDefinition : ConsumerDefinition<GetSettlementStatusConsumer>
{
    public GetSettlementStatusConsumerDefinition() => EndpointName = SettlementQueues.GetSettlementStatus;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<GetSettlementStatusConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(MessageRetry.Default);
}
