using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Messaging;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>
/// <c>Settlement:Transfers:MaxInFlight</c> decides how many payouts one replica has at the provider at once — not a
/// fixed 8 — and every payout is still paid once.
/// </summary>
[Collection(Infrastructure.Collection)]
public sealed class TransfersInFlightTests(TransfersInFlightFixture fixture) : IClassFixture<TransfersInFlightFixture>
{
    private const int MaxInFlight = TransfersInFlightFixture.MaxInFlight;

    [Fact]
    public async Task As_many_transfers_as_the_setting_allows_are_at_the_provider_at_once_and_each_payout_is_paid_once()
    {
        // The provider answers nothing until MaxInFlight transfer calls wait together: it can only go on if settlement
        // sends that many at once. Half as many again are queued behind them.
        fixture.Provider.HoldTransfersUntilWaiting(MaxInFlight);
        var commands = Enumerable.Range(0, MaxInFlight * 3 / 2)
            .Select(i => new SettlePayout(Guid.NewGuid(), $"PO-{Guid.NewGuid():N}"[..12], DestinationKind.BankAccount,
                fixture.Bus.AddBankAccount($"7{Random.Shared.NextInt64(100_000_000, 999_999_999)}"), "bank_transfer", 10m + i, "USD", "Payout in flight"))
            .ToList();
        var before = await fixture.DebitAccountBalanceAsync();

        await Task.WhenAll(commands.Select(fixture.Bus.SendAsync));

        foreach (var command in commands)
        {
            var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, TimeSpan.FromMinutes(2)));
            Assert.Equal(Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId)).GetProperty("_id").GetString(), settled.ProviderTransferId);
            Assert.Equal("completed", Assert.Single(await fixture.OurTransfersAsync(command.PayoutId)).Status);
        }

        // More than the old 8 at once, and never more than the setting.
        Assert.Equal(MaxInFlight, fixture.Provider.PeakTransfersAtOnce);
        Assert.Equal(before - commands.Sum(c => c.Amount), await fixture.DebitAccountBalanceAsync());
        Assert.All(commands, c => Assert.Single(fixture.Bus.OutcomesFor(c.PayoutId)));
    }

    [Fact]
    public async Task The_database_pool_holds_a_connection_for_every_transfer_in_flight_and_the_other_work()
    {
        await using var scope = fixture.Settlement.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SettlementDbContext>();

        var pool = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxPoolSize;

        Assert.Equal(MaxInFlight + TransferOptions.OtherWorkConnections, pool);
    }
}
