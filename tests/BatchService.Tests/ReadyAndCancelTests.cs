using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Tests.Support;
using Payouts.Contracts.Batches;
using Payouts.Testing;

namespace Payouts.BatchService.Tests;

/// <summary>The console's transitions: a draft is marked ready, a draft or ready batch cancelled; anything else is a 409.</summary>
[Collection(BatchServiceCollection.Name)]
public sealed class ReadyAndCancelTests(BatchServiceFixture fixture)
{
    [Fact]
    public async Task A_ready_batch_takes_no_more_recipients_and_can_be_cancelled()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var id = await client.CreateBatchAsync(BulkApi.SeedPayees);

        var ready = await client.BulkPostAsync($"/v1/payouts/batches/{id}/ready", new { });
        var add = await client.AddRecipientsAsync(id, BulkApi.Payees(1));
        var readyAgain = await client.BulkPostAsync($"/v1/payouts/batches/{id}/ready", new { });
        var cancelled = await client.BulkPostAsync($"/v1/payouts/batches/{id}/cancel", new { });

        ready.IsOk();
        Assert.Equal("ready", ready["batch_status"].GetValue<string>());
        Assert.Equal("Recipients can only be added to a draft batch; this batch is ready", add.Error(HttpStatusCode.Conflict));
        Assert.Equal("Only a draft batch can be marked ready; this batch is ready", readyAgain.Error(HttpStatusCode.Conflict));
        cancelled.IsOk();
        Assert.Equal("cancelled", cancelled["batch_status"].GetValue<string>());

        var read = await client.BulkGetAsync($"/v1/payouts/batches/{id}");
        Assert.Equal("cancelled", read["batch"]["status"]!.GetValue<string>());
        Assert.All(read["recipients"].AsArray(), r => Assert.Equal("cancelled", r!["status"]!.GetValue<string>()));
        Assert.Equal(0m, read["statistics"]["active_amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Marking_a_draft_ready_publishes_BatchMarkedReady_once_with_what_an_approval_would_pay()
    {
        var (companyId, client) = await fixture.NewCompanyAsync();
        var reference = BulkApi.NewReference();
        var id = await client.CreateBatchAsync(BulkApi.SeedPayees, reference);

        (await client.BulkPostAsync($"/v1/payouts/batches/{id}/ready", new { })).IsOk();
        var ready = await Eventually.ValueAsync(() => Task.FromResult(fixture.Published.For<BatchMarkedReady>(id).FirstOrDefault()), "BatchMarkedReady");

        var row = await fixture.QueryAsync(db => db.Batches.AsNoTracking().SingleAsync(b => b.Id == id));
        // The seed's invalid@email is cancelled at once: neither counted nor in the total.
        Assert.Equal((companyId, reference, 350.50m, "USD", 2, row.UpdatedAt), (ready.CompanyId, ready.PaymentReference, ready.Total, ready.Currency,
            ready.RecipientCount, ready.MarkedReadyAt));

        // Refused transitions publish nothing more.
        Assert.Equal(HttpStatusCode.Conflict, (await client.BulkPostAsync($"/v1/payouts/batches/{id}/ready", new { })).Status);
        (await client.BulkPostAsync($"/v1/payouts/batches/{id}/cancel", new { })).IsOk();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(fixture.Published.For<BatchMarkedReady>(id));
    }

    [Fact]
    public async Task A_cancelled_batch_cannot_be_cancelled_marked_ready_or_grown()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var id = await client.CreateBatchAsync(BulkApi.Payees(1));
        (await client.BulkPostAsync($"/v1/payouts/batches/{id}/cancel", new { })).IsOk();

        Assert.Equal("Only a draft or ready batch can be cancelled; this batch is cancelled",
            (await client.BulkPostAsync($"/v1/payouts/batches/{id}/cancel", new { })).Error(HttpStatusCode.Conflict));
        Assert.Equal("Only a draft batch can be marked ready; this batch is cancelled",
            (await client.BulkPostAsync($"/v1/payouts/batches/{id}/ready", new { })).Error(HttpStatusCode.Conflict));
        Assert.Equal("Recipients can only be added to a draft batch; this batch is cancelled",
            (await client.AddRecipientsAsync(id, BulkApi.Payees(1))).Error(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_batch_with_no_valid_payee_cannot_be_marked_ready()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var id = await client.CreateBatchAsync([]);

        var ready = await client.BulkPostAsync($"/v1/payouts/batches/{id}/ready", new { });

        Assert.Equal("A batch needs at least one valid payee to be marked ready", ready.Error(HttpStatusCode.Conflict));
        Assert.Equal("draft", (await client.BulkGetAsync($"/v1/payouts/batches/{id}/status"))["batch_status"].GetValue<string>());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(fixture.Published.For<BatchMarkedReady>(id));
    }
}
