using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

/// <summary>
/// Issue 11: what BankAccountService acknowledged is usable by PayoutService at once, before its events arrive. The
/// add-then-pay sequences run back to back against the real BankAccountService, many times over.
/// </summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class ReadYourWritesTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    private const int Rounds = 50;
    private const decimal Amount = 100m;
    private const string Routing = "021000021";
    private static int _nextAccountNumber = Random.Shared.Next(10_000_000, 90_000_000);

    [Fact]
    public async Task A_bank_account_just_added_is_unverified_at_once_and_payable_at_once_after_verification()
    {
        var userId = await Fixture.NewFundedUserAsync(Rounds * Amount);
        using var payouts = Fixture.ClientFor(userId);
        using var bankAccounts = Fixture.BankAccountClientFor(userId);

        for (var round = 1; round <= Rounds; round++)
        {
            var accountId = await AddBankAccountAsync(bankAccounts);

            var (refused, refusedBody) = await payouts.RequestPayoutAsync(Amount, accountId);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"round {round}: {(int)refused.StatusCode} {refusedBody.ToJsonString()}");
            Assert.Equal("bank_account_not_verified", refusedBody["error"].Str());
            Assert.Equal("Bank account must be verified before payout", refusedBody["message"].Str());

            await VerifyAsync(bankAccounts, accountId);

            var (paid, paidBody) = await payouts.RequestPayoutAsync(Amount, accountId);
            Assert.True(paid.StatusCode == HttpStatusCode.OK, $"round {round}: {(int)paid.StatusCode} {paidBody.ToJsonString()}");
            Assert.Equal("success", paidBody["status"].Str());
        }

        var (available, held, _) = await Fixture.BalancesAsync(userId);
        Assert.Equal(0m, available);
        Assert.Equal(Rounds * Amount, held);
    }

    [Fact]
    public async Task When_BankAccountService_does_not_answer_an_unknown_destination_is_a_503_that_holds_nothing()
    {
        var userId = await Fixture.NewFundedUserAsync(Amount);
        using var payouts = Fixture.ClientFor(userId);
        var unknownAccount = 900_000_000_000L + userId;

        await Fixture.WhileBankAccountServiceIsDownAsync(async () =>
        {
            var (account, accountBody) = await payouts.RequestPayoutAsync(Amount, unknownAccount);
            var (details, detailsBody) = await payouts.PostJsonAsync("/payout/simple",
                new { beneficiary_id = unknownAccount, amount = Amount, beneficiary_details_id = unknownAccount });

            Assert.True(account.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)account.StatusCode} {accountBody.ToJsonString()}");
            Assert.Contains("temporarily unavailable", accountBody.ToJsonString(), StringComparison.Ordinal);
            Assert.True(details.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)details.StatusCode} {detailsBody.ToJsonString()}");
        });

        var (available, held, _) = await Fixture.BalancesAsync(userId);
        Assert.Equal(Amount, available);
        Assert.Equal(0m, held);
    }

    [Fact]
    public async Task Beneficiary_details_just_added_are_paid_at_once_with_the_complete_beneficiary()
    {
        var userId = await Fixture.NewFundedUserAsync(Rounds * Amount);
        using var payouts = Fixture.ClientFor(userId);
        using var bankAccounts = Fixture.BankAccountClientFor(userId);

        for (var round = 1; round <= Rounds; round++)
        {
            var (created, createdBody) = await bankAccounts.PostJsonAsync("/beneficiaries", new
            {
                recipient_type = "individual", customer_name = $"John Smith {round}", customer_email = "john@yativo.com", customer_nickname = "John",
                country = "Nigeria", customer_address = new { city = "Ikeja", county = "Lagos", postal_code = "900901", address_line_1 = "1 John Doe Street" },
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, createdBody.ToJsonString());
            var beneficiaryId = createdBody["data"]!["id"]!.GetValue<long>();
            var accountNumber = NewAccountNumber();
            var (added, addedBody) = await bankAccounts.PostJsonAsync($"/beneficiaries/{beneficiaryId}/details", new
            {
                bank_name = "Chase", account_number = accountNumber, routing_number = Routing, country = "US", account_holder_name = "John Smith",
            });
            Assert.True(added.StatusCode == HttpStatusCode.Created, addedBody.ToJsonString());
            var detailsId = addedBody["data"]!["beneficiary_details_id"]!.GetValue<long>();

            var (paid, body) = await payouts.PostJsonAsync("/payout/simple", new { beneficiary_id = beneficiaryId, amount = Amount, beneficiary_details_id = detailsId });

            Assert.True(paid.StatusCode == HttpStatusCode.OK, $"round {round}: {(int)paid.StatusCode} {body.ToJsonString()}");
            var beneficiary = body["data"]!["beneficiary"]!;
            Assert.Equal(beneficiaryId, beneficiary["id"]!.GetValue<long>());
            Assert.Equal($"John Smith {round}", beneficiary["customer_name"].Str());
            Assert.Equal("john@yativo.com", beneficiary["customer_email"].Str());
            Assert.Equal("individual", beneficiary["recipient_type"].Str());
            Assert.Equal("Ikeja", beneficiary["customer_address"]!["city"].Str());
            Assert.Equal("****" + accountNumber[^4..], beneficiary["details"]!["account_number"].Str());
        }
    }

    [Fact]
    public async Task Payout_views_show_notes_and_the_masked_destination_with_its_holder()
    {
        var userId = await Fixture.NewFundedUserAsync(Amount);
        using var payouts = Fixture.ClientFor(userId);
        using var bankAccounts = Fixture.BankAccountClientFor(userId);
        var accountId = await AddBankAccountAsync(bankAccounts);
        await VerifyAsync(bankAccounts, accountId);
        var (paid, paidBody) = await payouts.PostFormAsync("/api/action/payout/", ("amount", "100"), ("method", "bank_transfer"),
            ("bank_account_id", accountId.Text()), ("notes", "Monthly earnings"));
        Assert.True(paid.StatusCode == HttpStatusCode.OK, paidBody.ToJsonString());

        var (_, own) = await payouts.PostFormAsync("/api/get/payouts/");
        var mine = Assert.Single(own["payouts"]!.AsArray());
        AssertSeed000Payout(mine!, accountId);

        using var admin = Fixture.AdminClient();
        var (_, all) = await admin.PostFormAsync("/api/payouts/all/", ("limit", "100"));
        AssertSeed000Payout(all["payouts"]!.AsArray().Single(p => p!["user_id"]!.GetValue<long>() == userId)!, accountId);

        var (_, seed004) = await admin.GetJsonAsync($"/api/admin/payouts/{paidBody["payout_uuid"].Str()}");
        var bankAccount = seed004["data"]!["bankAccount"]!;
        Assert.Equal("John Doe", bankAccount["accountName"].Str());
        Assert.Equal("Chase Bank", bankAccount["bankName"].Str());
        Assert.Equal("****0021", bankAccount["bankCode"].Str());
        Assert.StartsWith("****", bankAccount["accountNumber"].Str(), StringComparison.Ordinal);
    }

    private static void AssertSeed000Payout(JsonNode payout, long accountId)
    {
        Assert.Equal("Monthly earnings", payout["notes"].Str());
        var bankAccount = payout["bank_account"]!;
        Assert.Equal("****0021", bankAccount["routing_number"].Str());
        Assert.Equal("John Doe", bankAccount["account_holder_name"].Str());
        Assert.StartsWith("****", bankAccount["account_number"].Str(), StringComparison.Ordinal);
        if (bankAccount["id"] is { } id) Assert.Equal(accountId, id.GetValue<long>());
    }

    private static string NewAccountNumber() =>
        "7" + Interlocked.Increment(ref _nextAccountNumber).ToString("D8", CultureInfo.InvariantCulture) + "321";

    private static async Task<long> AddBankAccountAsync(HttpClient bankAccounts)
    {
        var (added, body) = await bankAccounts.PostFormAsync("/api/update/bank-account", ("bank_name", "Chase Bank"), ("account_number", NewAccountNumber()),
            ("routing_number", Routing), ("account_type", "checking"), ("account_holder_name", "John Doe"));
        Assert.True(added.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        return body["bank_account_id"]!.GetValue<long>();
    }

    private async Task VerifyAsync(HttpClient bankAccounts, long accountId)
    {
        var (first, second) = await Fixture.MicroDeposits.AmountsAsync(accountId, Fixture.BankAccountService.Seal);
        var (verified, body) = await bankAccounts.PostFormAsync("/api/bank-accounts/verify", ("bank_account_id", accountId.Text()),
            ("verification_amount_1", first.ToString("0.00", CultureInfo.InvariantCulture)),
            ("verification_amount_2", second.ToString("0.00", CultureInfo.InvariantCulture)));
        Assert.True(verified.StatusCode == HttpStatusCode.OK, body.ToJsonString());
    }
}
