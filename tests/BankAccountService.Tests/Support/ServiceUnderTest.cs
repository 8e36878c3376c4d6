using System.Globalization;
using System.Net;
using Payouts.Contracts.BankAccounts;
using Payouts.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Payouts.BankAccountService.Tests.Support;

/// <summary>A test class's service host plus a capture of what it publishes, with the steps most tests take.</summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    private ServiceUnderTest(BankAccountServiceHost host, BusCapture bus)
    {
        Host = host;
        Bus = bus;
    }

    public BankAccountServiceHost Host { get; }

    public BusCapture Bus { get; }

    public static async Task<ServiceUnderTest> StartAsync(InfrastructureFixture infrastructure, string name)
    {
        var bus = await BusCapture.StartAsync(infrastructure.MessagingConnectionString);
        return new ServiceUnderTest(await BankAccountServiceHost.StartAsync(infrastructure, name), bus);
    }

    /// <summary>Adds a US account through seed 000's form endpoint and returns its id.</summary>
    public async Task<long> AddAccountAsync(HttpClient client, string accountNumber, params (string, string)[] extra)
    {
        var response = await client.PostForm("/api/update/bank-account/", [.. AccountFixtures.UsAccountForm(accountNumber), .. extra]);
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        return response.Body.GetProperty("bank_account_id").GetInt64();
    }

    /// <summary>The two amounts of the account's SendMicroDeposits command, as observed on the broker.</summary>
    public async Task<(string First, string Second)> MicroDepositAmountsAsync(long bankAccountId)
    {
        var command = await Bus.WaitForAsync<SendMicroDeposits>(m => m.GetProperty("bankAccountId").GetInt64() == bankAccountId, $"account {bankAccountId}");
        return OpenAmounts(command.Message);
    }

    /// <summary>A captured SendMicroDeposits' amounts, opened as settlement opens them (with the key the service sealed them with).</summary>
    public (string First, string Second) OpenAmounts(System.Text.Json.JsonElement command)
    {
        var (first, second) = Host.Services.GetRequiredService<MicroDepositSeal>()
            .Unseal(command.GetProperty("verificationId").GetGuid(), command.GetProperty("sealedAmounts").GetString()!);
        return (first.ToString("0.00", CultureInfo.InvariantCulture), second.ToString("0.00", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Returns once everything the service committed before this call has been published. The outbox keeps commit
    /// order per destination only, so first wait until the broker has confirmed every row; then a fresh account's
    /// BankAccountAdded, queued behind them on the capture's one queue, arriving means all earlier messages have too.
    /// </summary>
    public async Task BarrierAsync()
    {
        await Eventually.MatchAsync(OutboxBacklogAsync, rows => rows == 0, "the service's outbox to empty (rows left)");
        using var client = Host.ClientFor(AccountFixtures.NewUserId());
        var id = await AddAccountAsync(client, AccountFixtures.UsAccountNumber());
        await Bus.WaitForAsync<BankAccountAdded>(m => m.GetProperty("bankAccountId").GetInt64() == id, "the barrier account");
    }

    private async Task<int> OutboxBacklogAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Payouts.BankAccountService.Data.BankAccountsDbContext>();
        return await db.Set<Payouts.Messaging.Outbox.OutboxMessage>().CountAsync();
    }

    public int Count<T>(long bankAccountId, string property = "bankAccountId") =>
        Bus.Of<T>(m => m.GetProperty(property).GetInt64() == bankAccountId).Count;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Bus.DisposeAsync();
    }
}
