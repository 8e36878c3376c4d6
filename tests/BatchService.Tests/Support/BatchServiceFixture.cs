using System.Net.Http.Headers;
using System.Security.Cryptography;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payouts.BatchService.Data;
using Payouts.ServiceDefaults.Authentication;
using Payouts.Testing;

namespace Payouts.BatchService.Tests.Support;

/// <summary>
/// BatchService hosted once for the test assembly on its own PostgreSQL database and the private RabbitMQ, with a
/// <see cref="CompanyWalletResponder"/> in PayoutService's place. Tests isolate themselves by using fresh company ids.
/// </summary>
public sealed class BatchServiceFixture : IAsyncLifetime
{
    private const string SigningKey = "batch-service-tests-signing-key-0123456789";
    public const string EncryptionKeyId = "test-1";

    private readonly LocalTokenIssuer _tokens = new(new AuthSettings(SigningKey));
    private BatchServiceHost? _host;

    public InfrastructureFixture Infrastructure { get; } = new();

    public CompanyWalletResponder Wallets { get; } = new();

    /// <summary>Every <c>BatchApproved</c> the service published, as the real broker delivered it.</summary>
    public BatchApprovedCapture Approvals { get; } = new();

    /// <summary>The service's rule clock (2FA codes, lockouts, timestamps); tests only move it forward.</summary>
    public TestClock Clock { get; } = new();

    private BatchServiceHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        _host = new BatchServiceHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:batchesdb"] = await Infrastructure.CreateDatabaseAsync("batches"),
            ["ConnectionStrings:messaging"] = Infrastructure.MessagingConnectionString,
            ["Auth:SigningKey"] = SigningKey,
            // Short, so the unanswered-wallet test waits little; the responder answers in milliseconds.
            ["Batches:Wallet:RequestTimeout"] = "00:00:03",
            // TOTP secrets' key, as production configures it (the Testing environment derives none).
            ["Batches:Encryption:Keys:" + EncryptionKeyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Batches:Encryption:CurrentKeyId"] = EncryptionKeyId,
        }, Clock);
        using var client = _host.CreateClient();
        // The bus connects in the background: wait until it is up.
        await Eventually.MatchAsync(async () =>
        {
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            return health.StatusCode;
        }, status => status == System.Net.HttpStatusCode.OK, "BatchService to become healthy", TimeSpan.FromSeconds(60));
        await Wallets.ConnectAsync(_host.Services.GetRequiredService<IBus>());
        await Approvals.ConnectAsync(_host.Services.GetRequiredService<IBus>());
    }

    /// <summary>A company id no other test uses.</summary>
    public static string NewCompanyId() => $"company-{Guid.NewGuid():N}";

    /// <summary>A fresh company whose wallet holds <paramref name="available"/>, and a client with its token.</summary>
    public (string CompanyId, HttpClient Client) NewCompany(decimal available = 1_000_000m)
    {
        var companyId = NewCompanyId();
        Wallets.Fund(companyId, available);
        return (companyId, ClientFor(companyId));
    }

    public HttpClient ClientFor(string? companyId, string subject = "42") => ClientWithToken(
        _tokens.Issue(new AuthTokenRequest(subject, [PayoutsRoles.User], companyId)));

    public HttpClient ClientWithToken(string token)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient AnonymousClient() => Host.CreateClient();

    public async Task<T> QueryAsync<T>(Func<BatchesDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BatchesDbContext>());
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BatchServiceCollection : ICollectionFixture<BatchServiceFixture>
{
    public const string Name = "batch-service";
}
