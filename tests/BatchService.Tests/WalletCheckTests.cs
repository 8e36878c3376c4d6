using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Tests.Support;

namespace Payouts.BatchService.Tests;

/// <summary>Seed 001's 403: a batch whose active total the company wallet cannot cover is refused with both figures, and nothing is written.</summary>
[Collection(BatchServiceCollection.Name)]
public sealed class WalletCheckTests(BatchServiceFixture fixture)
{
    [Fact]
    public async Task Creating_beyond_the_wallet_is_403_with_the_seeds_figures_and_writes_nothing()
    {
        var (companyId, client) = await fixture.NewCompanyAsync(available: 500m);

        var created = await client.CreateAsync(BulkApi.NewReference(), BulkApi.Payees(4, 250m));

        Assert.Equal("Insufficient wallet balance. Required: $1000.00, Available: $500.00", created.Error(HttpStatusCode.Forbidden));
        Assert.Equal(0, await fixture.QueryAsync(db => db.Batches.CountAsync(b => b.CompanyId == companyId)));
        Assert.Contains(fixture.WalletQueries, q => q.CompanyId == companyId && q.Currency == "USD");
    }

    [Fact]
    public async Task The_active_total_leaves_out_cancelled_payees_and_may_equal_the_wallet()
    {
        var (_, client) = await fixture.NewCompanyAsync(available: 350.50m);

        var created = await client.CreateAsync(BulkApi.NewReference(), BulkApi.SeedPayees);

        created.IsOk();
    }

    [Fact]
    public async Task Growing_a_batch_beyond_the_wallet_is_403_and_adds_nobody()
    {
        var (_, client) = await fixture.NewCompanyAsync(available: 100m);
        var id = await client.CreateBatchAsync(BulkApi.Payees(2, 40.25m));

        var added = await client.AddRecipientsAsync(id, [BulkApi.Payee("more@example.com", 20m)]);

        Assert.Equal("Insufficient wallet balance. Required: $100.50, Available: $100.00", added.Error(HttpStatusCode.Forbidden));
        var read = await client.BulkGetAsync($"/v1/payouts/batches/{id}");
        Assert.Equal(2, read["batch"]["total_recipients"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_wallet_that_is_not_answered_is_503_and_writes_nothing()
    {
        var (companyId, client) = await fixture.NewCompanyAsync();

        BulkResponse created = null!;
        await fixture.WhilePayoutServiceIsDownAsync(async () => created = await client.CreateAsync(BulkApi.NewReference(), BulkApi.Payees(1)));

        Assert.Equal("The company wallet is temporarily unavailable. Please try again shortly.", created.Error(HttpStatusCode.ServiceUnavailable));
        Assert.Equal(0, await fixture.QueryAsync(db => db.Batches.CountAsync(b => b.CompanyId == companyId)));
    }
}
