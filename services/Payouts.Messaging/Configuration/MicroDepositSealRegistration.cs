using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Payouts.Contracts.BankAccounts;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Messaging;

/// <summary>The <see cref="MicroDepositSeal"/> of the two services that send and receive <see cref="SendMicroDeposits"/>, from their configuration.</summary>
public static class MicroDepositSealRegistration
{
    /// <summary>The seal as a singleton read from configuration; resolve it once at start so a missing key stops the service there.</summary>
    public static IServiceCollection AddMicroDepositSeal(this IServiceCollection services) =>
        services.AddSingleton(provider => FromConfiguration(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()));

    /// <summary>
    /// <see cref="MicroDepositSeal.ConfigurationKey"/> when set; in Development only, otherwise the key derived from the
    /// platform's signing key; anywhere else a missing key is an error.
    /// </summary>
    public static MicroDepositSeal FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[MicroDepositSeal.ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                return new MicroDepositSeal(Convert.FromBase64String(configured));
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{MicroDepositSeal.ConfigurationKey} is not valid base64.");
            }
        }

        if (environment.IsDevelopment()) return MicroDepositSeal.DerivedFromDevelopmentSecret(DevelopmentSecret.Bytes(configuration));
        throw new InvalidOperationException(
            $"Micro-deposit sealing is not configured: set {MicroDepositSeal.ConfigurationKey} (base64, 32 bytes) in BankAccountService and SettlementService.");
    }
}
