using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Payouts.BankAccountService.Security;

namespace Payouts.BankAccountService.Tests.Domain;

public sealed class AccountNumberProtectorTests
{
    private static readonly byte[] KeyA = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] KeyB = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] HashKey = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Ciphertexts_name_their_key_hide_the_number_and_decrypt_after_rotation()
    {
        var before = new AccountNumberProtector(new BankAccountKeys(new Dictionary<string, byte[]> { ["a"] = KeyA }, "a", HashKey));
        var ciphertext = before.Encrypt("1234567890", "purpose");
        Assert.StartsWith("a:", ciphertext);
        Assert.DoesNotContain("1234567890", ciphertext);
        Assert.NotEqual(ciphertext, before.Encrypt("1234567890", "purpose")); // fresh nonce each time

        var rotated = new AccountNumberProtector(new BankAccountKeys(new Dictionary<string, byte[]> { ["a"] = KeyA, ["b"] = KeyB }, "b", HashKey));
        Assert.Equal("1234567890", rotated.Decrypt(ciphertext, "purpose"));
        Assert.StartsWith("b:", rotated.Encrypt("1234567890", "purpose"));
    }

    [Fact]
    public void Tampered_or_misplaced_ciphertexts_and_unknown_keys_are_refused()
    {
        var protector = new AccountNumberProtector(new BankAccountKeys(new Dictionary<string, byte[]> { ["a"] = KeyA }, "a", HashKey));
        var ciphertext = protector.Encrypt("1234567890", "account");

        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(ciphertext, "routing"));
        var bytes = Convert.FromBase64String(ciphertext[2..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt("a:" + Convert.ToBase64String(bytes), "account"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt("z" + ciphertext[1..], "account"));
    }

    [Fact]
    public void Keyed_hashes_are_stable_per_key_and_differ_across_keys_and_purposes()
    {
        var one = new AccountNumberProtector(new BankAccountKeys(new Dictionary<string, byte[]> { ["a"] = KeyA }, "a", HashKey));
        var other = new AccountNumberProtector(new BankAccountKeys(new Dictionary<string, byte[]> { ["a"] = KeyA }, "a", RandomNumberGenerator.GetBytes(32)));

        Assert.Equal(one.Hash("destination", "US|021000021|1234567890"), one.Hash("destination", "US|021000021|1234567890"));
        Assert.NotEqual(one.Hash("destination", "US|021000021|1234567890"), other.Hash("destination", "US|021000021|1234567890"));
        Assert.NotEqual(one.Hash("destination", "x"), one.Hash("micro-deposits", "x"));
    }

    [Fact]
    public void Outside_Development_missing_keys_stop_the_service_and_configured_keys_are_used()
    {
        var missing = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = new string('k', 40) }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => BankAccountKeys.FromConfiguration(missing, new Env("Production")));
        Assert.Contains("BankAccounts:Encryption:Keys", error.Message);

        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BankAccounts:Encryption:Keys:k1"] = Convert.ToBase64String(KeyA),
            ["BankAccounts:Encryption:CurrentKeyId"] = "k1",
            ["BankAccounts:Hashing:Key"] = Convert.ToBase64String(HashKey),
        }).Build();
        var keys = BankAccountKeys.FromConfiguration(configured, new Env("Production"));
        Assert.Equal("k1", keys.CurrentKeyId);
        Assert.Equal(KeyA, keys.CurrentKey);

        var shortKey = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BankAccounts:Encryption:Keys:k1"] = Convert.ToBase64String(new byte[16]),
            ["BankAccounts:Encryption:CurrentKeyId"] = "k1",
            ["BankAccounts:Hashing:Key"] = Convert.ToBase64String(HashKey),
        }).Build();
        Assert.Throws<InvalidOperationException>(() => BankAccountKeys.FromConfiguration(shortKey, new Env("Production")));
    }

    [Fact]
    public void In_Development_without_keys_they_are_derived_from_the_signing_key_deterministically()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = new string('k', 40) }).Build();

        var first = BankAccountKeys.FromConfiguration(configuration, new Env(Environments.Development));
        var second = BankAccountKeys.FromConfiguration(configuration, new Env(Environments.Development));

        Assert.Equal(BankAccountKeys.DevelopmentKeyId, first.CurrentKeyId);
        Assert.Equal(first.CurrentKey, second.CurrentKey);
        Assert.NotEqual(first.CurrentKey, first.HashingKey);
    }

    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "BankAccountService";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
