using System.Security.Cryptography;
using MassTransit;
using Payouts.Contracts.Settlement;

namespace Payouts.SettlementService.Messaging;

/// <summary>
/// <c>send-micro-deposits</c>: retried with backoff while the provider's answer is unknown (each retry reuses the
/// deposits' payment references), then <c>send-micro-deposits_error</c>. Amounts whose seal does not open go there at
/// once: no retry opens them.
/// </summary>
public sealed class SendMicroDepositsConsumerDefinition : ConsumerDefinition<SendMicroDepositsConsumer>
{
    public SendMicroDepositsConsumerDefinition()
    {
        EndpointName = SettlementQueues.SendMicroDeposits;
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<SendMicroDepositsConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Exponential(8, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
            retry.Ignore<CryptographicException>();
        });
}
