using MassTransit;
using Npgsql;
using Payouts.BankAccountService.Tests.Support;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Settlement;
using Payouts.Testing;

namespace Payouts.BankAccountService.Tests.Messaging;

/// <summary>
/// Settlement's request for full destination details, over the real broker with a MassTransit request client as
/// settlement uses it: full numbers only for payable destinations (or an account's own micro-deposits), every answer audited.
/// </summary>
[Collection(Infrastructure.Collection)]
public sealed class SettlementDestinationTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ServiceUnderTest _service = null!;
    private IBusControl _settlement = null!;

    public async Task InitializeAsync()
    {
        _service = await ServiceUnderTest.StartAsync(infrastructure, "settlement_destination");
        _settlement = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(infrastructure.MessagingConnectionString)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _settlement.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await _settlement.StopAsync();
        await _service.DisposeAsync();
    }

    private async Task<SettlementDestination> AskAsync(DestinationKind kind, long id, Guid requestedFor)
    {
        var client = _settlement.CreateRequestClient<GetSettlementDestination>(new Uri("queue:get-settlement-destination"), RequestTimeout.After(s: 30));
        var response = await client.GetResponse<SettlementDestination>(new GetSettlementDestination(kind, id, requestedFor));
        return response.Message;
    }

    [Fact]
    public async Task A_pending_account_is_disclosed_only_for_its_own_micro_deposits_and_a_verified_one_for_payouts()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var number = AccountFixtures.UsAccountNumber();
        var id = await _service.AddAccountAsync(client, number);
        var command = await _service.Bus.WaitForAsync<SendMicroDeposits>(m => m.GetProperty("bankAccountId").GetInt64() == id, "the new account");
        var verificationId = command.Message.GetProperty("verificationId").GetGuid();

        var forPayout = await AskAsync(DestinationKind.BankAccount, id, Guid.NewGuid());
        Assert.False(forPayout.Payable);
        Assert.Equal("bank_account_not_verified", forPayout.NotPayableReason);
        Assert.Equal("", forPayout.AccountNumber);

        var forDeposits = await AskAsync(DestinationKind.BankAccount, id, verificationId);
        Assert.True(forDeposits.Payable);
        Assert.Equal(number, forDeposits.AccountNumber);
        Assert.Equal(AccountFixtures.ChaseRouting, forDeposits.RoutingNumber);
        Assert.Equal("John Doe", forDeposits.AccountHolderName);
        Assert.Equal("USD", forDeposits.Currency);
        Assert.Equal("US", forDeposits.Country);

        var (first, second) = await _service.MicroDepositAmountsAsync(id);
        await client.PostForm("/api/bank-accounts/verify/", ("bank_account_id", id.ToString()), ("verification_amount_1", first), ("verification_amount_2", second));
        var payout = Guid.NewGuid();
        var verified = await AskAsync(DestinationKind.BankAccount, id, payout);
        Assert.True(verified.Payable);
        Assert.Equal(number, verified.AccountNumber);
        Assert.DoesNotContain(number, verified.ToString()); // its ToString, as a log line would show it

        await client.PostForm("/api/bank-accounts/delete/", ("bank_account_id", id.ToString()));
        var deleted = await AskAsync(DestinationKind.BankAccount, id, payout);
        Assert.False(deleted.Payable);
        Assert.Equal("deleted", deleted.NotPayableReason);
        Assert.Equal("", deleted.AccountNumber);

        Assert.Equal(
            [("BankAccount", false, "bank_account_not_verified"), ("BankAccount", true, (string?)null), ("BankAccount", true, null), ("BankAccount", false, "deleted")],
            await AuditAsync(DestinationKind.BankAccount, id));
    }

    [Fact]
    public async Task Beneficiary_details_are_disclosed_until_deleted_and_unknown_ids_are_not_found()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var beneficiaryId = (await client.PostJson("/beneficiaries", new { recipient_type = "individual", customer_name = "Ada Obi", customer_email = "ada@example.com", country = "NG" }))
            .Body.GetProperty("data").GetProperty("id").GetInt64();
        var nuban = AccountFixtures.Nuban();
        var detailsId = (await client.PostJson($"/beneficiaries/{beneficiaryId}/details", new { bank_name = "GTBank", account_number = nuban, bank_code = "058", country = "NG" }))
            .Body.GetProperty("data").GetProperty("id").GetInt64();

        var payable = await AskAsync(DestinationKind.BeneficiaryDetails, detailsId, Guid.NewGuid());
        Assert.True(payable.Payable);
        Assert.Equal(nuban, payable.AccountNumber);
        Assert.Equal("058", payable.BankCode);
        Assert.Equal("NGN", payable.Currency);
        Assert.Equal("Ada Obi", payable.AccountHolderName);

        await client.Delete($"/beneficiaries/{beneficiaryId}");
        var gone = await AskAsync(DestinationKind.BeneficiaryDetails, detailsId, Guid.NewGuid());
        Assert.False(gone.Payable);
        Assert.Equal("deleted", gone.NotPayableReason);

        var unknown = await AskAsync(DestinationKind.BankAccount, 987_654_321, Guid.NewGuid());
        Assert.False(unknown.Payable);
        Assert.Equal("not_found", unknown.NotPayableReason);

        Assert.Equal([("BeneficiaryDetails", true, (string?)null), ("BeneficiaryDetails", false, "deleted")], await AuditAsync(DestinationKind.BeneficiaryDetails, detailsId));
        Assert.Equal([("BankAccount", false, "not_found")], await AuditAsync(DestinationKind.BankAccount, 987_654_321));

        // Replies go straight to the requester: no inbox claim, so nothing routes them through the outbox table.
        await using var connection = new NpgsqlConnection(_service.Host.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var inbox = new NpgsqlCommand("SELECT count(*) FROM inbox_state WHERE consumer_id LIKE '%GetSettlementDestinationConsumer'", connection);
        Assert.Equal(0L, await inbox.ExecuteScalarAsync());
    }

    private async Task<List<(string, bool, string?)>> AuditAsync(DestinationKind kind, long id)
    {
        await using var connection = new NpgsqlConnection(_service.Host.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT kind, full_details_disclosed, not_payable_reason FROM settlement_destination_audit WHERE kind = @kind AND destination_id = @id ORDER BY id", connection);
        command.Parameters.AddWithValue("kind", kind.ToString());
        command.Parameters.AddWithValue("id", id);
        var rows = new List<(string, bool, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }
}
