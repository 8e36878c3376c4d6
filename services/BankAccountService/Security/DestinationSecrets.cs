using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Security;

/// <summary>What is stored of a destination's numbers: ciphertexts and the keyed fingerprint.</summary>
public sealed record DestinationSecrets(string AccountNumberCiphertext, string? RoutingNumberCiphertext, string Fingerprint)
{
    public static DestinationSecrets Protect(AccountNumberProtector protector, BankDestination destination, string accountPurpose, string routingPurpose) => new(
        protector.Encrypt(destination.AccountNumber, accountPurpose),
        destination.RoutingNumber is { } routing ? protector.Encrypt(routing, routingPurpose) : null,
        protector.Hash("destination", destination.Fingerprint));
}
