using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Payouts.BankAccountService.Tests.Support;
using Payouts.Contracts.BankAccounts;
using Payouts.Testing;

namespace Payouts.BankAccountService.Tests.Http;

/// <summary>
/// A full account number never appears in a response body, a log line (structured values included), a trace
/// attribute or a message published on the real broker, over a whole life cycle with errors along the way.
/// </summary>
[Collection(Infrastructure.Collection)]
public sealed class NoFullNumberLeaksTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _traces = new();
    private ServiceUnderTest _service = null!;
    private ActivityListener? _listener;

    public async Task InitializeAsync()
    {
        // Every activity of every source in this process (ASP.NET Core, Npgsql, MassTransit, the service's own), fully recorded.
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _traces.Enqueue(
                $"{activity.Source.Name} {activity.DisplayName} {string.Join(", ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))} " +
                string.Join(", ", activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))),
        };
        ActivitySource.AddActivityListener(_listener);
        _service = await ServiceUnderTest.StartAsync(infrastructure, "bank_account_leaks");
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        _listener?.Dispose();
    }

    [Fact]
    public async Task Full_numbers_stay_out_of_responses_logs_and_messages()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);
        var usNumber = AccountFixtures.UsAccountNumber();
        var nuban = AccountFixtures.Nuban();
        const string iban = "GB82WEST12345698765432";

        var id = await _service.AddAccountAsync(client, usNumber);
        var changedInPlace = await client.PostForm("/api/update/bank-account/", AccountFixtures.UsAccountForm(usNumber, bankName: "Renamed Bank"));
        Assert.Equal(HttpStatusCode.OK, changedInPlace.Status);
        var badRouting = await client.PostForm("/api/update/bank-account/",
            [.. AccountFixtures.UsAccountForm(usNumber).Where(f => f.Item1 != "routing_number"), ("routing_number", "021000022")]);
        Assert.Equal(HttpStatusCode.BadRequest, badRouting.Status);
        var ngAccount = new
        {
            bank_name = "GTBank", account_number = nuban, bank_code = "058", country = "NG", account_type = "savings", account_holder_name = "Ada Obi",
        };
        var ngAdded = await client.PostJson("/api/update/bank-account/", ngAccount);
        Assert.Equal(HttpStatusCode.OK, ngAdded.Status);
        // Locked after wrong tries, then submitted again for new deposits.
        var ngId = ngAdded.Body.GetProperty("bank_account_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 3; i++)
        {
            await client.PostForm("/api/bank-accounts/verify/", ("bank_account_id", ngId), ("verification_amount_1", "0.01"), ("verification_amount_2", "0.01"));
        }

        var again = await client.PostJson("/api/update/bank-account/", ngAccount);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(ngId, again.Body.GetProperty("bank_account_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, (await client.PostJson("/api/update/bank-account/", new
        {
            bank_name = "NatWest", account_number = iban, country = "GB", account_type = "checking", account_holder_name = "Jo Bloggs",
        })).Status);

        var beneficiary = await client.PostJson("/beneficiaries", new
        {
            recipient_type = "individual", customer_name = "John Smith", customer_email = "john@example.com", country = "Nigeria",
        });
        var beneficiaryId = beneficiary.Body.GetProperty("data").GetProperty("id").GetInt64();
        var beneficiaryNuban = AccountFixtures.Nuban();
        var details = await client.PostJson($"/beneficiaries/{beneficiaryId}/details", new
        {
            bank_name = "GTBank", account_number = beneficiaryNuban, bank_code = "058", country = "NG",
        });
        Assert.Equal(HttpStatusCode.Created, details.Status);
        await client.Get($"/beneficiaries/{beneficiaryId}/details");
        var secondNuban = AccountFixtures.Nuban();
        var secondDetails = await client.PostJson($"/beneficiaries/{beneficiaryId}/details", new
        {
            bank_name = "GTBank", account_number = secondNuban, bank_code = "058", country = "NG",
        });
        Assert.Equal(HttpStatusCode.Created, secondDetails.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PutJson($"/beneficiaries/{beneficiaryId}", new
        {
            recipient_type = "individual", customer_name = "John Smith", customer_email = "john@example.com", country = "Nigeria",
        })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.Delete(
            $"/beneficiaries/{beneficiaryId}/details/{secondDetails.Body.GetProperty("data").GetProperty("id").GetInt64()}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.Delete($"/beneficiaries/{beneficiaryId}")).Status);

        var (first, second) = await _service.MicroDepositAmountsAsync(id);
        await client.PostForm("/api/bank-accounts/verify/", ("bank_account_id", id.ToString()), ("verification_amount_1", "0.99"), ("verification_amount_2", "0.99"));
        await client.PostForm("/api/bank-accounts/verify/", ("bank_account_id", id.ToString()), ("verification_amount_1", first), ("verification_amount_2", second));
        await client.PostForm("/api/bank-accounts/");
        await client.PostForm("/api/bank-accounts/delete/", ("bank_account_id", id.ToString()));

        await _service.BarrierAsync();
        await _service.Bus.WaitForAsync<BeneficiaryDetailsAdded>(m => m.GetProperty("beneficiaryId").GetInt64() == beneficiaryId, "the beneficiary");
        Assert.Equal(2, _service.Bus.Of<BeneficiarySaved>(m => m.GetProperty("beneficiaryId").GetInt64() == beneficiaryId).Count);
        Assert.Equal(2, _service.Bus.Of<BeneficiaryDetailsRemoved>(m => m.GetProperty("beneficiaryId").GetInt64() == beneficiaryId).Count);
        Assert.Single(_service.Bus.Of<BeneficiaryRemoved>(m => m.GetProperty("beneficiaryId").GetInt64() == beneficiaryId));
        Assert.Contains(_service.Bus.Messages, m => m.Type == nameof(BankAccountDeleted) && m.Long("bankAccountId") == id);
        Assert.Equal(2, _service.Bus.Of<SendMicroDeposits>(m => m.GetProperty("bankAccountId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) == ngId).Count);
        Assert.NotEmpty(_service.Host.Logs.Lines);
        Assert.Contains(_traces, trace => trace.Contains("/api/update/bank-account", StringComparison.Ordinal));

        foreach (var secret in new[] { usNumber, nuban, iban, beneficiaryNuban, secondNuban })
        {
            Assert.DoesNotContain(_service.Host.ResponseBodies, body => body.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(_service.Host.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(_service.Bus.Messages, message => message.RawBody.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(_traces, trace => trace.Contains(secret, StringComparison.Ordinal));
        }

        // And the masks are there instead.
        Assert.Contains(_service.Host.ResponseBodies, body => body.Contains("****" + usNumber[^4..], StringComparison.Ordinal));
        Assert.Contains(_service.Bus.Messages, message => message.RawBody.Contains("****" + usNumber[^4..], StringComparison.Ordinal));
    }
}
