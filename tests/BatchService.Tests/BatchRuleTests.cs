using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Tests.Support;

namespace Payouts.BatchService.Tests;

/// <summary>Seed 001's rules and bad input: each refusal answers a clear error in the bulk envelope and writes nothing.</summary>
[Collection(BatchServiceCollection.Name)]
public sealed class BatchRuleTests(BatchServiceFixture fixture)
{
    [Fact]
    public async Task A_batch_takes_100_payees_over_two_calls_and_not_one_more()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var id = await client.CreateBatchAsync(BulkApi.Payees(60));

        var toFull = await client.AddRecipientsAsync(id, BulkApi.Payees(40));
        var over = await client.AddRecipientsAsync(id, BulkApi.Payees(1));

        toFull.IsOk();
        Assert.Equal(100, toFull["total_payees"].GetValue<int>());
        Assert.Equal(0, toFull["remaining_capacity"].GetValue<int>());
        Assert.Equal(
            "A batch holds at most 100 payees: this one has 100, so 1 more would make 101. Create another batch for the rest",
            over.Error(HttpStatusCode.BadRequest));
        Assert.Equal(100, await RecipientCountAsync(id));
    }

    [Fact]
    public async Task A_second_call_that_would_pass_100_adds_none_of_its_payees()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var id = await client.CreateBatchAsync(BulkApi.Payees(60));

        var over = await client.AddRecipientsAsync(id, BulkApi.Payees(41));

        Assert.Contains("at most 100 payees", over.Error(HttpStatusCode.BadRequest));
        Assert.Equal(60, await RecipientCountAsync(id));
    }

    [Fact]
    public async Task Creating_with_101_payees_is_refused_and_creates_nothing()
    {
        var (companyId, client) = await fixture.NewCompanyAsync();

        var created = await client.CreateAsync(BulkApi.NewReference(), BulkApi.Payees(101));

        Assert.Equal("A batch holds at most 100 payees: this one has 0, so 101 more would make 101. Create another batch for the rest",
            created.Error(HttpStatusCode.BadRequest));
        Assert.Equal(0, await BatchCountAsync(companyId));
    }

    [Fact]
    public async Task A_payment_reference_is_at_most_50_characters()
    {
        var (companyId, client) = await fixture.NewCompanyAsync();

        var fifty = await client.CreateAsync(new string('R', 49) + Guid.NewGuid().ToString("N")[..1], BulkApi.Payees(1));
        var fiftyOne = await client.CreateAsync(new string('R', 51), BulkApi.Payees(1));

        fifty.IsOk();
        Assert.Equal("payment_reference must be at most 50 characters", fiftyOne.Error(HttpStatusCode.BadRequest));
        Assert.Equal(1, await BatchCountAsync(companyId));
    }

    [Fact]
    public async Task A_duplicate_payment_reference_is_409_naming_the_first_batch()
    {
        var (companyId, client) = await fixture.NewCompanyAsync();
        var reference = BulkApi.NewReference();
        var first = await client.CreateBatchAsync(BulkApi.Payees(2), reference);

        var again = await client.CreateAsync(reference, BulkApi.Payees(3));

        Assert.Equal($"A batch with payment_reference '{reference}' already exists: {first}", again.Error(HttpStatusCode.Conflict));
        Assert.Equal(1, await BatchCountAsync(companyId));
    }

    [Fact]
    public async Task The_same_reference_in_another_company_is_its_own_batch()
    {
        var reference = BulkApi.NewReference();
        var (_, first) = await fixture.NewCompanyAsync();
        var (_, second) = await fixture.NewCompanyAsync();

        await first.CreateBatchAsync(BulkApi.Payees(1), reference);
        var other = await second.CreateAsync(reference, BulkApi.Payees(1));

        other.IsOk();
    }

    [Fact]
    public async Task Concurrent_creates_with_one_reference_make_one_batch()
    {
        var (companyId, client) = await fixture.NewCompanyAsync();
        var reference = BulkApi.NewReference();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.CreateAsync(reference, BulkApi.Payees(2))));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Contains("already exists", a.Error(HttpStatusCode.Conflict)));
        Assert.Equal(1, await BatchCountAsync(companyId));
    }

    public static TheoryData<string, string> BadAmounts => new()
    {
        { "2.99", "Invalid amount in payees array: payee 1's amount must be at least $3.00" },
        { "\"100\"", "Invalid amount in payees array: payee 1's amount must be a number" },
        { "-5", "Invalid amount in payees array: payee 1's amount must be at least $3.00" },
        { "1.001", "Invalid amount in payees array: payee 1's amount must have at most 2 decimal places" },
        { "3.001", "Invalid amount in payees array: payee 1's amount must have at most 2 decimal places" },
        { "null", "Invalid amount in payees array: payee 1's amount is required" },
        { "true", "Invalid amount in payees array: payee 1's amount must be a number" },
    };

    [Theory]
    [MemberData(nameof(BadAmounts))]
    public async Task A_bad_amount_refuses_the_whole_request(string amount, string error)
    {
        var (companyId, client) = await fixture.NewCompanyAsync();

        var created = await client.PostRawAsync("/v1/payouts/batch",
            $$"""{"payment_reference":"{{BulkApi.NewReference()}}","payees":[{"email":"a@example.com","amount":{{amount}}},{"email":"b@example.com","amount":5}]}""");

        Assert.Equal(error, created.Error(HttpStatusCode.BadRequest));
        Assert.Equal(0, await BatchCountAsync(companyId));
    }

    [Fact]
    public async Task The_smallest_amount_is_3_dollars()
    {
        var (_, client) = await fixture.NewCompanyAsync();

        var created = await client.CreateAsync(BulkApi.NewReference(), [BulkApi.Payee("min@example.com", 3.00m)]);

        created.IsOk();
        Assert.Contains("\"amount\":3,", created.Raw);
    }

    [Fact]
    public async Task A_memo_is_at_most_200_characters()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var id = await client.CreateBatchAsync(BulkApi.Payees(1));

        var fits = await client.AddRecipientsAsync(id, [BulkApi.Payee("memo200@example.com", 5m, new string('m', 200))]);
        var over = await client.AddRecipientsAsync(id, [BulkApi.Payee("memo201@example.com", 5m, new string('m', 201))]);

        fits.IsOk();
        Assert.Equal("Invalid memo in payees array: payee 1's memo must be at most 200 characters", over.Error(HttpStatusCode.BadRequest));
        Assert.Equal(2, await RecipientCountAsync(id));
    }

    [Fact]
    public async Task Invalid_emails_are_kept_cancelled_and_count_as_failed()
    {
        var (_, client) = await fixture.NewCompanyAsync();

        var created = await client.CreateAsync(BulkApi.NewReference(),
        [
            BulkApi.Payee("good@example.com", 10m), BulkApi.Payee("no-at-sign.example.com", 20m), BulkApi.Payee("spaces in@example.com", 30m),
            BulkApi.Payee("invalid@email", 40m),
        ]);

        created.IsOk();
        Assert.Equal(["pending", "cancelled", "cancelled", "cancelled"], created["payees"].AsArray().Select(p => p!["status"]!.GetValue<string>()));
        Assert.Equal(3, created["failed_total"].GetValue<int>());
        Assert.Equal(3, created["batch"]["cancelled_recipients"]!.GetValue<int>());
        Assert.Equal(10m, created["batch"]["total_amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_request_with_no_valid_email_or_a_payee_without_one_is_the_seeds_invalid_email_error()
    {
        var (companyId, client) = await fixture.NewCompanyAsync();

        var noneValid = await client.CreateAsync(BulkApi.NewReference(), [BulkApi.Payee("invalid@email", 10m), BulkApi.Payee("nope", 10m)]);
        var noEmail = await client.CreateAsync(BulkApi.NewReference(), [BulkApi.Payee("good@example.com", 10m), new { amount = 10m }]);
        var numberEmail = await client.PostRawAsync("/v1/payouts/batch",
            $$"""{"payment_reference":"{{BulkApi.NewReference()}}","payees":[{"email":12,"amount":10}]}""");

        Assert.Equal("Invalid email format in payees array", noneValid.Error(HttpStatusCode.BadRequest));
        Assert.Equal("Invalid email format in payees array", noEmail.Error(HttpStatusCode.BadRequest));
        Assert.Equal("Invalid email format in payees array", numberEmail.Error(HttpStatusCode.BadRequest));
        Assert.Equal(0, await BatchCountAsync(companyId));
    }

    [Fact]
    public async Task Missing_fields_are_listed_only_when_missing()
    {
        var (_, client) = await fixture.NewCompanyAsync();

        var noReference = await client.BulkPostAsync("/v1/payouts/batch", new { payees = BulkApi.Payees(1) });
        var noPayees = await client.BulkPostAsync("/v1/payouts/batch", new { payment_reference = BulkApi.NewReference() });
        var blankReference = await client.BulkPostAsync("/v1/payouts/batch", new { payment_reference = "  ", payees = BulkApi.Payees(1) });
        var noBody = await client.PostRawAsync("/v1/payouts/batch", "", "application/json");
        var id = await client.CreateBatchAsync(BulkApi.Payees(1));
        var noRecipients = await client.BulkPostAsync($"/v1/payouts/batches/{id}/recipients", new { });

        Assert.Equal("Missing required fields: payment_reference", noReference.Error(HttpStatusCode.BadRequest));
        Assert.Equal("Missing required fields: payees", noPayees.Error(HttpStatusCode.BadRequest));
        Assert.Equal("Missing required fields: payment_reference", blankReference.Error(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.BadRequest, noBody.Status);
        Assert.Equal("Missing required fields: payees", noRecipients.Error(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_empty_payees_list_creates_an_empty_draft_to_fill_later()
    {
        var (_, client) = await fixture.NewCompanyAsync();

        var created = await client.CreateAsync(BulkApi.NewReference(), []);

        created.IsOk();
        Assert.Equal(0, created["total_records"].GetValue<int>());
        Assert.Equal(0, created["batch"]["total_amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Non_JSON_malformed_and_oversized_bodies_are_400_in_the_envelope()
    {
        var (companyId, client) = await fixture.NewCompanyAsync();

        var form = await client.PostRawAsync("/v1/payouts/batch", "payment_reference=X", "application/x-www-form-urlencoded");
        var malformed = await client.PostRawAsync("/v1/payouts/batch", """{"payment_reference": "X", "payees": [""");
        var array = await client.PostRawAsync("/v1/payouts/batch", "[]");
        var oversized = await client.PostRawAsync("/v1/payouts/batch",
            $$"""{"payment_reference":"{{BulkApi.NewReference()}}","payees":[],"padding":"{{new string('x', 300 * 1024)}}"}""");
        var notAList = await client.BulkPostAsync("/v1/payouts/batch", new { payment_reference = BulkApi.NewReference(), payees = "everyone" });

        Assert.Equal("The request body must be JSON (Content-Type: application/json)", form.Error(HttpStatusCode.BadRequest));
        Assert.Equal("The request body is not valid JSON", malformed.Error(HttpStatusCode.BadRequest));
        Assert.Equal("The request body must be a JSON object", array.Error(HttpStatusCode.BadRequest));
        Assert.Equal("The request body must be at most 262144 bytes", oversized.Error(HttpStatusCode.BadRequest));
        Assert.Equal("payees must be an array", notAList.Error(HttpStatusCode.BadRequest));
        Assert.Equal(0, await BatchCountAsync(companyId));
    }

    [Fact]
    public async Task Unknown_and_malformed_batch_ids_are_batch_not_found()
    {
        var (_, client) = await fixture.NewCompanyAsync();

        foreach (var path in new[] { $"/v1/payouts/batches/{Guid.NewGuid()}", "/v1/payouts/batches/batch-uuid-1234", "/v1/payouts/batches/batch-uuid-1234/status" })
        {
            Assert.Equal("Batch not found", (await client.BulkGetAsync(path)).Error(HttpStatusCode.NotFound));
        }

        Assert.Equal("Batch not found", (await client.AddRecipientsAsync(Guid.NewGuid(), BulkApi.Payees(1))).Error(HttpStatusCode.NotFound));
        Assert.Equal("Batch not found", (await client.BulkPostAsync("/v1/payouts/batches/nope/recipients", new { payees = BulkApi.Payees(1) }))
            .Error(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Two_concurrent_add_recipient_calls_never_pass_100()
    {
        var (_, client) = await fixture.NewCompanyAsync();
        var id = await client.CreateBatchAsync(BulkApi.Payees(40));

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.AddRecipientsAsync(id, BulkApi.Payees(30))));

        Assert.Equal(2, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal(2, answers.Count(a => a.Status == HttpStatusCode.BadRequest));
        Assert.Equal(100, await RecipientCountAsync(id));
        var positions = await fixture.QueryAsync(db => db.BatchRecipients.Where(r => r.BatchId == id).Select(r => r.Position).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 100), positions.Order());
    }

    private Task<int> RecipientCountAsync(Guid batchId) => fixture.QueryAsync(db => db.BatchRecipients.CountAsync(r => r.BatchId == batchId));

    private Task<int> BatchCountAsync(string companyId) => fixture.QueryAsync(db => db.Batches.CountAsync(b => b.CompanyId == companyId));
}
