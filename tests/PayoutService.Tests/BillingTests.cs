using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Billing;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

[Collection(PayoutServiceCollection.Name)]
public sealed class BillingTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    private static string NewCompany() => $"co-{Guid.NewGuid():N}"[..20];

    private async Task<long> InvoiceAsync(string company, decimal amount)
    {
        using var admin = Fixture.AdminClient();
        var (created, body) = await admin.PostJsonAsync("/api/v1/billing/admin/invoices/", new { company_id = company, amount = amount.ToString(CultureInfo.InvariantCulture), currency = "USD" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        Assert.StartsWith("INV-", body["invoice"]!["invoice_number"].Str(), StringComparison.Ordinal);
        return body["invoice"]!["id"]!.GetValue<long>();
    }

    private Task<string> InvoiceNumberAsync(long invoiceId) =>
        Fixture.QueryAsync(db => db.Invoices.AsNoTracking().Where(i => i.Id == invoiceId).Select(i => i.Number).SingleAsync());

    private Task<decimal> WalletAsync(string company) => Fixture.QueryAsync(async db =>
        await db.LedgerAccounts.Where(a => a.OwnerType == "company" && a.OwnerId == company && a.Kind == "available").Select(a => (decimal?)a.Balance).SingleOrDefaultAsync() ?? 0m);

    [Fact]
    public async Task A_manual_payment_waits_for_approval_which_pays_the_invoice_and_credits_the_company_wallet()
    {
        var company = NewCompany();
        var invoiceId = await InvoiceAsync(company, 2500m);
        using var client = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), company);

        var (submitted, body) = await client.PostJsonAsync("/api/v1/billing/payments/manual/", new { invoice_id = invoiceId, payment_method = "bank_transfer", transaction_reference = "BANK-REF-1" });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal("pending_approval", body["payment"]!["status"].Str());
        var paymentId = body["payment"]!["id"]!.GetValue<long>();
        Assert.Equal(0m, await WalletAsync(company));

        var (pending, pendingBody) = await client.GetJsonAsync("/api/v1/billing/payments/?status=pending_approval");
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        Assert.Equal(paymentId, pendingBody["results"]![0]!["id"]!.GetValue<long>());

        using var admin = Fixture.AdminClient();
        var (approved, approvedBody) = await admin.PostJsonAsync($"/api/v1/billing/admin/payments/{paymentId}/approve/", new { });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("succeeded", approvedBody["payment"]!["status"].Str());
        Assert.Equal(2500m, await WalletAsync(company));
        var (invoice, invoiceBody) = await client.GetJsonAsync($"/api/v1/billing/invoices/{invoiceId}/");
        Assert.Equal(HttpStatusCode.OK, invoice.StatusCode);
        Assert.Equal("paid", invoiceBody["invoice"]!["status"].Str());

        var (again, againBody) = await admin.PostJsonAsync($"/api/v1/billing/admin/payments/{paymentId}/approve/", new { });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.False(againBody["success"]!.GetValue<bool>());
        var (paid, paidBody) = await client.PostJsonAsync("/api/v1/billing/payments/manual/", new { invoice_id = invoiceId, payment_method = "bank_transfer", reference = "BANK-REF-2" });
        Assert.Equal(HttpStatusCode.BadRequest, paid.StatusCode);
        Assert.Equal("Invoice is already paid", paidBody["error"].Str());
        Assert.Equal(2500m, await WalletAsync(company));

        // The approval is published once, for the company's account; the refused second approval published nothing.
        var published = await Fixture.Events.WaitForAsync<ManualPaymentApproved>(e => e.PaymentId == paymentId);
        Assert.Equal((invoiceId, await InvoiceNumberAsync(invoiceId), company, (string?)null, 2500m, "USD", "bank_transfer", "BANK-REF-1"),
            (published.InvoiceId, published.InvoiceNumber, published.CompanyId, published.UserId, published.Amount, published.Currency,
                published.PaymentMethod, published.TransactionReference));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(Fixture.Events.OfType<ManualPaymentApproved>(), e => e.PaymentId == paymentId);
        Assert.DoesNotContain(Fixture.Events.OfType<ManualPaymentDeclined>(), e => e.PaymentId == paymentId);
    }

    [Fact]
    public async Task A_declined_payment_keeps_its_reason_and_credits_nothing()
    {
        var company = NewCompany();
        var invoiceId = await InvoiceAsync(company, 100m);
        using var client = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), company);
        var (_, body) = await client.PostJsonAsync("/api/v1/billing/payments/manual/", new { invoice_id = invoiceId, payment_method = "bank_transfer", transaction_reference = "REF" });
        var paymentId = body["payment"]!["id"]!.GetValue<long>();
        using var admin = Fixture.AdminClient();

        var (noReason, _) = await admin.PostJsonAsync($"/api/v1/billing/admin/payments/{paymentId}/decline/", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(Fixture.Events.OfType<ManualPaymentDeclined>(), e => e.PaymentId == paymentId);
        var (declined, declinedBody) = await admin.PostJsonAsync($"/api/v1/billing/admin/payments/{paymentId}/decline/", new { reason = "No matching bank credit" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("failed", declinedBody["payment"]!["status"].Str());
        Assert.Equal("No matching bank credit", declinedBody["payment"]!["failure_reason"].Str());
        Assert.Equal(0m, await WalletAsync(company));
        var (failed, failedBody) = await client.GetJsonAsync("/api/v1/billing/payments/?status=failed");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Single(failedBody["results"]!.AsArray());

        var published = await Fixture.Events.WaitForAsync<ManualPaymentDeclined>(e => e.PaymentId == paymentId);
        Assert.Equal((await InvoiceNumberAsync(invoiceId), company, 100m, "USD", "No matching bank credit"),
            (published.InvoiceNumber, published.CompanyId, published.Amount, published.Currency, published.Reason));
        Assert.DoesNotContain(Fixture.Events.OfType<ManualPaymentApproved>(), e => e.PaymentId == paymentId);
    }

    [Fact]
    public async Task Manual_payment_errors_404_for_another_accounts_invoice_and_400_for_bad_input()
    {
        var company = NewCompany();
        var othersInvoice = await InvoiceAsync(NewCompany(), 100m);
        var invoiceId = await InvoiceAsync(company, 100m);
        using var client = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), company);

        var (foreign, foreignBody) = await client.PostJsonAsync("/api/v1/billing/payments/manual/", new { invoice_id = othersInvoice, payment_method = "bank_transfer", reference = "R" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.False(foreignBody["success"]!.GetValue<bool>());
        var (missing, _) = await client.PostJsonAsync("/api/v1/billing/payments/manual/", new { invoice_id = invoiceId, payment_method = "bank_transfer" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var (wallet, _) = await client.PostJsonAsync("/api/v1/billing/payments/manual/", new { invoice_id = invoiceId, payment_method = "local_wallet", reference = "R" });
        Assert.Equal(HttpStatusCode.BadRequest, wallet.StatusCode);
        var (badStatus, _) = await client.GetJsonAsync("/api/v1/billing/payments/?status=weird");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        // Neither a company member nor a platform user (an outside subject): no billing account.
        using var nobody = Fixture.ClientForSubject("outside-subject");
        var (forbidden, _) = await nobody.GetJsonAsync("/api/v1/billing/payments/");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var user = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), company);
        var (notAdmin, _) = await user.PostJsonAsync("/api/v1/billing/admin/invoices/", new { company_id = company, amount = "5" });
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.BillingPayments.CountAsync(p => p.AccountId == company)));
    }

    [Fact]
    public async Task An_individual_without_a_company_is_billed_on_their_own_account_and_funded_on_their_own_balance()
    {
        var userId = await Fixture.NewFundedUserAsync(0m);
        using var admin = Fixture.AdminClient();
        var (created, createdBody) = await admin.PostJsonAsync("/api/v1/billing/admin/invoices/", new { user_id = userId, amount = "300", currency = "USD" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, createdBody.ToJsonString());
        var invoiceId = createdBody["invoice"]!["id"]!.GetValue<long>();
        using var client = Fixture.ClientFor(userId);
        using var stranger = Fixture.ClientFor(await Fixture.NewFundedUserAsync(0m));

        var (invoices, invoicesBody) = await client.GetJsonAsync("/api/v1/billing/invoices/");
        var (hidden, _) = await stranger.GetJsonAsync($"/api/v1/billing/invoices/{invoiceId}/");
        var (submitted, body) = await client.PostJsonAsync("/api/v1/billing/payments/manual/", new { invoice_id = invoiceId, payment_method = "bank_transfer", reference = "SELF-1" });
        var paymentId = body["payment"]!["id"]!.GetValue<long>();
        var (approved, _) = await admin.PostJsonAsync($"/api/v1/billing/admin/payments/{paymentId}/approve/", new { });

        Assert.Equal(HttpStatusCode.OK, invoices.StatusCode);
        Assert.Equal(invoiceId, Assert.Single(invoicesBody["results"]!.AsArray())!["id"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(300m, (await Fixture.BalancesAsync(userId)).Available);
        var (_, activity) = await client.GetJsonAsync("/api/user/transactions/");
        Assert.Contains(activity["transactions"]!.AsArray(), t => t!["type"].Str() == "credit" && t["description"].Str().StartsWith("Invoice INV-", StringComparison.Ordinal));
        // The individual's own account: the event names the user, no company.
        var published = await Fixture.Events.WaitForAsync<ManualPaymentApproved>(e => e.PaymentId == paymentId);
        Assert.Equal((userId.ToString(CultureInfo.InvariantCulture), (string?)null, 300m), (published.UserId, published.CompanyId, published.Amount));
    }

    [Fact]
    public async Task Invoices_go_to_exactly_one_existing_account()
    {
        using var admin = Fixture.AdminClient();

        var (both, bothBody) = await admin.PostJsonAsync("/api/v1/billing/admin/invoices/", new { company_id = NewCompany(), user_id = 1, amount = "5" });
        var (neither, _) = await admin.PostJsonAsync("/api/v1/billing/admin/invoices/", new { amount = "5" });
        var (unknown, unknownBody) = await admin.PostJsonAsync("/api/v1/billing/admin/invoices/", new { user_id = PayoutServiceFixture.NewUserId(), amount = "5" });
        var (badCountry, _) = await admin.PostJsonAsync("/api/v1/billing/admin/invoices/", new { company_id = NewCompany(), amount = "5", country = "Nigeria" });

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("Either company_id or user_id", bothBody.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("user_id does not identify a platform user", unknownBody.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badCountry.StatusCode);
    }

    [Fact]
    public async Task A_local_wallet_payment_needs_no_country_field_the_invoice_s_billing_country_decides()
    {
        var company = NewCompany();
        using var admin = Fixture.AdminClient();
        var (_, nigerianBody) = await admin.PostJsonAsync("/api/v1/billing/admin/invoices/", new { company_id = company, amount = "50", currency = "USD", country = "ng" });
        var nigerian = nigerianBody["invoice"]!["id"]!.GetValue<long>();
        var other = NewCompany();
        var (_, americanBody) = await admin.PostJsonAsync("/api/v1/billing/admin/invoices/", new { company_id = other, amount = "50", currency = "USD", country = "US" });
        var american = americanBody["invoice"]!["id"]!.GetValue<long>();
        using var client = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), company);
        using var otherClient = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), other);

        var (methods, methodsBody) = await client.GetJsonAsync("/api/v1/billing/payment-methods/available/");
        var (paid, paidBody) = await client.PostJsonAsync("/api/v1/billing/payments/manual/", new { invoice_id = nigerian, payment_method = "local_wallet", reference = "MPESA-1" });
        var (refused, refusedBody) = await otherClient.PostJsonAsync("/api/v1/billing/payments/manual/", new { invoice_id = american, payment_method = "local_wallet", reference = "W-1" });

        Assert.Equal(HttpStatusCode.OK, methods.StatusCode);
        Assert.Equal("NG", methodsBody["country"].Str());
        Assert.Equal(["bank_transfer", "local_wallet"], methodsBody["methods"]!.AsArray().Select(m => m!["id"].Str()));
        Assert.True(paid.StatusCode == HttpStatusCode.Created, paidBody.ToJsonString());
        Assert.Equal("local_wallet", paidBody["payment"]!["payment_method"].Str());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("This payment method is not available for the account", refusedBody.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.BillingPayments.CountAsync(p => p.AccountId == other)));
    }

    [Fact]
    public async Task A_company_sees_its_own_wallet_balance_once_an_approved_manual_payment_funds_it()
    {
        var company = NewCompany();
        var other = NewCompany();
        using var member = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), company);
        using var otherMember = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), other);

        var (before, beforeBody) = await member.GetJsonAsync("/api/v1/billing/balance/");
        await Fixture.FundCompanyAsync(company, 2500m);
        await Fixture.FundCompanyAsync(other, 40.5m);
        var (after, afterBody) = await member.GetJsonAsync("/api/v1/billing/balance/");
        var (others, othersBody) = await otherMember.GetJsonAsync("/api/v1/billing/balance/");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(beforeBody["success"]!.GetValue<bool>());
        Assert.Empty(beforeBody["balances"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("company", afterBody["account_type"].Str());
        Assert.Equal(company, afterBody["account_id"].Str());
        var usd = Assert.Single(afterBody["balances"]!.AsArray())!;
        Assert.Equal("USD", usd["currency"].Str());
        Assert.Equal(2500m, usd["available"].Decimal());
        Assert.Equal(0m, usd["held"].Decimal());
        // Money as the billing family writes it: a whole amount without decimals.
        Assert.Contains("\"available\":2500,", afterBody.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
        Assert.Equal(other, othersBody["account_id"].Str());
        Assert.Equal(40.5m, Assert.Single(othersBody["balances"]!.AsArray())!["available"].Decimal());
    }

    [Fact]
    public async Task The_wallet_balance_shows_what_a_payout_under_way_holds_and_refuses_a_caller_without_an_account()
    {
        var company = NewCompany();
        await Fixture.FundCompanyAsync(company, 1000m);
        var memberId = await Fixture.NewFundedUserAsync(0m);
        var (beneficiaryId, detailsId) = await Fixture.AddBeneficiaryDetailsAsync(memberId, company);
        using var member = Fixture.ClientFor(memberId, company);
        var (paid, paidBody) = await member.PostJsonAsync("/payout/simple", new { beneficiary_id = beneficiaryId, amount = 250m, beneficiary_details_id = detailsId });
        Assert.True(paid.StatusCode == HttpStatusCode.OK, paidBody.ToJsonString());

        var (balance, body) = await member.GetJsonAsync("/api/v1/billing/balance/");
        using var nobody = Fixture.ClientForSubject("outside-subject");
        var (refused, refusedBody) = await nobody.GetJsonAsync("/api/v1/billing/balance/");

        Assert.Equal(HttpStatusCode.OK, balance.StatusCode);
        var usd = Assert.Single(body["balances"]!.AsArray())!;
        Assert.Equal((750m, 250m), (usd["available"].Decimal(), usd["held"].Decimal()));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refusedBody["success"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(refusedBody["error"].Str()));
    }

    [Fact]
    public async Task Available_methods_follow_the_country_configuration()
    {
        using var client = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), NewCompany());

        var (us, usBody) = await client.GetJsonAsync("/api/v1/billing/payment-methods/available/?country=US");
        var (ng, ngBody) = await client.GetJsonAsync("/api/v1/billing/payment-methods/available/?country=ng");
        var (bad, _) = await client.GetJsonAsync("/api/v1/billing/payment-methods/available/?country=Nigeria");

        Assert.Equal(HttpStatusCode.OK, us.StatusCode);
        Assert.Equal(["bank_transfer"], usBody["methods"]!.AsArray().Select(m => m!["id"].Str()));
        Assert.Equal(HttpStatusCode.OK, ng.StatusCode);
        Assert.Equal(["bank_transfer", "local_wallet"], ngBody["methods"]!.AsArray().Select(m => m!["id"].Str()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
