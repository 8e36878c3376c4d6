using System.Net;
using Payouts.BatchService.Tests.Support;

namespace Payouts.BatchService.Tests;

/// <summary>Seed 001's list: <c>page</c> from 1, <c>limit</c> 50 by default and at most 100.</summary>
[Collection(BatchServiceCollection.Name)]
public sealed class PaginationTests(BatchServiceFixture fixture)
{
    [Fact]
    public async Task Pages_default_to_50_and_take_up_to_100()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 101; i++) created.Add(await client.CreateBatchAsync(BulkApi.Payees(1)));
        created.Reverse();

        var first = await client.BulkGetAsync("/v1/payouts");
        var third = await client.BulkGetAsync("/v1/payouts?page=3");
        var hundred = await client.BulkGetAsync("/v1/payouts?limit=100");
        var second = await client.BulkGetAsync("/v1/payouts?page=2&limit=100");

        Assert.Equal("""{"page":1,"limit":50,"total":101,"totalPages":3}""", first["pagination"].ToJsonString());
        Assert.Equal(created.Take(50).Select(id => id.ToString()), first["payouts"].AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal([created[100].ToString()], third["payouts"].AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal(100, hundred["payouts"].AsArray().Count);
        Assert.Equal("""{"page":2,"limit":100,"total":101,"totalPages":2}""", second["pagination"].ToJsonString());
        Assert.Single(second["payouts"].AsArray());
    }

    [Fact]
    public async Task A_limit_over_100_or_a_page_below_1_is_a_clear_400()
    {
        var (_, client) = await fixture.NewCompanyAsync();

        Assert.Equal("The limit must be between 1 and 100.", (await client.BulkGetAsync("/v1/payouts?limit=101")).Error(HttpStatusCode.BadRequest));
        Assert.Equal("The page must be at least 1.", (await client.BulkGetAsync("/v1/payouts?page=0")).Error(HttpStatusCode.BadRequest));
        Assert.Equal("The page must be a whole number.", (await client.BulkGetAsync("/v1/payouts?page=two")).Error(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_company_without_batches_has_an_empty_first_page()
    {
        var (_, client) = await fixture.NewCompanyAsync();

        var list = await client.BulkGetAsync("/v1/payouts");

        Assert.Equal("""{"payouts":[],"pagination":{"page":1,"limit":50,"total":0,"totalPages":0}}""", list.Body.ToJsonString());
    }
}
