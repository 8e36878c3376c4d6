using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Encryption;

namespace Payouts.ServiceDefaults.Tests;

/// <summary>The shared field encryption: a key ring from configuration (or, in Development only, derived), and its ciphertexts.</summary>
public sealed class EncryptionTests
{
    private const string Section = "Things:Encryption";

    [Fact]
    public void A_configured_ring_encrypts_under_its_current_key_and_reads_older_keys_after_rotation()
    {
        var keyA = RandomNumberGenerator.GetBytes(32);
        var before = new FieldEncryptor(Ring(("a", keyA), current: "a"));
        var ciphertext = before.Encrypt("secret", "purpose");

        var after = new FieldEncryptor(Ring(("a", keyA), ("b", RandomNumberGenerator.GetBytes(32)), current: "b"));

        Assert.Equal("a", FieldEncryptor.KeyIdOf(ciphertext));
        Assert.Equal("secret", after.Decrypt(ciphertext, "purpose"));
        Assert.StartsWith("b:", after.Encrypt("secret", "purpose"));
        Assert.ThrowsAny<CryptographicException>(() => after.Decrypt(ciphertext, "another purpose"));
    }

    [Fact]
    public void Without_keys_only_Development_derives_them_and_half_a_configuration_is_refused()
    {
        var signingKeyOnly = Configuration(new() { ["Auth:SigningKey"] = new string('k', 40) });

        var development = EncryptionKeyRing.ForEnvironment(signingKeyOnly, new Env(Environments.Development), Section, "purpose/v1");
        Assert.Equal(EncryptionKeyRing.DevelopmentKeyId, development.CurrentKeyId);
        Assert.Equal(development.CurrentKey, EncryptionKeyRing.ForEnvironment(signingKeyOnly, new Env(Environments.Development), Section, "purpose/v1").CurrentKey);
        Assert.NotEqual(development.CurrentKey, EncryptionKeyRing.ForEnvironment(signingKeyOnly, new Env(Environments.Development), Section, "other/v1").CurrentKey);

        var production = Assert.Throws<InvalidOperationException>(() => EncryptionKeyRing.ForEnvironment(signingKeyOnly, new Env("Production"), Section, "purpose/v1"));
        Assert.Contains("Things:Encryption:Keys", production.Message);

        var noCurrentKey = Configuration(new() { [$"{Section}:Keys:k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        Assert.Throws<InvalidOperationException>(() => EncryptionKeyRing.ForEnvironment(noCurrentKey, new Env(Environments.Development), Section, "purpose/v1"));
        var shortKey = Configuration(new() { [$"{Section}:Keys:k1"] = Convert.ToBase64String(new byte[16]), [$"{Section}:CurrentKeyId"] = "k1" });
        Assert.Throws<InvalidOperationException>(() => EncryptionKeyRing.FromConfiguration(shortKey, Section));
    }

    [Fact]
    public void A_platform_on_an_external_issuer_derives_the_same_Development_keys_from_the_development_secret()
    {
        var secret = new string('k', 40);
        var onSigningKey = Configuration(new() { ["Auth:SigningKey"] = secret });
        var onAuthority = Configuration(new() { ["Auth:Authority"] = "https://login.example.com/", [DevelopmentSecret.ConfigurationKey] = secret });
        var development = new Env(Environments.Development);

        Assert.Equal(
            EncryptionKeyRing.ForEnvironment(onSigningKey, development, Section, "purpose/v1").CurrentKey,
            EncryptionKeyRing.ForEnvironment(onAuthority, development, Section, "purpose/v1").CurrentKey);

        var neither = Configuration(new() { ["Auth:Authority"] = "https://login.example.com/" });
        var refused = Assert.Throws<InvalidOperationException>(() => EncryptionKeyRing.ForEnvironment(neither, development, Section, "purpose/v1"));
        Assert.Contains(DevelopmentSecret.ConfigurationKey, refused.Message);
        var tooShort = Configuration(new() { [DevelopmentSecret.ConfigurationKey] = "short" });
        Assert.Throws<InvalidOperationException>(() => DevelopmentSecret.Bytes(tooShort));
    }

    private static EncryptionKeyRing Ring((string Id, byte[] Key) first, string current) =>
        new(new Dictionary<string, byte[]> { [first.Id] = first.Key }, current, Section);

    private static EncryptionKeyRing Ring((string Id, byte[] Key) first, (string Id, byte[] Key) second, string current) =>
        new(new Dictionary<string, byte[]> { [first.Id] = first.Key, [second.Id] = second.Key }, current, Section);

    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
