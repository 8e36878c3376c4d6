using MassTransit;
using Payouts.Contracts.BankAccounts;
using Payouts.Messaging;

namespace Payouts.BankAccountService.Messaging;

/// <summary>
/// <c>bank-account-micro-deposit-outcome</c>, bound to <c>MicroDepositsSent</c> and <c>MicroDepositsFailed</c>;
/// the transactional inbox comes with <c>ConfigureEndpoints</c>. Retried with backoff (each try a fresh transaction),
/// then <c>bank-account-micro-deposit-outcome_error</c>.
/// </summary>
public sealed class MicroDepositOutcomeConsumerDefinition : ConsumerDefinition<MicroDepositOutcomeConsumer>
{
    public MicroDepositOutcomeConsumerDefinition() => EndpointName = BankAccountQueues.MicroDepositOutcome;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<MicroDepositOutcomeConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(MessageRetry.Default);
}
