using System.Net;
using Payouts.ProviderSandbox.Tests.Support;
using Payouts.Testing;

namespace Payouts.ProviderSandbox.Tests;

/// <summary>A payment reference is paid once: repeats return the first transfer and debit nothing.</summary>
[Collection(Infrastructure.Collection)]
public sealed class IdempotencyTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_repeated_reference_returns_the_first_transfer_and_debits_once()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        var account = await client.OpenAccountAsync(100m);
        var reference = SandboxClient.Reference();

        var first = await client.CreateTransferAsync(SandboxClient.BankTransfer(reference, "1234567890", 40m, account));
        using var repeat = await client.PostTransferAsync(SandboxClient.BankTransfer(reference, "1234567890", 40m, account));
        // Even a repeat that differs gets the first transfer back, for the caller to compare; nothing new is paid.
        using var different = await client.PostTransferAsync(SandboxClient.BankTransfer(reference, "9999999999", 55m, account));

        foreach (var response in new[] { repeat, different })
        {
            var json = await SandboxClient.ReadAsync(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("true", response.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(first.GetProperty("_id").GetString(), json.GetProperty("data").GetProperty("_id").GetString());
            Assert.Equal(40m, json.GetProperty("data").GetProperty("amount").GetDecimal());
        }

        Assert.Equal(60m, await client.BalanceAsync(account));
    }

    [Fact]
    public async Task Twenty_concurrent_requests_with_one_reference_make_one_transfer_and_one_debit()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        var account = await client.OpenAccountAsync(1000m);
        var reference = SandboxClient.Reference();
        var body = SandboxClient.BankTransfer(reference, "1234567890", 25m, account);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostTransferAsync(body)));

        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            using (response)
            {
                var json = await SandboxClient.ReadAsync(response);
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode}: {json}");
                ids.Add(json.GetProperty("data").GetProperty("_id").GetString()!);
            }
        }

        Assert.Single(ids);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(975m, await client.BalanceAsync(account));
        Assert.Equal(ids.Single(), (await client.FindByReferenceAsync(reference))?.GetProperty("_id").GetString());
    }
}
