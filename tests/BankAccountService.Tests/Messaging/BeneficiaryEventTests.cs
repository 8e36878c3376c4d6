using System.Net;
using System.Text.Json;
using Npgsql;
using Payouts.BankAccountService.Tests.Support;
using Payouts.Contracts.BankAccounts;
using Payouts.ServiceDefaults.Authentication;
using Payouts.Testing;

namespace Payouts.BankAccountService.Tests.Messaging;

/// <summary>
/// The beneficiary profile events on the real broker: one per change, committed with it through the outbox, carrying
/// what the row holds; nothing for a request that changes nothing.
/// </summary>
[Collection(Infrastructure.Collection)]
public sealed class BeneficiaryEventTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync(infrastructure, "beneficiary_events");

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static object SeedBeneficiary => new
    {
        recipient_type = "individual",
        customer_name = "John Smith",
        customer_email = "john@yativo.com",
        customer_nickname = "Johnny",
        country = "Nigeria",
        customer_address = new { city = "Ikeja", county = "Lagos", postal_code = 900901, address_line_1 = "1st episode john doe street", address_line_2 = (string?)null },
    };

    private static object DetailsBody() => new { bank_name = "GTBank", account_number = AccountFixtures.Nuban(), bank_code = "058", country = "NG" };

    [Fact]
    public async Task Create_and_update_each_publish_one_BeneficiarySaved_with_the_rows_profile_and_times()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);

        var created = await client.PostJson("/beneficiaries", SeedBeneficiary);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Body.GetProperty("data").GetProperty("id").GetInt64();
        var (createdAt, firstUpdatedAt) = await RowTimesAsync(id);

        var first = await _service.Bus.WaitForAsync<BeneficiarySaved>(m => Id(m) == id, "the created beneficiary");
        Assert.Equal(userId, first.Text("userId"));
        Assert.Equal("individual", first.Text("recipientType"));
        Assert.Equal("John Smith", first.Text("customerName"));
        Assert.Equal("john@yativo.com", first.Text("customerEmail"));
        Assert.Equal("Johnny", first.Text("customerNickname"));
        Assert.Equal("Nigeria", first.Text("country"));
        var address = first.Message.GetProperty("address");
        Assert.Equal("Ikeja", address.GetProperty("city").GetString());
        Assert.Equal("Lagos", address.GetProperty("county").GetString());
        Assert.Equal("900901", address.GetProperty("postalCode").GetString());
        Assert.Equal("1st episode john doe street", address.GetProperty("addressLine1").GetString());
        Assert.True(address.TryGetProperty("addressLine2", out var line2) is false || line2.ValueKind == JsonValueKind.Null);
        Assert.Equal(createdAt, first.Time("createdAt"));
        Assert.Equal(firstUpdatedAt, first.Time("updatedAt"));
        Assert.Equal(createdAt, firstUpdatedAt);

        var updated = await client.PutJson($"/beneficiaries/{id}", new
        {
            recipient_type = "business", customer_name = "Smith Ltd", customer_email = "accounts@smith.example", country = "Ghana",
            customer_address = new { city = "Accra", postal_code = "GA-100" },
        });
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        var (_, secondUpdatedAt) = await RowTimesAsync(id);

        await _service.BarrierAsync();
        var saved = _service.Bus.Of<BeneficiarySaved>(m => Id(m) == id);
        Assert.Equal(2, saved.Count);
        var second = saved[1];
        Assert.Equal("business", second.Text("recipientType"));
        Assert.Equal("Smith Ltd", second.Text("customerName"));
        Assert.Equal("accounts@smith.example", second.Text("customerEmail"));
        Assert.Equal("Ghana", second.Text("country"));
        Assert.Equal("Accra", second.Message.GetProperty("address").GetProperty("city").GetString());
        Assert.Equal("GA-100", second.Message.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.Equal(createdAt, second.Time("createdAt"));
        Assert.Equal(secondUpdatedAt, second.Time("updatedAt"));
        Assert.True(second.Time("updatedAt") > first.Time("updatedAt"));
    }

    [Fact]
    public async Task Invalid_unknown_and_foreign_requests_publish_nothing()
    {
        var ownerId = AccountFixtures.NewUserId();
        using var owner = _service.Host.ClientFor(ownerId);
        var intruderId = AccountFixtures.NewUserId();
        using var intruder = _service.Host.ClientFor(intruderId);
        var id = (await owner.PostJson("/beneficiaries", SeedBeneficiary)).Body.GetProperty("data").GetProperty("id").GetInt64();
        var detailsId = (await owner.PostJson($"/beneficiaries/{id}/details", DetailsBody())).Body.GetProperty("data").GetProperty("id").GetInt64();

        var refused = new[]
        {
            await owner.PostJson("/beneficiaries", new { customer_email = "not-an-email" }),
            await intruder.PostJson("/beneficiaries", new { recipient_type = "alien", customer_name = "X", customer_email = "x@example.com", country = "NG" }),
            await owner.PutJson($"/beneficiaries/{id}", new { customer_name = "" }),
            await owner.PutJson("/beneficiaries/987654321", SeedBeneficiary),
            await intruder.PutJson($"/beneficiaries/{id}", SeedBeneficiary),
            await intruder.Delete($"/beneficiaries/{id}"),
            await intruder.Delete($"/beneficiaries/{id}/details/{detailsId}"),
            await owner.Delete($"/beneficiaries/{id}/details/987654321"),
            await owner.Delete($"/beneficiaries/{id}/details/not-a-number"),
            await owner.Delete("/beneficiaries/987654321"),
        };
        Assert.All(refused, r => Assert.True(r.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, r.ToString()));

        await _service.BarrierAsync();
        Assert.Single(_service.Bus.Of<BeneficiarySaved>(m => m.GetProperty("userId").GetString() == ownerId));
        Assert.Empty(_service.Bus.Of<BeneficiarySaved>(m => m.GetProperty("userId").GetString() == intruderId));
        Assert.Empty(_service.Bus.Of<BeneficiaryRemoved>(m => Id(m) == id));
        Assert.Empty(_service.Bus.Of<BeneficiaryDetailsRemoved>(m => m.GetProperty("beneficiaryId").GetInt64() == id));
        Assert.Equal(HttpStatusCode.OK, (await owner.Get($"/beneficiaries/{id}")).Status);
    }

    [Fact]
    public async Task Deleting_details_and_then_the_beneficiary_announces_each_removal_once()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);
        var id = (await client.PostJson("/beneficiaries", SeedBeneficiary)).Body.GetProperty("data").GetProperty("id").GetInt64();
        var detailsIds = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            detailsIds.Add((await client.PostJson($"/beneficiaries/{id}/details", DetailsBody())).Body.GetProperty("data").GetProperty("id").GetInt64());
        }

        Assert.Equal(HttpStatusCode.OK, (await client.Delete($"/beneficiaries/{id}/details/{detailsIds[0]}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Delete($"/beneficiaries/{id}/details/{detailsIds[0]}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.Delete($"/beneficiaries/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Delete($"/beneficiaries/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Delete($"/beneficiaries/{id}/details/{detailsIds[1]}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutJson($"/beneficiaries/{id}", SeedBeneficiary)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostJson($"/beneficiaries/{id}/details", DetailsBody())).Status);

        await _service.BarrierAsync();
        var removedDetails = _service.Bus.Of<BeneficiaryDetailsRemoved>(m => m.GetProperty("beneficiaryId").GetInt64() == id);
        Assert.Equal(detailsIds, removedDetails.Select(m => m.Long("beneficiaryDetailsId")).Order());
        Assert.All(removedDetails, m => Assert.Equal(userId, m.Text("userId")));
        var removed = Assert.Single(_service.Bus.Of<BeneficiaryRemoved>(m => Id(m) == id));
        Assert.Equal(userId, removed.Text("userId"));
        // The beneficiary's details went in the same change, at the same moment.
        Assert.All(removedDetails.Where(m => m.Long("beneficiaryDetailsId") != detailsIds[0]), m => Assert.Equal(removed.Time("removedAt"), m.Time("removedAt")));
        Assert.Equal(3, _service.Bus.Of<BeneficiaryDetailsAdded>(m => m.GetProperty("beneficiaryId").GetInt64() == id).Count);
        Assert.Single(_service.Bus.Of<BeneficiarySaved>(m => Id(m) == id));
    }

    [Fact]
    public async Task An_admin_update_keeps_the_owners_company_on_the_event_and_details()
    {
        var userId = AccountFixtures.NewUserId();
        using var owner = _service.Host.ClientFor(userId, companyId: "company-7");
        using var admin = _service.Host.ClientFor("1", PayoutsRoles.Admin, companyId: "platform");
        var id = (await owner.PostJson("/beneficiaries", SeedBeneficiary)).Body.GetProperty("data").GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/beneficiaries/{id}", SeedBeneficiary)).Status);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson($"/beneficiaries/{id}/details", DetailsBody())).Status);

        await _service.BarrierAsync();
        var saved = _service.Bus.Of<BeneficiarySaved>(m => Id(m) == id);
        Assert.Equal(2, saved.Count);
        Assert.All(saved, m => Assert.Equal(userId, m.Text("userId")));
        Assert.All(saved, m => Assert.Equal("company-7", m.Text("companyId")));
        Assert.Equal("company-7", Assert.Single(_service.Bus.Of<BeneficiaryDetailsAdded>(m => m.GetProperty("beneficiaryId").GetInt64() == id)).Text("companyId"));
    }

    [Fact]
    public async Task Concurrent_changes_to_one_beneficiary_are_each_announced_once_and_the_latest_UpdatedAt_is_the_final_state()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var id = (await client.PostJson("/beneficiaries", SeedBeneficiary)).Body.GetProperty("data").GetProperty("id").GetInt64();
        var detailsIds = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            detailsIds.Add((await client.PostJson($"/beneficiaries/{id}/details", DetailsBody())).Body.GetProperty("data").GetProperty("id").GetInt64());
        }

        var updates = Enumerable.Range(0, 8).Select(i => client.PutJson($"/beneficiaries/{id}", new
        {
            recipient_type = "individual", customer_name = $"Name {i}", customer_email = "john@yativo.com", country = "Nigeria",
        }));
        var updateResponses = await Task.WhenAll(updates);
        Assert.All(updateResponses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var finalName = (await client.Get($"/beneficiaries/{id}")).Body.GetProperty("data").GetProperty("customer_name").GetString();

        // Details deletes race the beneficiary's delete: every details is removed exactly once, whichever wins.
        var deletes = detailsIds.Select(d => client.Delete($"/beneficiaries/{id}/details/{d}")).Append(client.Delete($"/beneficiaries/{id}"));
        var deleteResponses = await Task.WhenAll(deletes);
        Assert.Equal(HttpStatusCode.OK, deleteResponses[^1].Status);

        await _service.BarrierAsync();
        var saved = _service.Bus.Of<BeneficiarySaved>(m => Id(m) == id);
        Assert.Equal(9, saved.Count);
        Assert.Equal(9, saved.Select(m => m.Time("updatedAt")).Distinct().Count());
        Assert.Equal(finalName, saved.MaxBy(m => m.Time("updatedAt"))!.Text("customerName"));
        Assert.Equal(detailsIds, _service.Bus.Of<BeneficiaryDetailsRemoved>(m => m.GetProperty("beneficiaryId").GetInt64() == id)
            .Select(m => m.Long("beneficiaryDetailsId")).Order());
        Assert.Single(_service.Bus.Of<BeneficiaryRemoved>(m => Id(m) == id));
    }

    private static long Id(JsonElement message) => message.GetProperty("beneficiaryId").GetInt64();

    private async Task<(DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)> RowTimesAsync(long id)
    {
        await using var connection = new NpgsqlConnection(_service.Host.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT created_at, updated_at FROM beneficiary WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1));
    }
}
