using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payouts.ServiceDefaults.Authentication;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Domain;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests.Support;

/// <summary>The sandbox, SettlementService and the test bus, shared by a class's tests; tests isolate by payout id.</summary>
public class SettlementFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly LocalTokenIssuer Tokens = new(new AuthSettings(SettlementHost.SigningKey));

    public SandboxHost Sandbox { get; private set; } = null!;

    public SettlementHost Settlement { get; private set; } = null!;

    public TestBus Bus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = new SandboxHost(await infrastructure.CreateDatabaseAsync("settlement_sandbox"));
        Sandbox.CreateClient().Dispose();
        Settlement = new SettlementHost(
            await infrastructure.CreateDatabaseAsync("settlement"), infrastructure.MessagingConnectionString, Sandbox, await StartProviderFrontAsync(Sandbox),
            SettlementSettings);
        Bus = await TestBus.StartAsync(infrastructure.MessagingConnectionString);
        await WaitUntilHealthyAsync();
    }

    public async Task DisposeAsync()
    {
        await Bus.DisposeAsync();
        await Settlement.DisposeAsync();
        await DisposeProviderFrontAsync();
        await Sandbox.DisposeAsync();
    }

    /// <summary>Settings of the fixture's own, over <see cref="SettlementHost"/>'s.</summary>
    protected virtual IReadOnlyDictionary<string, string?> SettlementSettings => new Dictionary<string, string?>();

    /// <summary>A server settlement should call instead of the sandbox directly; null: the sandbox itself.</summary>
    protected virtual Task<Uri?> StartProviderFrontAsync(SandboxHost sandbox) => Task.FromResult<Uri?>(null);

    protected virtual ValueTask DisposeProviderFrontAsync() => ValueTask.CompletedTask;

    public HttpClient SandboxClient()
    {
        var client = Sandbox.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SandboxHost.ApiKey);
        return client;
    }

    /// <summary>A client of SettlementService's HTTP API with a bearer token for the role.</summary>
    public HttpClient ApiClient(string role = PayoutsRoles.Admin)
    {
        var client = Settlement.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Issue(new AuthTokenRequest("9001", [role])));
        return client;
    }

    public async Task<decimal> DebitAccountBalanceAsync(string currency = "USD")
    {
        using var client = SandboxClient();
        var json = await client.GetFromJsonAsync<JsonElement>($"/accounts/{SandboxHost.DebitAccount}");
        return json.GetProperty("data").GetProperty("balances").EnumerateArray()
            .Single(b => b.GetProperty("currency").GetString() == currency).GetProperty("balance").GetDecimal();
    }

    /// <summary>The provider's transfers for a payment reference (its unique index allows at most one).</summary>
    public Task<JsonElement[]> ProviderTransfersAsync(Guid payoutId) => ProviderTransfersAsync(Transfer.ReferenceFor(payoutId));

    public async Task<JsonElement[]> ProviderTransfersAsync(string paymentReference)
    {
        using var client = SandboxClient();
        var json = await client.GetFromJsonAsync<JsonElement>($"/transfers?paymentReference={Uri.EscapeDataString(paymentReference)}");
        return [.. json.GetProperty("data").EnumerateArray()];
    }

    /// <summary>A transfer made at the provider out of band (not by settlement), as another system or an operator might.</summary>
    public async Task<JsonElement> CreateProviderTransferAsync(string paymentReference, string accountNumber, decimal amount, string currency = "USD")
    {
        using var client = SandboxClient();
        using var response = await client.PostAsJsonAsync("/transfers", new
        {
            debitAccountId = SandboxHost.DebitAccount,
            beneficiaryBankCode = "011",
            beneficiaryAccountNumber = accountNumber,
            amount,
            currency,
            narration = "Out of band",
            paymentReference,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Sandbox refused the transfer: {body}");
        return body.GetProperty("data");
    }

    /// <summary>Writes one of our transfer rows directly, as if settlement had recorded it (to stage a disagreement with the provider).</summary>
    public async Task InsertOurTransferAsync(
        Guid payoutId, string status, decimal amount, string currency, DateTimeOffset finishedAt, string? providerTransferId = null, string? failureCode = null)
    {
        await using var scope = Settlement.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SettlementDbContext>();
        var reference = Transfer.ReferenceFor(payoutId);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO transfers (payout_id, payment_reference, destination_kind, destination_id, beneficiary_bank_code, beneficiary_masked,
                amount, currency, narration, status, provider_transfer_id, failure_code, failure_reason, reconciliation_attempts,
                created_at, updated_at, completed_at)
            VALUES ({payoutId}, {reference}, 'BankAccount', 1, '011', '****7890', {amount}, {currency}, 'Staged by a test', {status},
                {providerTransferId}, {failureCode}, {(failureCode is null ? null : "staged failure")}, 0, {finishedAt}, {finishedAt}, {finishedAt})
            """);
    }

    /// <summary>
    /// An open transfer (<c>pending</c>, <c>unknown</c>…) the provider never received, as a worker that died mid-call
    /// leaves one: sent a day ago (or at <paramref name="sentAt"/>), last touched ahead of now, so the sweep (which would
    /// fail it as not received) leaves it alone.
    /// </summary>
    public async Task<Guid> StageOpenTransferNobodySweepsAsync(string status, DateTimeOffset? sentAt = null)
    {
        var payoutId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await InsertOurTransferAsync(payoutId, status, 42m, "USD", now.AddDays(1));
        await using var scope = Settlement.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SettlementDbContext>();
        await db.Database.ExecuteSqlAsync($"UPDATE transfers SET created_at = {sentAt ?? now.AddDays(-1)}, completed_at = NULL WHERE payout_id = {payoutId}");
        return payoutId;
    }

    public async Task<List<Transfer>> OurTransfersAsync(Guid payoutId)
    {
        await using var scope = Settlement.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SettlementDbContext>();
        return await db.Transfers.AsNoTracking().Where(t => t.PayoutId == payoutId).ToListAsync();
    }

    /// <summary>Rows settlement committed to its outbox that the broker has not confirmed yet.</summary>
    public async Task<int> OutboxBacklogAsync()
    {
        await using var scope = Settlement.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SettlementDbContext>();
        return await db.Set<Payouts.Messaging.Outbox.OutboxMessage>().CountAsync();
    }

    /// <summary>Settlement's /health includes the bus: its queue exists and it consumes once healthy.</summary>
    private async Task WaitUntilHealthyAsync()
    {
        using var client = Settlement.CreateClient();
        await Eventually.MatchAsync(async () =>
        {
            using var response = await client.GetAsync("/health");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }, health => health.StatusCode == System.Net.HttpStatusCode.OK, "SettlementService to become healthy", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
    }
}
