using System.Security.Cryptography;
using MassTransit;

namespace Payouts.SettlementService.Messaging;

/// <summary>
/// <c>send-micro-deposits</c>' retry: with backoff while the provider's answer is unknown (each retry reuses the
/// deposits' payment references), then <c>send-micro-deposits_error</c>. Amounts whose seal does not open go there at
/// once: no retry opens them.
/// </summary>
public static class SendMicroDepositsRetry
{
    public static void Configure(IRetryConfigurator retry)
    {
        retry.Exponential(8, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        retry.Ignore<CryptographicException>();
    }
}
