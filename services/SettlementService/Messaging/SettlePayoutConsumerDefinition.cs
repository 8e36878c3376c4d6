using MassTransit;
using Payouts.Contracts.Settlement;
using Payouts.Messaging;

namespace Payouts.SettlementService.Messaging;

/// <summary>
/// The competing-consumer queue every settlement replica reads (<c>settle-payout</c>). Failures are retried with
/// backoff (each retry replays the inbox transaction and reuses the payment reference); what still fails goes to
/// <c>settle-payout_error</c>.
/// </summary>
public sealed class SettlePayoutConsumerDefinition : ConsumerDefinition<SettlePayoutConsumer>
{
    public SettlePayoutConsumerDefinition()
    {
        EndpointName = SettlementQueues.SettlePayout;
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<SettlePayoutConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(MessageRetry.Default);
}
