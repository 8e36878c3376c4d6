using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Payouts.Testing;
using Xunit.Abstractions;

namespace Payouts.SystemTests;

/// <summary>
/// Seed 001 end to end through the gateway on the whole platform: a company funds its wallet (seed 003, approved by an
/// admin), builds a 100-payee batch over two calls, approves it with a TOTP code, and the batch saga pays platform users
/// in the ledger and everyone else through settlement and the provider, while RabbitMQ is restarted once. Nobody is paid
/// twice and the wallet moves by exactly what was paid.
/// </summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class BatchesThroughGatewayTests(PlatformFixture fixture, ITestOutputHelper output)
{
    private const string Currency = "USD";
    private const string ClosedEmail = "closed@sandbox.test"; // the provider sandbox refuses every transfer to it
    private const int PlatformUsers = 10;
    private const int EmailPayees = 84;
    private const int ClosedPayees = 3;
    private const int InvalidEmails = 3;
    private const decimal Funding = 50_000m;
    private static readonly TimeSpan CompletionBound = TimeSpan.FromMinutes(4);

    private sealed record Payee(string Email, decimal Amount, long? UserId = null);

    [Fact]
    public async Task A_100_payee_batch_approved_with_2fa_completes_through_a_broker_restart_and_pays_each_recipient_once()
    {
        var platform = fixture.Platform;
        using var gateway = new GatewayClient(platform);
        var databases = new PlatformDatabases(platform);
        var admin = fixture.Tokens.Admin("1");
        var companyId = $"co-{Guid.NewGuid():N}"[..24];
        var member = fixture.Tokens.CompanyUser(NewId().ToString(CultureInfo.InvariantCulture), companyId);

        await CompanyWallets.FundAsync(gateway, admin, member, companyId, Funding, Currency);
        var (authenticator, confirmedStep) = await EnrollAsync(gateway, member);
        var payees = await PayeesAsync(gateway, admin);

        // 100 payees over two calls: the second fills the batch to its limit.
        var created = await gateway.PostAsync("/v1/payouts/batch", member, new { payment_reference = $"SYS-{Guid.NewGuid():N}"[..20], payees = Body(payees[..50]) });
        Assert.True(created.Status == HttpStatusCode.OK, created.Raw);
        var batchId = created.Body.GetProperty("batch").GetProperty("id").GetString()!;
        var added = await gateway.PostAsync($"/v1/payouts/batches/{batchId}/recipients", member, new { payees = Body(payees[50..]) });
        Assert.True(added.Status == HttpStatusCode.OK, added.Raw);
        Assert.Equal(0, added.Body.GetProperty("remaining_capacity").GetInt32());
        var ready = await gateway.PostAsync($"/v1/payouts/batches/{batchId}/ready", member, new { });
        Assert.True(ready.Status == HttpStatusCode.OK, ready.Raw);

        // The confirming code is spent: approve with the next step's code.
        while (TotpAuthenticator.StepAt(DateTimeOffset.UtcNow) <= confirmedStep) await Task.Delay(TimeSpan.FromMilliseconds(500));
        var approved = await gateway.PostAsync($"/v1/payouts/batches/{batchId}/approve", member, new { code = authenticator.CodeAt(DateTimeOffset.UtcNow) });
        Assert.True(approved.Status == HttpStatusCode.OK, approved.Raw);

        await platform.RestartBrokerAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        output.WriteLine($"broker restarted {(platform.BrokerStopNote is { } note ? "(" + note + ")" : "")}");

        JsonElement batch = default;
        await Eventually.HoldsAsync(async () =>
        {
            batch = (await gateway.GetAsync($"/v1/payouts/batches/{batchId}", member)).Body;
            return batch.TryGetProperty("batch", out var b) && b.GetProperty("status").GetString() is "completed" or "failed";
        }, "the batch to finish", CompletionBound, TimeSpan.FromSeconds(1), detail: () => Task.FromResult(batch.ToString()));

        Assert.Equal("completed", batch.GetProperty("batch").GetProperty("status").GetString());
        var statuses = batch.GetProperty("recipients").EnumerateArray()
            .GroupBy(r => r.GetProperty("email").GetString()!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(r => r.GetProperty("status").GetString()).ToList(), StringComparer.OrdinalIgnoreCase);
        Assert.All(payees.Where(p => p.Email.Contains('.', StringComparison.Ordinal) && p.Email != ClosedEmail),
            p => Assert.Equal(["completed"], statuses[p.Email]));
        Assert.Equal(Enumerable.Repeat("failed", ClosedPayees), statuses[ClosedEmail]);
        Assert.Equal(Enumerable.Repeat("cancelled", InvalidEmails), statuses["invalid@email"]);

        // Each platform user credited exactly once, in the ledger.
        foreach (var user in payees.Where(p => p.UserId is not null))
            Assert.Equal(user.Amount, await databases.UserBalanceAsync(user.UserId!.Value, "available", Currency));

        // Each email payee paid by exactly one successful provider transfer; the closed destination by none.
        var transfers = await databases.SandboxTransfersAsync();
        foreach (var payee in payees.Where(p => p.UserId is null && p.Email.Contains('.', StringComparison.Ordinal) && p.Email != ClosedEmail))
        {
            var paid = transfers.Where(t => t.Status == "completed" && string.Equals(t.Destination, payee.Email, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(paid.Count == 1, $"{payee.Email}: {paid.Count} completed transfers");
            Assert.Equal(payee.Amount, paid[0].Amount);
        }

        Assert.DoesNotContain(transfers, t => t.Status == "completed" && t.Destination == ClosedEmail);

        // The wallet moved by exactly what was paid, and nothing stays held.
        var paidTotal = payees.Where(p => p.Email.Contains('.', StringComparison.Ordinal) && p.Email != ClosedEmail).Sum(p => p.Amount);
        Assert.Equal(Funding - paidTotal, await databases.CompanyBalanceAsync(companyId, "available", Currency));
        Assert.Equal(0m, await databases.CompanyBalanceAsync(companyId, "held", Currency));
        Assert.Equal(0m, await databases.LedgerSumAsync());
        Assert.Equal(0, await databases.LedgerAccountsOutOfStepAsync());
    }

    private static long NewId() => Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);

    private static object[] Body(IEnumerable<Payee> payees) =>
        [.. payees.Select(p => new { email = p.Email, amount = p.Amount, memo = "System test" })];

    private static async Task<(TotpAuthenticator App, long ConfirmedStep)> EnrollAsync(GatewayClient gateway, AuthenticationHeaderValue member)
    {
        var enrolled = await gateway.PostAsync("/v1/platform/2fa/enroll", member, new { });
        Assert.True(enrolled.IsOk, enrolled.Raw);
        var app = TotpAuthenticator.FromBase32(enrolled.Body.GetProperty("secret").GetString()!);
        var now = DateTimeOffset.UtcNow;
        var confirmed = await gateway.PostAsync("/v1/platform/2fa/confirm", member, new { code = app.CodeAt(now) });
        Assert.True(confirmed.IsOk, confirmed.Raw);
        return (app, TotpAuthenticator.StepAt(now));
    }

    /// <summary>Platform users (created by an admin), outside emails, the provider's closed destination and invalid emails: 100 in all.</summary>
    private static async Task<Payee[]> PayeesAsync(GatewayClient gateway, AuthenticationHeaderValue admin)
    {
        var payees = new List<Payee>();
        for (var i = 0; i < PlatformUsers; i++)
        {
            var id = NewId();
            var email = $"member{id}@example.com";
            var user = await gateway.PostAsync("/api/admin/users", admin, new { id, email, firstName = "Batch", lastName = "Member", minimumPayout = 10m });
            Assert.True(user.IsOk, user.Raw);
            payees.Add(new Payee(email, 20m + i, id));
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        payees.AddRange(Enumerable.Range(0, EmailPayees).Select(i => new Payee($"payee{i}-{run}@example.com", 3m + i + 0.25m)));
        payees.AddRange(Enumerable.Range(0, ClosedPayees).Select(_ => new Payee(ClosedEmail, 15m)));
        payees.AddRange(Enumerable.Range(0, InvalidEmails).Select(_ => new Payee("invalid@email", 50m)));
        return [.. payees.OrderBy(_ => Random.Shared.Next())];
    }
}
