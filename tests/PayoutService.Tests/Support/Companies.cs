using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.BankAccounts;
using Payouts.Testing;

namespace Payouts.PayoutService.Tests.Support;

/// <summary>Companies with a funded wallet (through seed 003 billing) and beneficiary details of their own.</summary>
public static class Companies
{
    private static long _nextDetailsId = 19_000_000 + (DateTime.UtcNow.Ticks % 1_000_000) * 100;

    public static string NewCompany() => $"co-{Guid.NewGuid():N}"[..20];

    /// <summary>Funds the company's wallet the way billing does: invoice, manual payment, admin approval.</summary>
    public static async Task FundCompanyAsync(this PayoutServiceFixture fixture, string company, decimal amount, string currency = "USD")
    {
        using var admin = fixture.AdminClient();
        var (created, invoice) = await admin.PostJsonAsync("/api/v1/billing/admin/invoices/",
            new { company_id = company, amount = amount.ToString(CultureInfo.InvariantCulture), currency });
        Assert.True(created.StatusCode == HttpStatusCode.Created, invoice.ToJsonString());
        using var member = fixture.ClientFor(PayoutServiceFixture.NewUserId(), company);
        var (submitted, payment) = await member.PostJsonAsync("/api/v1/billing/payments/manual/",
            new { invoice_id = invoice["invoice"]!["id"]!.GetValue<long>(), payment_method = "bank_transfer", transaction_reference = $"WIRE-{Guid.NewGuid():N}" });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, payment.ToJsonString());
        var (approved, approvedBody) = await admin.PostJsonAsync($"/api/v1/billing/admin/payments/{payment["payment"]!["id"]!.GetValue<long>()}/approve/", new { });
        Assert.True(approved.StatusCode == HttpStatusCode.OK, approvedBody.ToJsonString());
    }

    /// <summary>Beneficiary details as BankAccountService announces them; <paramref name="companyId"/> makes them the company's.</summary>
    public static async Task<(long BeneficiaryId, long DetailsId)> AddBeneficiaryDetailsAsync(this PayoutServiceFixture fixture, long ownerId,
        string? companyId = null, string currency = "USD", long? beneficiaryId = null)
    {
        var detailsId = Interlocked.Increment(ref _nextDetailsId);
        var beneficiary = beneficiaryId ?? detailsId + 7;
        await fixture.Bus.Publish(new BeneficiaryDetailsAdded(detailsId, beneficiary, ownerId.Text(), companyId, "Access Bank", "****9876", currency, "NG",
            DateTimeOffset.UtcNow, "bank_transfer"));
        await Eventually.HoldsAsync(() => fixture.QueryAsync(db => db.BeneficiaryDestinations.AnyAsync(d => d.Id == detailsId)),
            "the beneficiary details to reach the read model", TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));

        return (beneficiary, detailsId);
    }

    public static async Task<(decimal Available, decimal Held, decimal Paid)> CompanyBalancesAsync(this PayoutServiceFixture fixture, string company,
        string currency = "USD")
    {
        var accounts = await fixture.QueryAsync(db => db.LedgerAccounts.AsNoTracking()
            .Where(a => a.OwnerType == "company" && a.OwnerId == company && a.Currency == currency).ToListAsync());
        decimal Of(string kind) => accounts.FirstOrDefault(a => a.Kind == kind)?.Balance ?? 0m;
        return (Of("available"), Of("held"), Of("paid"));
    }
}
