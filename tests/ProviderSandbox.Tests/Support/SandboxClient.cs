using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Payouts.ProviderSandbox.Tests.Support;

/// <summary>Calls the sandbox's API and reads its JSON as a client of the provider would.</summary>
public sealed class SandboxClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public static object BankTransfer(string reference, string accountNumber, decimal amount, string debitAccount = SandboxFactory.SettlementAccount, string currency = "USD") => new
    {
        debitAccountId = debitAccount,
        beneficiaryBankCode = "011",
        beneficiaryAccountNumber = accountNumber,
        amount,
        currency,
        narration = "Payout test",
        paymentReference = reference,
    };

    public Task<HttpResponseMessage> PostTransferAsync(object body, CancellationToken cancellationToken = default) =>
        http.PostAsJsonAsync("/transfers", body, cancellationToken);

    /// <summary>Posts and expects a transfer back (201 new, 200 replay); returns its <c>data</c>.</summary>
    public async Task<JsonElement> CreateTransferAsync(object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await PostTransferAsync(body);
        var json = await ReadAsync(response);
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {json}");
        return json.GetProperty("data");
    }

    public async Task<JsonElement?> FindByReferenceAsync(string reference)
    {
        using var response = await http.GetAsync($"/transfers?paymentReference={Uri.EscapeDataString(reference)}");
        var json = await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Find by reference answered {(int)response.StatusCode}: {json}");
        var found = json.GetProperty("data");
        Assert.True(found.GetArrayLength() <= 1, $"More than one transfer for {reference}: {found}");
        return found.GetArrayLength() == 0 ? null : found[0];
    }

    public async Task<JsonElement> GetTransferAsync(string id)
    {
        using var response = await http.GetAsync($"/transfers/{id}");
        var json = await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Get transfer answered {(int)response.StatusCode}: {json}");
        return json.GetProperty("data");
    }

    public async Task<decimal> BalanceAsync(string account, string currency = "USD")
    {
        using var response = await http.GetAsync($"/accounts/{account}");
        var json = await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Get account answered {(int)response.StatusCode}: {json}");
        foreach (var balance in json.GetProperty("data").GetProperty("balances").EnumerateArray())
            if (balance.GetProperty("currency").GetString() == currency) return balance.GetProperty("balance").GetDecimal();
        throw new Xunit.Sdk.XunitException($"Account {account} has no {currency} balance: {json}");
    }

    /// <summary>Opens a settlement account of its own for one test, so its balance changes are the test's alone.</summary>
    public async Task<string> OpenAccountAsync(decimal balance, string currency = "USD")
    {
        var account = $"ACCT-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        using var response = await http.PutAsJsonAsync($"/sandbox/admin/accounts/{account}/balances/{currency}", new { balance });
        Assert.True(response.IsSuccessStatusCode, $"Opening an account answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return account;
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"Response {(int)response.StatusCode} is not JSON: '{text}'");
        }
    }

    public static string Reference() => $"PAYOUT_{Guid.NewGuid():N}";

    public static string Amount(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => http.Dispose();
}
