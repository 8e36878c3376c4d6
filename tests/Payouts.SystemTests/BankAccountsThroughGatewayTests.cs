using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Payouts.SystemTests;

/// <summary>
/// A user adds a bank account through the gateway, reads it back masked and verifies it with the micro-deposit amounts
/// settlement paid, read the way a sandbox user would: from the account's credits at the provider sandbox.
/// </summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class BankAccountsThroughGatewayTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_user_adds_reads_masked_and_verifies_a_bank_account_through_the_gateway()
    {
        var platform = fixture.Platform;
        using var sandbox = new SandboxClient(platform);
        using var gateway = platform.CreateHttpClient("gateway");
        var token = fixture.Tokens.User(Random.Shared.Next(100_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        var accountNumber = "8" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) + "42";

        var added = await PostFormAsync(gateway, token, "/api/update/bank-account/",
            ("bank_name", "Wells Fargo"), ("account_number", accountNumber), ("routing_number", "021000021"),
            ("account_type", "checking"), ("account_holder_name", "John Doe"));
        Assert.True(added.Status == HttpStatusCode.OK, added.Raw);
        Assert.Equal("bank-accounts", added.ServedBy);
        var id = added.Body.GetProperty("bank_account_id").GetInt64();

        var listed = await PostFormAsync(gateway, token, "/api/bank-accounts/");
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.DoesNotContain(accountNumber, listed.Raw);
        var account = Assert.Single(listed.Body.GetProperty("bank_accounts").EnumerateArray());
        Assert.Equal("****" + accountNumber[^4..], account.GetProperty("account_number").GetString());
        Assert.Equal("****0021", account.GetProperty("routing_number").GetString());
        Assert.Equal("pending", account.GetProperty("verification_status").GetString());

        var deposits = await sandbox.MicroDepositsAsync(accountNumber, TimeSpan.FromSeconds(60));
        // In either order.
        var verified = await PostFormAsync(gateway, token, "/api/bank-accounts/verify/",
            ("bank_account_id", id.ToString(CultureInfo.InvariantCulture)),
            ("verification_amount_1", SandboxClient.Amount(deposits[1])), ("verification_amount_2", SandboxClient.Amount(deposits[0])));
        Assert.True(verified.Status == HttpStatusCode.OK, verified.Raw);
        Assert.Equal("Bank account verified successfully", verified.Body.GetProperty("message").GetString());

        var after = Assert.Single((await PostFormAsync(gateway, token, "/api/bank-accounts/")).Body.GetProperty("bank_accounts").EnumerateArray());
        Assert.True(after.GetProperty("verified").GetBoolean());
        Assert.Equal("verified", after.GetProperty("verification_status").GetString());
    }

    [Fact]
    public async Task Beneficiaries_and_their_details_are_served_through_the_gateway_in_the_seed_002_envelope()
    {
        using var gateway = fixture.Platform.CreateHttpClient("gateway");
        var token = fixture.Tokens.User(Random.Shared.Next(100_000, 999_999_999).ToString(CultureInfo.InvariantCulture));

        using var create = new HttpRequestMessage(HttpMethod.Post, "/beneficiaries")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                recipient_type = "individual", customer_name = "John Smith", customer_email = "john@example.com", country = "Nigeria",
                customer_address = new { city = "Ikeja", county = "Lagos", postal_code = "900901", address_line_1 = "1 Main St" },
            }),
        };
        create.Headers.Authorization = token;
        using var created = await gateway.SendAsync(create);
        var createdBody = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.True(created.StatusCode == HttpStatusCode.Created, createdBody.GetRawText());
        Assert.Equal("success", createdBody.GetProperty("status").GetString());
        var id = createdBody.GetProperty("data").GetProperty("id").GetInt64();

        using var invalid = new HttpRequestMessage(HttpMethod.Post, $"/beneficiaries/{id}/details")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { bank_name = "GTBank", account_number = "0000014578", bank_code = "011", country = "NG" }),
        };
        invalid.Headers.Authorization = token;
        using var rejected = await gateway.SendAsync(invalid);
        var rejectedBody = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal("failed", rejectedBody.GetProperty("status").GetString());
        Assert.Equal("Invalid bank account number", rejectedBody.GetProperty("data").GetProperty("account_number")[0].GetString());

        using var list = new HttpRequestMessage(HttpMethod.Get, "/beneficiaries");
        list.Headers.Authorization = token;
        using var listed = await gateway.SendAsync(list);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("bank-accounts", Assert.Single(listed.Headers.GetValues("X-Served-By")));
        var beneficiary = Assert.Single(JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray());
        Assert.Equal(id, beneficiary.GetProperty("id").GetInt64());
    }

    private sealed record Reply(HttpStatusCode Status, JsonElement Body, string Raw, string? ServedBy);

    private static async Task<Reply> PostFormAsync(HttpClient gateway, System.Net.Http.Headers.AuthenticationHeaderValue token, string path, params (string Key, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))),
        };
        request.Headers.Authorization = token;
        using var response = await gateway.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, JsonDocument.Parse(raw).RootElement.Clone(), raw,
            response.Headers.TryGetValues("X-Served-By", out var servedBy) ? servedBy.Single() : null);
    }
}
