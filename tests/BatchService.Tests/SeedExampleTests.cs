using System.Net;
using System.Text.Json.Nodes;
using Payouts.BatchService.Tests.Support;

namespace Payouts.BatchService.Tests;

/// <summary>Every request and response example of seed 001, shape by shape: field names, money and timestamp formats.</summary>
[Collection(BatchServiceCollection.Name)]
public sealed class SeedExampleTests(BatchServiceFixture fixture)
{
    private const string Timestamp = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$";

    [Fact]
    public async Task Create_answers_as_the_seed_keeping_the_invalid_email_as_cancelled()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var reference = BulkApi.NewReference();

        var created = await client.CreateAsync(reference, BulkApi.SeedPayees);

        created.IsOk();
        Assert.Equal(["batch", "total_records", "payees", "failed_total"], created.Body.AsObject().Select(p => p.Key));
        var batch = created["batch"];
        Assert.Equal(["id", "reference", "status", "total_amount", "total_recipients", "valid_recipients", "cancelled_recipients", "created_at"],
            batch.AsObject().Select(p => p.Key));
        Assert.True(Guid.TryParse(batch["id"]!.GetValue<string>(), out _));
        Assert.Equal(reference, batch["reference"]!.GetValue<string>());
        // The seed's "pending" is not one of its batch statuses: a new batch is a draft (README).
        Assert.Equal("draft", batch["status"]!.GetValue<string>());
        Assert.Contains("\"total_amount\":350.50", created.Raw);
        Assert.Equal(3, batch["total_recipients"]!.GetValue<int>());
        Assert.Equal(2, batch["valid_recipients"]!.GetValue<int>());
        Assert.Equal(1, batch["cancelled_recipients"]!.GetValue<int>());
        Assert.Matches(Timestamp, batch["created_at"]!.GetValue<string>());
        Assert.Equal(3, created["total_records"].GetValue<int>());
        Assert.Equal(1, created["failed_total"].GetValue<int>());

        var payees = created["payees"].AsArray();
        Assert.All(payees, p => Assert.Equal(["id", "email", "amount", "status"], p!.AsObject().Select(f => f.Key)));
        Assert.Equal(["recipient1@example.com", "recipient2@example.com", "invalid@email"], payees.Select(p => p!["email"]!.GetValue<string>()));
        Assert.Equal(["pending", "pending", "cancelled"], payees.Select(p => p!["status"]!.GetValue<string>()));
        Assert.Equal([100.50m, 250m, 50m], payees.Select(p => p!["amount"]!.GetValue<decimal>()));
        Assert.Contains("\"amount\":100.50", created.Raw);
        Assert.Equal(3, payees.Select(p => p!["id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Get_shows_the_batch_its_recipients_and_statistics_as_the_seed()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var reference = BulkApi.NewReference();
        var id = await client.CreateBatchAsync(BulkApi.SeedPayees, reference);

        var read = await client.BulkGetAsync($"/v1/payouts/batches/{id}");

        read.IsOk();
        Assert.Equal(["success", "batch", "recipients", "statistics"], read.Body.AsObject().Select(p => p.Key));
        Assert.True(read["success"].GetValue<bool>());
        var batch = read["batch"];
        Assert.Equal(["id", "reference", "status", "total_amount", "total_recipients", "remaining_capacity", "created_at", "approved_at", "completed_at"],
            batch.AsObject().Select(p => p.Key));
        Assert.Equal(id.ToString(), batch["id"]!.GetValue<string>());
        Assert.Equal(reference, batch["reference"]!.GetValue<string>());
        Assert.Equal("draft", batch["status"]!.GetValue<string>());
        Assert.Equal(350.50m, batch["total_amount"]!.GetValue<decimal>());
        Assert.Equal(3, batch["total_recipients"]!.GetValue<int>());
        Assert.Equal(97, batch["remaining_capacity"]!.GetValue<int>());
        Assert.Matches(Timestamp, batch["created_at"]!.GetValue<string>());
        Assert.Null(batch["approved_at"]);
        Assert.Null(batch["completed_at"]);

        var recipients = read["recipients"].AsArray();
        Assert.Equal(3, recipients.Count);
        var first = recipients[0]!;
        Assert.Equal(["id", "email", "amount", "status", "memo"], first.AsObject().Select(p => p.Key));
        Assert.Equal("recipient1@example.com", first["email"]!.GetValue<string>());
        Assert.Equal(100.50m, first["amount"]!.GetValue<decimal>());
        Assert.Equal("pending", first["status"]!.GetValue<string>());
        Assert.Equal("Payment for services", first["memo"]!.GetValue<string>());
        Assert.Equal("cancelled", recipients[2]!["status"]!.GetValue<string>());

        var statistics = read["statistics"];
        Assert.Equal(
            ["total_recipients", "pending_recipients", "completed_recipients", "cancelled_recipients", "failed_recipients", "total_amount", "active_amount"],
            statistics.AsObject().Select(p => p.Key));
        Assert.Equal(3, statistics["total_recipients"]!.GetValue<int>());
        Assert.Equal(2, statistics["pending_recipients"]!.GetValue<int>());
        Assert.Equal(0, statistics["completed_recipients"]!.GetValue<int>());
        Assert.Equal(1, statistics["cancelled_recipients"]!.GetValue<int>());
        Assert.Equal(0, statistics["failed_recipients"]!.GetValue<int>());
        Assert.Contains("\"total_amount\":350.50,\"active_amount\":350.50", read.Raw);
    }

    [Fact]
    public async Task Status_answers_as_the_seed()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var id = await client.CreateBatchAsync(BulkApi.SeedPayees);

        var status = await client.BulkGetAsync($"/v1/payouts/batches/{id}/status");

        status.IsOk();
        Assert.Equal(["success", "batch_id", "batch_status", "total_recipients", "total_amount", "created_at", "updated_at"],
            status.Body.AsObject().Select(p => p.Key));
        Assert.True(status["success"].GetValue<bool>());
        Assert.Equal(id.ToString(), status["batch_id"].GetValue<string>());
        Assert.Equal("draft", status["batch_status"].GetValue<string>());
        Assert.Equal(3, status["total_recipients"].GetValue<int>());
        Assert.Contains("\"total_amount\":350.50", status.Raw);
        Assert.Matches(Timestamp, status["created_at"].GetValue<string>());
        Assert.Matches(Timestamp, status["updated_at"].GetValue<string>());
    }

    [Fact]
    public async Task Adding_the_seeds_recipient_answers_with_the_new_totals()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var id = await client.CreateBatchAsync(BulkApi.SeedPayees);

        var added = await client.AddRecipientsAsync(id,
            [new { email = "newrecipient@example.com", amount = 75.00m, memo = "Additional payment", status = "pending" }]);

        added.IsOk();
        Assert.Equal(["success", "batch_id", "added_payees", "total_payees", "remaining_capacity", "new_total_amount"],
            added.Body.AsObject().Select(p => p.Key));
        Assert.True(added["success"].GetValue<bool>());
        Assert.Equal(id.ToString(), added["batch_id"].GetValue<string>());
        Assert.Equal(1, added["added_payees"].GetValue<int>());
        Assert.Equal(4, added["total_payees"].GetValue<int>());
        Assert.Equal(96, added["remaining_capacity"].GetValue<int>());
        Assert.Contains("\"new_total_amount\":425.50", added.Raw);

        var read = await client.BulkGetAsync($"/v1/payouts/batches/{id}");
        Assert.Equal("newrecipient@example.com", read["recipients"].AsArray()[3]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_shows_the_companys_batches_with_the_seeds_pagination()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var first = await client.CreateBatchAsync(BulkApi.SeedPayees);
        var second = await client.CreateBatchAsync(BulkApi.Payees(5, 200m));

        var list = await client.BulkGetAsync("/v1/payouts?page=1&limit=20");

        list.IsOk();
        Assert.Equal(["payouts", "pagination"], list.Body.AsObject().Select(p => p.Key));
        var payouts = list["payouts"].AsArray();
        Assert.Equal([second.ToString(), first.ToString()], payouts.Select(p => p!["id"]!.GetValue<string>()));
        Assert.All(payouts, p => Assert.Equal(
            ["id", "reference", "status", "total_recipients", "valid_recipients", "total_amount", "created_at", "completed_at"],
            p!.AsObject().Select(f => f.Key)));
        var seedBatch = payouts[1]!;
        Assert.Equal(3, seedBatch["total_recipients"]!.GetValue<int>());
        Assert.Equal(2, seedBatch["valid_recipients"]!.GetValue<int>());
        Assert.Equal(350.50m, seedBatch["total_amount"]!.GetValue<decimal>());
        Assert.Matches(Timestamp, seedBatch["created_at"]!.GetValue<string>());
        Assert.Null(seedBatch["completed_at"]);
        Assert.Contains("\"total_amount\":1000,", list.Raw);
        Assert.Equal("""{"page":1,"limit":20,"total":2,"totalPages":1}""", list["pagination"].ToJsonString());
    }

    [Fact]
    public async Task Validate_email_answers_true_for_a_platform_user_and_false_otherwise()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var user = $"user-{Guid.NewGuid():N}@example.com";
        await fixture.AddPlatformUserAsync(user);

        var known = await client.BulkGetAsync($"/v1/users/validate/email/{user}");
        var unknown = await client.BulkGetAsync($"/v1/users/validate/email/nobody-{Guid.NewGuid():N}@example.com");
        var malformed = await client.BulkGetAsync("/v1/users/validate/email/invalid@email");

        known.IsOk();
        Assert.Equal("""{"success":true}""", known.Body.ToJsonString());
        unknown.IsOk();
        Assert.Equal("""{"success":false}""", unknown.Body.ToJsonString());
        Assert.Equal("""{"success":false}""", malformed.Body.ToJsonString());
    }

    [Fact]
    public async Task Errors_are_the_seeds_single_error_envelope()
    {
        var (_, client) = await fixture.NewCompanyAsync();

        var missing = await client.BulkPostAsync("/v1/payouts/batch", new { });
        var notFound = await client.BulkGetAsync($"/v1/payouts/batches/{Guid.NewGuid()}");

        Assert.Equal("Missing required fields: payment_reference, payees", missing.Error(HttpStatusCode.BadRequest));
        Assert.Equal("Batch not found", notFound.Error(HttpStatusCode.NotFound));
        Assert.IsType<JsonObject>(missing.Body);
    }
}
