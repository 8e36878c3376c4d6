using System.Text.Json;
using MassTransit;
using Payouts.BankAccountService.Tests.Support;
using Payouts.Contracts.BankAccounts;
using Payouts.Testing;

namespace Payouts.BankAccountService.Tests.Messaging;

/// <summary>
/// PayoutService's read-your-writes requests over the real broker, asked as PayoutService asks them: the current state
/// of what was just acknowledged, masked numbers only, and not-found for ids that do not exist.
/// </summary>
[Collection(Infrastructure.Collection)]
public sealed class PayoutDestinationQueryTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ServiceUnderTest _service = null!;
    private IBusControl _payouts = null!;

    public async Task InitializeAsync()
    {
        _service = await ServiceUnderTest.StartAsync(infrastructure, "payout_destination_query");
        _payouts = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(infrastructure.MessagingConnectionString)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _payouts.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await _payouts.StopAsync();
        await _service.DisposeAsync();
    }

    private IRequestClient<T> Client<T>() where T : class =>
        _payouts.CreateRequestClient<T>(new Uri($"queue:{BankAccountQueues.PayoutDestinations}"), RequestTimeout.After(s: 30));

    [Fact]
    public async Task A_just_added_account_is_answered_at_once_masked_and_then_verified()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);
        var number = AccountFixtures.UsAccountNumber();
        var id = await _service.AddAccountAsync(client, number);

        var response = await Client<GetBankAccount>().GetResponse<BankAccountFound, BankAccountNotFound>(new GetBankAccount(id));

        Assert.True(response.Is(out Response<BankAccountFound>? found));
        var account = found!.Message;
        Assert.Equal(userId, account.UserId);
        Assert.Equal("****" + number[^4..], account.MaskedAccountNumber);
        Assert.Equal("****0021", account.MaskedRoutingNumber);
        Assert.Equal("John Doe", account.AccountHolderName);
        Assert.False(account.Verified);
        Assert.False(account.Deleted);
        Assert.DoesNotContain(number, JsonSerializer.Serialize(account), StringComparison.Ordinal);
        Assert.DoesNotContain(AccountFixtures.ChaseRouting, JsonSerializer.Serialize(account), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        var account = await Client<GetBankAccount>().GetResponse<BankAccountFound, BankAccountNotFound>(new GetBankAccount(long.MaxValue - 1));
        Assert.True(account.Is(out Response<BankAccountNotFound>? _));

        var details = await Client<GetBeneficiaryDetails>().GetResponse<BeneficiaryDetailsFound, BeneficiaryDetailsNotFound>(
            new GetBeneficiaryDetails(long.MaxValue - 1));
        Assert.True(details.Is(out Response<BeneficiaryDetailsNotFound>? _));
    }
}
