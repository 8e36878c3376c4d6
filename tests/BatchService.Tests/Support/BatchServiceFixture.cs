using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payouts.BatchService.Data;
using Payouts.Contracts.Batches;
using Payouts.ServiceDefaults.Authentication;
using Payouts.Testing;

namespace Payouts.BatchService.Tests.Support;

/// <summary>
/// BatchService hosted once for the test assembly on its own PostgreSQL database and the private RabbitMQ, with the real
/// PayoutService beside it (the company wallet and the user directory, on a database of its own) and a
/// <see cref="FakeSettlement"/> paying its email-rail payouts. Tests isolate themselves by using fresh company ids.
/// </summary>
public sealed class BatchServiceFixture : IAsyncLifetime
{
    private const string SigningKey = "batch-service-tests-signing-key-0123456789";
    public const string EncryptionKeyId = "test-1";
    private static long _nextUserId = 5_000 + (DateTime.UtcNow.Ticks % 1_000_000) * 1_000;

    private readonly LocalTokenIssuer _tokens = new(new AuthSettings(SigningKey));
    private readonly ConcurrentQueue<GetCompanyWallet> _walletQueries = new();
    private BatchServiceHost? _host;
    private PayoutServiceHost? _payoutService;
    private string? _payoutsDatabase;

    public InfrastructureFixture Infrastructure { get; } = new();

    /// <summary>Settlement for the batches' email-rail payouts: settled at once, failed for the sandbox's closed email.</summary>
    public FakeSettlement Settlement { get; } = new();

    /// <summary>The wallet queries PayoutService received.</summary>
    public IEnumerable<GetCompanyWallet> WalletQueries => _walletQueries;

    /// <summary>Every batch event the service published (ready, approved, finished), as the real broker delivered it.</summary>
    public BatchEventsCapture Published { get; } = new();

    /// <summary>The service's rule clock (2FA codes, lockouts, timestamps); tests only move it forward.</summary>
    public TestClock Clock { get; } = new();

    public PayoutServiceHost PayoutService => _payoutService ?? throw new InvalidOperationException("The fixture has not started.");

    private BatchServiceHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public IServiceProvider Services => Host.Services;

    /// <summary>BatchService's bus.</summary>
    public IBus Bus => Host.Services.GetRequiredService<IBus>();

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        _payoutsDatabase = await Infrastructure.CreateDatabaseAsync("payouts");
        await StartPayoutServiceAsync();

        _host = new BatchServiceHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:batchesdb"] = await Infrastructure.CreateDatabaseAsync("batches"),
            ["ConnectionStrings:messaging"] = Infrastructure.MessagingConnectionString,
            ["Auth:SigningKey"] = SigningKey,
            // Short, so the unanswered-wallet test waits little; PayoutService answers in milliseconds.
            ["Batches:Wallet:RequestTimeout"] = "00:00:03",
            // TOTP secrets' key, as production configures it (the Testing environment derives none).
            ["Batches:Encryption:Keys:" + EncryptionKeyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Batches:Encryption:CurrentKeyId"] = EncryptionKeyId,
        }, Clock);
        await WaitHealthyAsync(_host.CreateClient(), "BatchService");
        await Published.ConnectAsync(Bus);
    }

    /// <summary>
    /// Runs <paramref name="body"/> while PayoutService is down (its queues stay, unanswered), then starts it again on the
    /// same database. Tests of one collection run one at a time, so no other test sees it down.
    /// </summary>
    public async Task WhilePayoutServiceIsDownAsync(Func<Task> body)
    {
        await PayoutService.DisposeAsync();
        _payoutService = null;
        try
        {
            await body();
        }
        finally
        {
            await StartPayoutServiceAsync();
        }
    }

    /// <summary>A company id no other test uses.</summary>
    public static string NewCompanyId() => $"company-{Guid.NewGuid():N}";

    /// <summary>A fresh company whose wallet billing funded with <paramref name="available"/>, and a client with its token.</summary>
    public async Task<(string CompanyId, HttpClient Client)> NewCompanyAsync(decimal available = 1_000_000m)
    {
        var companyId = NewCompanyId();
        if (available > 0) await FundCompanyAsync(companyId, available);
        return (companyId, ClientFor(companyId));
    }

    /// <summary>Funds the company's wallet the way seed 003 billing does: invoice, manual payment, admin approval.</summary>
    public async Task FundCompanyAsync(string companyId, decimal amount)
    {
        using var admin = PayoutServiceClient(NewUserId().ToString(CultureInfo.InvariantCulture), null, PayoutsRoles.Admin);
        var invoice = await PostAsync(admin, "/api/v1/billing/admin/invoices/",
            new { company_id = companyId, amount = amount.ToString(CultureInfo.InvariantCulture), currency = "USD" }, HttpStatusCode.Created);
        using var member = PayoutServiceClient(NewUserId().ToString(CultureInfo.InvariantCulture), companyId, PayoutsRoles.User);
        var payment = await PostAsync(member, "/api/v1/billing/payments/manual/",
            new { invoice_id = invoice["invoice"]!["id"]!.GetValue<long>(), payment_method = "bank_transfer", transaction_reference = $"WIRE-{Guid.NewGuid():N}" },
            HttpStatusCode.Created);
        await PostAsync(admin, $"/api/v1/billing/admin/payments/{payment["payment"]!["id"]!.GetValue<long>()}/approve/", new { }, HttpStatusCode.OK);
    }

    /// <summary>A user of the platform with <paramref name="email"/>, created by an admin in PayoutService's directory; returns the user id.</summary>
    public async Task<long> AddPlatformUserAsync(string email)
    {
        var userId = NewUserId();
        using var admin = PayoutServiceClient(NewUserId().ToString(CultureInfo.InvariantCulture), null, PayoutsRoles.Admin);
        await PostAsync(admin, "/api/admin/users", new { id = userId, email, firstName = "Platform", lastName = "User", minimumPayout = 10m },
            HttpStatusCode.Created);
        return userId;
    }

    public HttpClient ClientFor(string? companyId, string subject = "42") => ClientWithToken(
        _tokens.Issue(new AuthTokenRequest(subject, [PayoutsRoles.User], companyId)));

    public HttpClient AdminClient() => ClientWithToken(_tokens.Issue(new AuthTokenRequest("7", [PayoutsRoles.Admin], null)));

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
        if (_payoutService is not null) await _payoutService.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }

    private static long NewUserId() => Interlocked.Increment(ref _nextUserId);

    private HttpClient PayoutServiceClient(string subject, string? companyId, string role)
    {
        var client = PayoutService.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            _tokens.Issue(new AuthTokenRequest(subject, [role], companyId)));
        return client;
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: expected {(int)expected}, got {(int)response.StatusCode}: {raw}");
        return JsonNode.Parse(raw) ?? new JsonObject();
    }

    private async Task StartPayoutServiceAsync()
    {
        _payoutService = new PayoutServiceHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:payoutsdb"] = _payoutsDatabase,
            ["ConnectionStrings:messaging"] = Infrastructure.MessagingConnectionString,
            ["Auth:SigningKey"] = SigningKey,
        });
        await WaitHealthyAsync(_payoutService.CreateClient(), "PayoutService");
        // Connected to each start's bus: a restart (WhilePayoutServiceIsDownAsync) must not leave payouts unsettled.
        var bus = _payoutService.Services.GetRequiredService<IBus>();
        bus.ConnectConsumeMessageObserver(new WalletQueryLog(_walletQueries));
        await Settlement.ConnectAsync(bus);
    }

    private static async Task WaitHealthyAsync(HttpClient client, string service)
    {
        using (client) await ServiceHealth.WaitAsync(client, service);
    }

    /// <summary>Notes each wallet query PayoutService consumes.</summary>
    private sealed class WalletQueryLog(ConcurrentQueue<GetCompanyWallet> log) : IConsumeMessageObserver<GetCompanyWallet>
    {
        public Task PreConsume(ConsumeContext<GetCompanyWallet> context)
        {
            log.Enqueue(context.Message);
            return Task.CompletedTask;
        }

        public Task PostConsume(ConsumeContext<GetCompanyWallet> context) => Task.CompletedTask;

        public Task ConsumeFault(ConsumeContext<GetCompanyWallet> context, Exception exception) => Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class BatchServiceCollection : ICollectionFixture<BatchServiceFixture>
{
    public const string Name = "batch-service";
}
