using Payouts.PayoutService.Domain.Batches;

namespace Payouts.PayoutService.Tests.Domain;

/// <summary>A batch's hold on its own: what it lets recipients take, and what its release returns.</summary>
public sealed class BatchFundsHoldTests
{
    private static BatchFundsHold Held(decimal amount) =>
        new() { BatchId = Guid.NewGuid(), CompanyId = "c-1", Currency = "USD", Amount = amount, Remaining = amount, Status = BatchFundsStatus.Held };

    [Fact]
    public void Recipients_take_from_the_remaining_hold_until_it_no_longer_covers_them()
    {
        var hold = Held(100m);

        hold.Take(60m);

        Assert.Equal(40m, hold.Remaining);
        Assert.Null(hold.RefusalFor("c-1", "USD", 40m));
        Assert.Equal("The batch's hold does not cover this payment", hold.RefusalFor("c-1", "USD", 40.01m));
        Assert.Throws<InvalidOperationException>(() => hold.Take(41m));
    }

    [Theory]
    [InlineData("c-2", "USD", 10)]
    [InlineData("c-1", "EUR", 10)]
    [InlineData("c-1", "USD", 0)]
    public void Another_company_or_currency_or_a_non_positive_amount_is_refused(string company, string currency, decimal amount) =>
        Assert.NotNull(Held(100m).RefusalFor(company, currency, amount));

    [Fact]
    public void Release_returns_what_is_left_once_and_closes_the_hold()
    {
        var hold = Held(100m);
        hold.Take(30m);

        var released = hold.Release(DateTimeOffset.UnixEpoch);

        Assert.Equal(70m, released);
        Assert.Equal((0m, 70m, BatchFundsStatus.Released), (hold.Remaining, hold.Released, hold.Status));
        Assert.Equal("The batch's funds were released", hold.RefusalFor("c-1", "USD", 1m));
    }

    [Fact]
    public void A_refused_hold_releases_nothing()
    {
        var hold = Held(100m);
        hold.Status = BatchFundsStatus.Refused;
        hold.Remaining = 0;

        Assert.Equal(0m, hold.Release(DateTimeOffset.UnixEpoch));
        Assert.Equal(BatchFundsStatus.Refused, hold.Status);
    }
}
