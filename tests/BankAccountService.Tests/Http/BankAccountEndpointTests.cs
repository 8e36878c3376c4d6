using System.Net;
using System.Text;
using Payouts.BankAccountService.Tests.Support;
using Payouts.Contracts.BankAccounts;
using Payouts.ServiceDefaults.Authentication;
using Payouts.Testing;

namespace Payouts.BankAccountService.Tests.Http;

/// <summary>Seed 000's bank account endpoints on real PostgreSQL and RabbitMQ: shapes, validation, duplicates, primary, delete.</summary>
[Collection(Infrastructure.Collection)]
public sealed class BankAccountEndpointTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync(infrastructure, "bank_account_endpoints");

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task A_form_encoded_account_is_added_and_listed_masked_in_the_seed_shape()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);

        var added = await client.PostForm("/api/update/bank-account/", AccountFixtures.UsAccountForm("1234567890"));

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal("success", added.Text("status"));
        // Seed 000's Update Bank Account answers one text.
        Assert.Equal("Bank account updated successfully", added.Text("message"));
        var id = added.Body.GetProperty("bank_account_id").GetInt64();

        var list = await client.PostForm("/api/bank-accounts/", ("user_id", userId));
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var account = Assert.Single(list.Body.GetProperty("bank_accounts").EnumerateArray());
        Assert.Equal(id, account.GetProperty("id").GetInt64());
        Assert.Equal(long.Parse(userId), account.GetProperty("user_id").GetInt64());
        Assert.Equal("Wells Fargo", account.GetProperty("bank_name").GetString());
        Assert.Equal("****7890", account.GetProperty("account_number").GetString());
        Assert.Equal("****0021", account.GetProperty("routing_number").GetString());
        Assert.Equal("checking", account.GetProperty("account_type").GetString());
        Assert.Equal("John Doe", account.GetProperty("account_holder_name").GetString());
        Assert.True(account.GetProperty("is_primary").GetBoolean());
        Assert.False(account.GetProperty("verified").GetBoolean());
        Assert.Equal("pending", account.GetProperty("verification_status").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", account.GetProperty("created_at").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", account.GetProperty("updated_at").GetString());
        Assert.DoesNotContain("1234567890", list.Raw);
    }

    [Fact]
    public async Task A_JSON_body_works_alike_and_Nigerian_and_IBAN_accounts_are_accepted()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);

        var us = await client.PostJson("/api/update/bank-account/", new
        {
            bank_name = "Chase Bank", account_number = AccountFixtures.UsAccountNumber(), routing_number = "021000021",
            account_type = "savings", account_holder_name = "Jane Doe",
        });
        var nigerian = await client.PostJson("/api/update/bank-account/", new
        {
            bank_name = "GTBank", account_number = AccountFixtures.Nuban(), bank_code = "058", country = "NG", account_type = "savings", account_holder_name = "Ada Obi",
        });
        var german = await client.PostJson("/api/update/bank-account/", new
        {
            bank_name = "Commerzbank", account_number = "DE89 3704 0044 0532 0130 00", country = "DE", account_type = "checking", account_holder_name = "Max Muster",
        });

        Assert.True(us.Status == HttpStatusCode.OK, us.ToString());
        Assert.True(nigerian.Status == HttpStatusCode.OK, nigerian.ToString());
        Assert.True(german.Status == HttpStatusCode.OK, german.ToString());
        var list = await client.PostJson("/api/bank-accounts/", new { });
        var accounts = list.Body.GetProperty("bank_accounts").EnumerateArray().ToList();
        Assert.Equal(3, accounts.Count);
        Assert.Equal(["USD", "NGN", "EUR"], accounts.OrderBy(a => a.GetProperty("id").GetInt64()).Select(a => a.GetProperty("currency").GetString()));
        Assert.Contains(accounts, a => a.GetProperty("account_number").GetString() == "****3000" && a.GetProperty("country").GetString() == "DE");
    }

    [Theory]
    [InlineData("routing_number", "021000022", "Invalid routing number")]
    [InlineData("account_number", "12", "Invalid bank account number")]
    [InlineData("account_number", "12345abc", "Invalid bank account number")]
    [InlineData("account_type", "brokerage", "The account type must be checking or savings.")]
    [InlineData("bank_name", "", "The bank name field is required.")]
    [InlineData("account_holder_name", "", "The account holder name field is required.")]
    public async Task Invalid_fields_get_a_seed_000_validation_error_and_change_nothing(string field, string value, string message)
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);
        var fields = AccountFixtures.UsAccountForm(AccountFixtures.UsAccountNumber()).Where(f => f.Item1 != field).Append((field, value)).ToArray();

        var response = await client.PostForm("/api/update/bank-account/", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("validation_error", response.Text("error"));
        Assert.Equal(message, response.Text("message"));
        Assert.Equal(field, response.Text("field"));
        await AssertNoAccountsAsync(client);
        await AssertNothingPublishedForAsync(userId);
    }

    [Fact]
    public async Task Oversize_wrong_typed_malformed_and_non_form_bodies_get_400_and_change_nothing()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);

        var oversize = await client.PostForm("/api/update/bank-account/",
            [.. AccountFixtures.UsAccountForm(AccountFixtures.UsAccountNumber()).Where(f => f.Item1 != "bank_name"), ("bank_name", new string('x', 101))]);
        Assert.Equal(HttpStatusCode.BadRequest, oversize.Status);
        Assert.Equal("bank_name", oversize.Text("field"));

        var wrongType = await client.PostJson("/api/update/bank-account/", new
        {
            bank_name = new { nested = true }, account_number = AccountFixtures.UsAccountNumber(), routing_number = "021000021",
            account_type = "checking", account_holder_name = "John Doe",
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        Assert.Equal("validation_error", wrongType.Text("error"));
        Assert.Equal("bank_name", wrongType.Text("field"));

        var malformed = await client.Call(new HttpRequestMessage(HttpMethod.Post, "/api/update/bank-account/")
        {
            Content = new StringContent("{\"bank_name\": ", Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal("bad_request", malformed.Text("error"));

        var plainText = await client.Call(new HttpRequestMessage(HttpMethod.Post, "/api/update/bank-account/")
        {
            Content = new StringContent("bank_name=Wells Fargo", Encoding.UTF8, "text/plain"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, plainText.Status);
        Assert.Equal("bad_request", plainText.Text("error"));

        var jsonArray = await client.Call(new HttpRequestMessage(HttpMethod.Post, "/api/bank-accounts/")
        {
            Content = new StringContent("[1,2]", Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, jsonArray.Status);

        await AssertNoAccountsAsync(client);
        await AssertNothingPublishedForAsync(userId);
    }

    [Fact]
    public async Task The_same_account_again_changes_its_details_in_place_a_second_copy_is_a_409_and_another_user_may_add_it()
    {
        var number = AccountFixtures.UsAccountNumber();
        var firstUserId = AccountFixtures.NewUserId();
        using var first = _service.Host.ClientFor(firstUserId);
        using var second = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var id = await _service.AddAccountAsync(first, number);

        // Seed 000's Update Bank Account with the same number and routing number: same id, new details, verification kept.
        var changed = await first.PostForm("/api/update/bank-account/",
            [.. AccountFixtures.UsAccountForm(number, bankName: "Another name").Where(f => f.Item1 is not ("account_type" or "account_holder_name")),
                ("account_type", "savings"), ("account_holder_name", "Jane Doe")]);

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("Bank account updated successfully", changed.Text("message"));
        Assert.Equal(id, changed.Body.GetProperty("bank_account_id").GetInt64());
        Assert.Equal("pending", changed.Text("verification_status"));
        var account = Assert.Single((await first.PostForm("/api/bank-accounts/")).Body.GetProperty("bank_accounts").EnumerateArray());
        Assert.Equal("Another name", account.GetProperty("bank_name").GetString());
        Assert.Equal("savings", account.GetProperty("account_type").GetString());
        Assert.Equal("Jane Doe", account.GetProperty("account_holder_name").GetString());

        // A second account of this user with that number is still a duplicate.
        var otherId = await _service.AddAccountAsync(first, AccountFixtures.UsAccountNumber());
        var duplicate = await first.PostForm("/api/update/bank-account/", [.. AccountFixtures.UsAccountForm(number), ("bank_account_id", otherId.ToString())]);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal("duplicate_bank_account", duplicate.Text("error"));
        await _service.AddAccountAsync(second, number);

        await _service.BarrierAsync();
        Assert.Equal(2, _service.Bus.Of<BankAccountAdded>(m => m.GetProperty("userId").GetString() == firstUserId).Count);
        Assert.Equal(1, _service.Count<BankAccountAdded>(id));
        Assert.Equal(1, _service.Count<SendMicroDeposits>(id));
        var detailsChanged = Assert.Single(_service.Bus.Of<BankAccountDetailsChanged>(m => m.GetProperty("bankAccountId").GetInt64() == id));
        Assert.Equal("Another name", detailsChanged.Text("bankName"));
        Assert.Equal("savings", detailsChanged.Text("accountType"));
    }

    [Fact]
    public async Task The_first_account_is_primary_and_a_new_primary_demotes_the_old_one_with_one_event()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);
        var first = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber());
        var second = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber());
        var third = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber(), ("is_primary", "true"));

        var primaries = await PrimaryByIdAsync(client);
        Assert.Equal(new Dictionary<long, bool> { [first] = false, [second] = false, [third] = true }, primaries);

        await _service.BarrierAsync();
        var changed = Assert.Single(_service.Bus.Of<BankAccountPrimaryChanged>(m => m.GetProperty("userId").GetString() == userId));
        Assert.Equal(third, changed.Long("bankAccountId"));
        Assert.Equal(first, changed.Long("previousPrimaryBankAccountId"));
        Assert.True(Assert.Single(_service.Bus.Of<BankAccountAdded>(m => m.GetProperty("bankAccountId").GetInt64() == first)).Message.GetProperty("isPrimary").GetBoolean());
        Assert.False(Assert.Single(_service.Bus.Of<BankAccountAdded>(m => m.GetProperty("bankAccountId").GetInt64() == second)).Message.GetProperty("isPrimary").GetBoolean());
    }

    [Fact]
    public async Task Deleting_is_soft_promotes_another_primary_and_a_deleted_account_is_gone_for_good()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);
        var number = AccountFixtures.UsAccountNumber();
        var primary = await _service.AddAccountAsync(client, number);
        var other = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber());

        var deleted = await client.PostForm("/api/bank-accounts/delete/", ("bank_account_id", primary.ToString()));

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("success", deleted.Text("status"));
        Assert.Equal("Bank account deleted successfully", deleted.Text("message"));
        Assert.Equal(new Dictionary<long, bool> { [other] = true }, await PrimaryByIdAsync(client));

        var again = await client.PostForm("/api/bank-accounts/delete/", ("bank_account_id", primary.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal("not_found", again.Text("error"));
        var verifyDeleted = await client.PostForm("/api/bank-accounts/verify/",
            ("bank_account_id", primary.ToString()), ("verification_amount_1", "0.10"), ("verification_amount_2", "0.20"));
        Assert.Equal(HttpStatusCode.NotFound, verifyDeleted.Status);

        // Soft delete: the row is still there (for audit and settlement's refusal), just never live again; the same
        // number can be added afresh as a new account.
        await using (var connection = new Npgsql.NpgsqlConnection(_service.Host.DatabaseConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"SELECT deleted_at IS NOT NULL FROM bank_account WHERE id = {primary}", connection);
            Assert.Equal(true, await command.ExecuteScalarAsync());
        }

        var readded = await _service.AddAccountAsync(client, number);
        Assert.NotEqual(primary, readded);

        await _service.BarrierAsync();
        Assert.Equal(1, _service.Count<BankAccountDeleted>(primary));
        var changed = Assert.Single(_service.Bus.Of<BankAccountPrimaryChanged>(m => m.GetProperty("userId").GetString() == userId));
        Assert.Equal(other, changed.Long("bankAccountId"));
        Assert.Equal(primary, changed.Long("previousPrimaryBankAccountId"));
    }

    [Fact]
    public async Task Replacing_an_account_by_id_deletes_the_old_one_and_moves_primary_to_the_new_one()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);
        var old = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber());

        var replaced = await client.PostForm("/api/update/bank-account/",
            [.. AccountFixtures.UsAccountForm(AccountFixtures.UsAccountNumber()), ("bank_account_id", old.ToString())]);

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal("Bank account updated successfully", replaced.Text("message"));
        var newId = replaced.Body.GetProperty("bank_account_id").GetInt64();
        Assert.Equal(new Dictionary<long, bool> { [newId] = true }, await PrimaryByIdAsync(client));

        var unknown = await client.PostForm("/api/update/bank-account/",
            [.. AccountFixtures.UsAccountForm(AccountFixtures.UsAccountNumber()), ("bank_account_id", "999999999")]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(new Dictionary<long, bool> { [newId] = true }, await PrimaryByIdAsync(client));

        await _service.BarrierAsync();
        Assert.Equal(1, _service.Count<BankAccountDeleted>(old));
        Assert.Equal(old, Assert.Single(_service.Bus.Of<BankAccountPrimaryChanged>(m => m.GetProperty("userId").GetString() == userId)).Long("previousPrimaryBankAccountId"));
    }

    [Fact]
    public async Task Another_users_accounts_are_never_visible_or_changeable_but_admins_may_act_on_any()
    {
        var ownerId = AccountFixtures.NewUserId();
        using var owner = _service.Host.ClientFor(ownerId);
        using var intruder = _service.Host.ClientFor(AccountFixtures.NewUserId());
        using var admin = _service.Host.ClientFor("1", PayoutsRoles.Admin);
        using var superAdmin = _service.Host.ClientFor("2", PayoutsRoles.SuperAdmin);
        var id = await _service.AddAccountAsync(owner, AccountFixtures.UsAccountNumber());

        var list = await intruder.PostForm("/api/bank-accounts/", ("user_id", ownerId));
        var verify = await intruder.PostForm("/api/bank-accounts/verify/", ("bank_account_id", id.ToString()), ("verification_amount_1", "0.10"), ("verification_amount_2", "0.20"));
        var delete = await intruder.PostForm("/api/bank-accounts/delete/", ("bank_account_id", id.ToString()));
        var replace = await intruder.PostForm("/api/update/bank-account/", [.. AccountFixtures.UsAccountForm(AccountFixtures.UsAccountNumber()), ("bank_account_id", id.ToString())]);
        var addForOwner = await intruder.PostForm("/api/update/bank-account/", [.. AccountFixtures.UsAccountForm(AccountFixtures.UsAccountNumber()), ("user_id", ownerId)]);

        foreach (var response in new[] { list, verify, delete, replace, addForOwner })
        {
            Assert.True(response.Status == HttpStatusCode.NotFound, response.ToString());
            Assert.Equal("not_found", response.Text("error"));
            Assert.DoesNotContain(ownerId, response.Raw);
        }

        // Unchanged: no attempt counted, still the owner's only (primary) account.
        var ownList = await owner.PostForm("/api/bank-accounts/");
        var account = Assert.Single(ownList.Body.GetProperty("bank_accounts").EnumerateArray());
        Assert.Equal("pending", account.GetProperty("verification_status").GetString());
        var (first, second) = await _service.MicroDepositAmountsAsync(id);
        var wrong = await owner.PostForm("/api/bank-accounts/verify/", ("bank_account_id", id.ToString()), ("verification_amount_1", "0.00"), ("verification_amount_2", "0.00"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);

        var adminList = await admin.PostForm("/api/bank-accounts/", ("user_id", ownerId));
        Assert.Equal(id, Assert.Single(adminList.Body.GetProperty("bank_accounts").EnumerateArray()).GetProperty("id").GetInt64());
        var adminVerify = await superAdmin.PostForm("/api/bank-accounts/verify/", ("bank_account_id", id.ToString()), ("verification_amount_1", first), ("verification_amount_2", second));
        Assert.Equal(HttpStatusCode.OK, adminVerify.Status);
        var adminAdd = await admin.PostForm("/api/update/bank-account/", [.. AccountFixtures.UsAccountForm(AccountFixtures.UsAccountNumber()), ("user_id", ownerId)]);
        Assert.Equal(HttpStatusCode.OK, adminAdd.Status);
        var adminDelete = await admin.PostForm("/api/bank-accounts/delete/", ("bank_account_id", id.ToString()));
        Assert.Equal(HttpStatusCode.OK, adminDelete.Status);

        var remaining = await owner.PostForm("/api/bank-accounts/");
        Assert.Equal(adminAdd.Body.GetProperty("bank_account_id").GetInt64(),
            Assert.Single(remaining.Body.GetProperty("bank_accounts").EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Without_a_token_every_endpoint_answers_401_in_the_seed_envelope()
    {
        using var anonymous = _service.Host.CreateClient();
        foreach (var path in new[] { "/api/update/bank-account/", "/api/bank-accounts/", "/api/bank-accounts/verify/", "/api/bank-accounts/delete/" })
        {
            var response = await anonymous.PostForm(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Equal("authentication_required", response.Text("error"));
        }
    }

    private static async Task<Dictionary<long, bool>> PrimaryByIdAsync(HttpClient client)
    {
        var list = await client.PostForm("/api/bank-accounts/");
        return list.Body.GetProperty("bank_accounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetInt64(), a => a.GetProperty("is_primary").GetBoolean());
    }

    private async Task AssertNothingPublishedForAsync(string userId)
    {
        await _service.BarrierAsync();
        Assert.DoesNotContain(_service.Bus.Messages, m => m.Message.TryGetProperty("userId", out var owner) && owner.GetString() == userId);
    }

    private static async Task AssertNoAccountsAsync(HttpClient client)
    {
        var list = await client.PostForm("/api/bank-accounts/");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Empty(list.Body.GetProperty("bank_accounts").EnumerateArray());
    }
}
