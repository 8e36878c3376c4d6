using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Payouts.Contracts.BankAccounts;
using Payouts.Messaging;

namespace Payouts.Contracts.Tests;

/// <summary>The seal on micro-deposit amounts (with its contract; configured by Payouts.Messaging for BankAccountService and settlement): domain only.</summary>
public sealed class MicroDepositSealTests
{
    private static readonly MicroDepositSeal Seal = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Amounts_come_back_as_sealed_and_each_seal_differs()
    {
        var verificationId = Guid.NewGuid();

        var first = Seal.Seal(verificationId, 0.32m, 0.05m);
        var second = Seal.Seal(verificationId, 0.32m, 0.05m);

        Assert.Equal((0.32m, 0.05m), Seal.Unseal(verificationId, first));
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("0.32", Encoding.UTF8.GetString(Convert.FromBase64String(first)), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_key_another_verification_a_changed_byte_or_garbage_do_not_open()
    {
        var verificationId = Guid.NewGuid();
        var sealedAmounts = Seal.Seal(verificationId, 0.11m, 0.99m);
        var tampered = Convert.FromBase64String(sealedAmounts);
        tampered[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => new MicroDepositSeal(RandomNumberGenerator.GetBytes(32)).Unseal(verificationId, sealedAmounts));
        Assert.ThrowsAny<CryptographicException>(() => Seal.Unseal(Guid.NewGuid(), sealedAmounts));
        Assert.ThrowsAny<CryptographicException>(() => Seal.Unseal(verificationId, Convert.ToBase64String(tampered)));
        Assert.ThrowsAny<CryptographicException>(() => Seal.Unseal(verificationId, "not base64!"));
        Assert.ThrowsAny<CryptographicException>(() => Seal.Unseal(verificationId, "AAAA"));
    }

    [Fact]
    public void Development_derives_one_key_from_the_signing_key_and_other_environments_must_configure_it()
    {
        var signingKeyOnly = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = "a-development-signing-key-of-more-than-32-bytes" }).Build();
        var verificationId = Guid.NewGuid();

        var bankAccounts = MicroDepositSealRegistration.FromConfiguration(signingKeyOnly, Environment(Environments.Development));
        var settlement = MicroDepositSealRegistration.FromConfiguration(signingKeyOnly, Environment(Environments.Development));

        Assert.Equal((0.21m, 0.43m), settlement.Unseal(verificationId, bankAccounts.Seal(verificationId, 0.21m, 0.43m)));
        var production = Assert.Throws<InvalidOperationException>(() => MicroDepositSealRegistration.FromConfiguration(signingKeyOnly, Environment(Environments.Production)));
        Assert.Contains(MicroDepositSeal.ConfigurationKey, production.Message, StringComparison.Ordinal);
        var shortKey = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [MicroDepositSeal.ConfigurationKey] = Convert.ToBase64String(new byte[16]) }).Build();
        Assert.Throws<InvalidOperationException>(() => MicroDepositSealRegistration.FromConfiguration(shortKey, Environment(Environments.Production)));
    }

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
