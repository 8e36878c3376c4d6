using System.Net;
using Payouts.BatchService.Tests.Support;

namespace Payouts.BatchService.Tests;

/// <summary>Every read and write is the token's company's: another company's batch does not exist for it; no token, no API.</summary>
[Collection(BatchServiceCollection.Name)]
public sealed class TenancyAndAuthTests(BatchServiceFixture fixture)
{
    [Fact]
    public async Task Another_companys_batch_is_not_found_for_every_endpoint_and_stays_unchanged()
    {
        var (_, owner) = await fixture.NewCompanyAsync();
        var (_, other) = await fixture.NewCompanyAsync();
        var id = await owner.CreateBatchAsync(BulkApi.Payees(2));

        Assert.Equal("Batch not found", (await other.BulkGetAsync($"/v1/payouts/batches/{id}")).Error(HttpStatusCode.NotFound));
        Assert.Equal("Batch not found", (await other.BulkGetAsync($"/v1/payouts/batches/{id}/status")).Error(HttpStatusCode.NotFound));
        Assert.Equal("Batch not found", (await other.AddRecipientsAsync(id, BulkApi.Payees(1))).Error(HttpStatusCode.NotFound));
        Assert.Equal("Batch not found", (await other.BulkPostAsync($"/v1/payouts/batches/{id}/ready", new { })).Error(HttpStatusCode.NotFound));
        Assert.Equal("Batch not found", (await other.BulkPostAsync($"/v1/payouts/batches/{id}/cancel", new { })).Error(HttpStatusCode.NotFound));

        var unchanged = await owner.BulkGetAsync($"/v1/payouts/batches/{id}");
        Assert.Equal("draft", unchanged["batch"]["status"]!.GetValue<string>());
        Assert.Equal(2, unchanged["batch"]["total_recipients"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_list_shows_only_the_callers_batches()
    {
        var (_, mine) = await fixture.NewCompanyAsync();
        var (_, theirs) = await fixture.NewCompanyAsync();
        var own = await mine.CreateBatchAsync(BulkApi.Payees(1));
        await theirs.CreateBatchAsync(BulkApi.Payees(1));

        var list = await mine.BulkGetAsync("/v1/payouts");

        Assert.Equal([own.ToString()], list["payouts"].AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal(1, list["pagination"]["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_token_without_a_company_is_403_in_the_bulk_envelope()
    {
        using var client = fixture.ClientFor(companyId: null);

        foreach (var answer in new[]
        {
            await client.CreateAsync(BulkApi.NewReference(), BulkApi.Payees(1)),
            await client.BulkGetAsync("/v1/payouts"),
            await client.BulkGetAsync($"/v1/payouts/batches/{Guid.NewGuid()}"),
            await client.BulkGetAsync("/v1/users/validate/email/someone@example.com"),
        })
        {
            Assert.Equal("The token does not name a company: batches belong to a company account", answer.Error(HttpStatusCode.Forbidden));
        }
    }

    [Fact]
    public async Task No_token_is_the_seeds_401_and_a_bad_token_is_401_too()
    {
        using var anonymous = fixture.AnonymousClient();
        using var badToken = fixture.ClientWithToken("not-a-jwt");

        foreach (var path in new[] { "/v1/payouts", $"/v1/payouts/batches/{Guid.NewGuid()}", "/v1/users/validate/email/a@example.com" })
        {
            Assert.Equal("No authorization token provided", (await anonymous.BulkGetAsync(path)).Error(HttpStatusCode.Unauthorized));
            Assert.Equal("The authorization token is invalid or expired", (await badToken.BulkGetAsync(path)).Error(HttpStatusCode.Unauthorized));
        }

        Assert.Equal("No authorization token provided",
            (await anonymous.CreateAsync(BulkApi.NewReference(), BulkApi.Payees(1))).Error(HttpStatusCode.Unauthorized));
    }
}
