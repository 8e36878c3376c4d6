using System.Net;
using System.Text;
using System.Text.Json;
using Payouts.BankAccountService.Tests.Support;
using Payouts.Contracts.BankAccounts;
using Payouts.ServiceDefaults.Authentication;
using Payouts.Testing;

namespace Payouts.BankAccountService.Tests.Http;

/// <summary>Beneficiaries and their payment details under <c>/beneficiaries</c> in seed 002's envelope.</summary>
[Collection(Infrastructure.Collection)]
public sealed class BeneficiaryEndpointTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync(infrastructure, "beneficiaries");

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static object SeedBeneficiary => new
    {
        recipient_type = "individual",
        customer_name = "John Smith",
        customer_email = "john@yativo.com",
        customer_nickname = "John Smith",
        country = "Nigeria",
        customer_address = new { city = "Ikeja", county = "Lagos", postal_code = 900901, address_line_1 = "1st episode john doe street", address_line_2 = (string?)null },
    };

    [Fact]
    public async Task A_beneficiary_is_created_read_listed_updated_and_deleted_in_the_seed_envelope()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);

        var created = await client.PostJson("/beneficiaries", SeedBeneficiary);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("success", created.Text("status"));
        Assert.Equal(201, created.Body.GetProperty("status_code").GetInt32());
        Assert.Equal("Request successful", created.Text("message"));
        var data = created.Body.GetProperty("data");
        var id = data.GetProperty("id").GetInt64();
        Assert.Equal(long.Parse(userId), data.GetProperty("user_id").GetInt64());
        Assert.Equal("individual", data.GetProperty("recipient_type").GetString());
        Assert.Equal("John Smith", data.GetProperty("customer_name").GetString());
        Assert.Equal("john@yativo.com", data.GetProperty("customer_email").GetString());
        Assert.Equal("Nigeria", data.GetProperty("country").GetString());
        var address = data.GetProperty("customer_address");
        Assert.Equal("Ikeja", address.GetProperty("city").GetString());
        // Sent as a number (as the seed shows it), answered as that number.
        Assert.Equal(JsonValueKind.Number, address.GetProperty("postal_code").ValueKind);
        Assert.Equal(900901, address.GetProperty("postal_code").GetInt32());
        Assert.Equal(JsonValueKind.Null, address.GetProperty("address_line_2").ValueKind);
        // Seed 002: UTC to the microsecond (2024-05-30T20:53:30.000000Z).
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", data.GetProperty("created_at").GetString());

        var read = await client.Get($"/beneficiaries/{id}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(200, read.Body.GetProperty("status_code").GetInt32());
        Assert.Equal(id, read.Body.GetProperty("data").GetProperty("id").GetInt64());

        var updated = await client.PutJson($"/beneficiaries/{id}", new
        {
            recipient_type = "business", customer_name = "Smith Ltd", customer_email = "accounts@smith.example", country = "Nigeria",
        });
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("business", updated.Body.GetProperty("data").GetProperty("recipient_type").GetString());

        var list = await client.Get("/beneficiaries");
        Assert.Equal("Smith Ltd", Assert.Single(list.Body.GetProperty("data").EnumerateArray()).GetProperty("customer_name").GetString());

        var deleted = await client.Delete($"/beneficiaries/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Get($"/beneficiaries/{id}")).Status);
        Assert.Empty((await client.Get("/beneficiaries")).Body.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task A_form_encoded_beneficiary_with_bracketed_address_keys_reads_like_the_JSON_one()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());

        var created = await client.PostForm("/beneficiaries",
            ("recipient_type", "business"), ("customer_name", "Acme Ltd"), ("customer_email", "pay@acme.example"), ("country", "US"),
            ("customer_address[city]", "Austin"), ("customer_address[postal_code]", "73301"));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var address = created.Body.GetProperty("data").GetProperty("customer_address");
        Assert.Equal("Austin", address.GetProperty("city").GetString());
        Assert.Equal("73301", address.GetProperty("postal_code").GetString());
        Assert.Equal(JsonValueKind.Null, address.GetProperty("county").ValueKind);
    }

    [Fact]
    public async Task A_postal_code_sent_as_a_string_is_answered_as_a_string_and_keeps_its_leading_zero()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());

        var created = await client.PostJson("/beneficiaries", new
        {
            recipient_type = "individual", customer_name = "Jane Roe", customer_email = "jane@example.com", country = "US",
            customer_address = new { city = "Boston", postal_code = "02108" },
        });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Body.GetProperty("data").GetProperty("id").GetInt64();
        var read = await client.Get($"/beneficiaries/{id}");
        var postalCode = read.Body.GetProperty("data").GetProperty("customer_address").GetProperty("postal_code");
        Assert.Equal(JsonValueKind.String, postalCode.ValueKind);
        Assert.Equal("02108", postalCode.GetString());
    }

    [Fact]
    public async Task Validation_errors_are_400_with_messages_per_field_and_create_nothing()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());

        var missing = await client.PostJson("/beneficiaries", new { customer_email = "not-an-email", recipient_type = "alien", customer_address = "a string" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("failed", missing.Text("status"));
        Assert.Equal(400, missing.Body.GetProperty("status_code").GetInt32());
        Assert.Equal("Request failed", missing.Text("message"));
        var data = missing.Body.GetProperty("data");
        Assert.Equal(["The customer name field is required."], data.GetProperty("customer_name").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["The country field is required."], data.GetProperty("country").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["The selected recipient type is invalid."], data.GetProperty("recipient_type").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["The customer email field must be a valid email address."], data.GetProperty("customer_email").EnumerateArray().Select(m => m.GetString()));
        Assert.True(data.TryGetProperty("customer_address", out _));

        var oversize = await client.PostJson("/beneficiaries", new { recipient_type = "individual", customer_name = new string('x', 101), customer_email = "a@b.example", country = "Nigeria" });
        Assert.Equal(HttpStatusCode.BadRequest, oversize.Status);
        Assert.True(oversize.Body.GetProperty("data").TryGetProperty("customer_name", out _));

        var notJson = await client.Call(new HttpRequestMessage(HttpMethod.Post, "/beneficiaries") { Content = new StringContent("<xml/>", Encoding.UTF8, "application/xml") });
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.Equal("failed", notJson.Text("status"));

        Assert.Empty((await client.Get("/beneficiaries")).Body.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Payment_details_are_validated_by_country_masked_and_announced_once()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);
        var beneficiaryId = (await client.PostJson("/beneficiaries", SeedBeneficiary)).Body.GetProperty("data").GetProperty("id").GetInt64();
        var nuban = AccountFixtures.Nuban();

        var badNuban = await client.PostJson($"/beneficiaries/{beneficiaryId}/details", new { bank_name = "GTBank", account_number = nuban[..9] + ((nuban[9] - '0' + 1) % 10), bank_code = "058", country = "NG" });
        Assert.Equal(HttpStatusCode.BadRequest, badNuban.Status);
        Assert.Equal(["Invalid bank account number"], badNuban.Body.GetProperty("data").GetProperty("account_number").EnumerateArray().Select(m => m.GetString()));
        var badRouting = await client.PostJson($"/beneficiaries/{beneficiaryId}/details", new { bank_name = "Chase", account_number = "123456789", routing_number = "123456789", country = "US" });
        Assert.Equal(["Invalid routing number"], badRouting.Body.GetProperty("data").GetProperty("routing_number").EnumerateArray().Select(m => m.GetString()));

        var added = await client.PostJson($"/beneficiaries/{beneficiaryId}/details", new { bank_name = "GTBank", account_number = nuban, bank_code = "058", country = "NG" });
        Assert.Equal(HttpStatusCode.Created, added.Status);
        var details = added.Body.GetProperty("data");
        var detailsId = details.GetProperty("beneficiary_details_id").GetInt64();
        Assert.Equal("****" + nuban[^4..], details.GetProperty("account_number").GetString());
        Assert.Equal("NGN", details.GetProperty("currency").GetString());
        Assert.Equal("058", details.GetProperty("bank_code").GetString());
        Assert.Equal("John Smith", details.GetProperty("account_holder_name").GetString());

        var duplicate = await client.PostJson($"/beneficiaries/{beneficiaryId}/details", new { bank_name = "GTBank", account_number = nuban, bank_code = "058", country = "NG" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);

        var list = await client.Get($"/beneficiaries/{beneficiaryId}/details");
        Assert.Equal(detailsId, Assert.Single(list.Body.GetProperty("data").EnumerateArray()).GetProperty("id").GetInt64());

        await _service.BarrierAsync();
        var announced = Assert.Single(_service.Bus.Of<BeneficiaryDetailsAdded>(m => m.GetProperty("userId").GetString() == userId));
        Assert.Equal(detailsId, announced.Long("beneficiaryDetailsId"));
        Assert.Equal(beneficiaryId, announced.Long("beneficiaryId"));
        Assert.Equal("****" + nuban[^4..], announced.Text("maskedAccountNumber"));
        Assert.Equal("NGN", announced.Text("currency"));

        var removed = await client.Delete($"/beneficiaries/{beneficiaryId}/details/{detailsId}");
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Empty((await client.Get($"/beneficiaries/{beneficiaryId}/details")).Body.GetProperty("data").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.Delete($"/beneficiaries/{beneficiaryId}/details/{detailsId}")).Status);
    }

    [Fact]
    public async Task Another_users_beneficiaries_are_404_everywhere_and_admins_see_them()
    {
        var ownerId = AccountFixtures.NewUserId();
        using var owner = _service.Host.ClientFor(ownerId);
        using var intruder = _service.Host.ClientFor(AccountFixtures.NewUserId());
        using var admin = _service.Host.ClientFor("1", PayoutsRoles.Admin);
        var id = (await owner.PostJson("/beneficiaries", SeedBeneficiary)).Body.GetProperty("data").GetProperty("id").GetInt64();

        var responses = new[]
        {
            await intruder.Get($"/beneficiaries/{id}"),
            await intruder.PutJson($"/beneficiaries/{id}", SeedBeneficiary),
            await intruder.Delete($"/beneficiaries/{id}"),
            await intruder.Get($"/beneficiaries/{id}/details"),
            await intruder.PostJson($"/beneficiaries/{id}/details", new { bank_name = "GTBank", account_number = AccountFixtures.Nuban(), bank_code = "058", country = "NG" }),
            await intruder.Get($"/beneficiaries?user_id={ownerId}"),
            await intruder.Get("/beneficiaries/not-a-number"),
        };

        foreach (var response in responses)
        {
            Assert.True(response.Status == HttpStatusCode.NotFound, response.ToString());
            Assert.Equal("failed", response.Text("status"));
            Assert.Equal(404, response.Body.GetProperty("status_code").GetInt32());
        }

        Assert.Empty((await intruder.Get("/beneficiaries")).Body.GetProperty("data").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await owner.Get($"/beneficiaries/{id}")).Status);
        Assert.Equal(id, Assert.Single((await admin.Get($"/beneficiaries?user_id={ownerId}")).Body.GetProperty("data").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await admin.Get($"/beneficiaries/{id}")).Status);
    }

    [Fact]
    public async Task A_company_s_beneficiaries_are_visible_to_its_members_who_may_pay_them_but_only_their_owner_changes_them()
    {
        var company = $"co-{Guid.NewGuid():N}"[..12];
        using var owner = _service.Host.ClientFor(AccountFixtures.NewUserId(), companyId: company);
        using var colleague = _service.Host.ClientFor(AccountFixtures.NewUserId(), companyId: company);
        using var outsider = _service.Host.ClientFor(AccountFixtures.NewUserId(), companyId: $"co-{Guid.NewGuid():N}"[..12]);
        var id = (await owner.PostJson("/beneficiaries", SeedBeneficiary)).Body.GetProperty("data").GetProperty("id").GetInt64();
        var details = new { bank_name = "GTBank", account_number = AccountFixtures.Nuban(), bank_code = "058", country = "NG" };
        Assert.Equal(HttpStatusCode.Created, (await owner.PostJson($"/beneficiaries/{id}/details", details)).Status);

        Assert.Equal(id, Assert.Single((await colleague.Get("/beneficiaries")).Body.GetProperty("data").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await colleague.Get($"/beneficiaries/{id}")).Status);
        Assert.Single((await colleague.Get($"/beneficiaries/{id}/details")).Body.GetProperty("data").EnumerateArray());

        var changes = new[]
        {
            await colleague.PutJson($"/beneficiaries/{id}", SeedBeneficiary),
            await colleague.PostJson($"/beneficiaries/{id}/details", details with { account_number = AccountFixtures.Nuban() }),
            await colleague.Delete($"/beneficiaries/{id}"),
        };
        foreach (var change in changes)
        {
            Assert.True(change.Status == HttpStatusCode.Forbidden, change.ToString());
            Assert.Equal("failed", change.Text("status"));
        }

        Assert.Empty((await outsider.Get("/beneficiaries")).Body.GetProperty("data").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Get($"/beneficiaries/{id}")).Status);
        Assert.Single((await owner.Get($"/beneficiaries/{id}/details")).Body.GetProperty("data").EnumerateArray());
        Assert.Equal("John Smith", (await owner.Get($"/beneficiaries/{id}")).Body.GetProperty("data").GetProperty("customer_name").GetString());
    }
}
