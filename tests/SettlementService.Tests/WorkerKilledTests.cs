using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Payouts.Contracts.Settlement;
using Payouts.ProviderSandbox.Domain;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>A worker process killed after the provider call and before its acknowledgement: one transfer, payout settled after restart.</summary>
[Collection(Infrastructure.Collection)]
public sealed class WorkerKilledTests(InfrastructureFixture infrastructure)
{
    private const string ApiKey = "worker-killed-key";
    private const string DebitAccount = "WORKER-KILLED";

    [Fact]
    public async Task A_worker_killed_between_the_provider_call_and_its_acknowledgement_leaves_one_transfer_and_a_settled_payout()
    {
        var settlementDb = await infrastructure.CreateDatabaseAsync("settlement_killed");
        var sandboxEnvironment = new Dictionary<string, string>
        {
            ["ConnectionStrings__providersandboxdb"] = await infrastructure.CreateDatabaseAsync("sandbox_killed"),
            ["Sandbox__ApiKeys__0"] = ApiKey,
            [$"Sandbox__SettlementAccounts__{DebitAccount}__USD"] = "1000",
            // The provider records the transfer, then holds the answer long enough for the test to kill the worker.
            ["Sandbox__TimeoutHold"] = "00:01:00",
        };
        // As the AppHost does: each database is migrated once, by the service's migrate command, before it starts.
        await ServiceProcess.MigrateAsync(ServiceFolders.ProviderSandbox, sandboxEnvironment);
        await using var sandbox = await ServiceProcess.StartAsync(ServiceFolders.ProviderSandbox, sandboxEnvironment);
        var settlementEnvironment = new Dictionary<string, string>
        {
            ["ConnectionStrings__settlementdb"] = settlementDb,
            ["ConnectionStrings__messaging"] = infrastructure.MessagingConnectionString,
            ["Auth__SigningKey"] = SettlementHost.SigningKey,
            // A process outside Development must be given the sealing key (this test sends no micro-deposits).
            ["MicroDeposits__SealingKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Provider__BaseUrl"] = sandbox.Address.ToString(),
            ["Provider__ApiKey"] = ApiKey,
            ["Provider__DebitAccountId"] = DebitAccount,
            ["Provider__AttemptTimeout"] = "00:02:00",
        };
        await ServiceProcess.MigrateAsync(ServiceFolders.Settlement, settlementEnvironment);
        await using var testBus = await TestBus.StartAsync(infrastructure.MessagingConnectionString);
        using var provider = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = sandbox.Address };
        provider.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var command = new SettlePayout(Guid.NewGuid(), "PO-KILLED", DestinationKind.BankAccount,
            testBus.AddBankAccount(TestDestinations.TimesOutAccountNumber), "bank_transfer", 250m, "USD", "Payout killed mid-call");

        var worker = await ServiceProcess.StartAsync(ServiceFolders.Settlement, settlementEnvironment);
        try
        {
            await testBus.SendAsync(command);
            // The provider holds the transfer and the worker is still waiting for its answer: kill it now.
            await WaitForAsync(async () => (await ProviderTransfersAsync(provider, command.PayoutId)).Length == 1, "the provider to record the transfer", worker);
            await worker.KillAsync();
        }
        finally
        {
            await worker.DisposeAsync();
        }

        // Nothing was committed by the killed worker: its transaction died with it, and the message was never acknowledged.
        Assert.Equal(0L, await CountOurTransfersAsync(settlementDb, command.PayoutId));
        Assert.Empty(testBus.OutcomesFor(command.PayoutId));

        await using var restarted = await ServiceProcess.StartAsync(ServiceFolders.Settlement, settlementEnvironment);
        var settled = Assert.IsType<PayoutSettled>(await testBus.WaitForOutcomeAsync(command.PayoutId, TimeSpan.FromSeconds(60)));

        var atProvider = Assert.Single(await ProviderTransfersAsync(provider, command.PayoutId));
        Assert.Equal(atProvider.GetProperty("_id").GetString(), settled.ProviderTransferId);
        var account = await provider.GetFromJsonAsync<JsonElement>($"/accounts/{DebitAccount}");
        Assert.Equal(750m, account.GetProperty("data").GetProperty("balances")[0].GetProperty("balance").GetDecimal());
        Assert.Equal(1L, await CountOurTransfersAsync(settlementDb, command.PayoutId));
    }

    private static async Task<JsonElement[]> ProviderTransfersAsync(HttpClient provider, Guid payoutId)
    {
        var json = await provider.GetFromJsonAsync<JsonElement>($"/transfers?paymentReference={Payouts.SettlementService.Domain.Transfer.ReferenceFor(payoutId)}");
        return [.. json.GetProperty("data").EnumerateArray()];
    }

    private static async Task<long> CountOurTransfersAsync(string connectionString, Guid payoutId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM transfers WHERE payout_id = @id", connection);
        command.Parameters.AddWithValue("id", payoutId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task WaitForAsync(Func<Task<bool>> condition, string what, ServiceProcess worker) =>
        Eventually.HoldsAsync(condition, what, TimeSpan.FromSeconds(60), detail: () => Task.FromResult($"Worker output:\n{worker.Output}"));
}
