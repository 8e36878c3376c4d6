using System.Text.Json;
using Payouts.Console.Api;
using Payouts.Console.Api.Admin;
using Payouts.Console.Api.Billing;

namespace Payouts.Console.Tests.Wallet;

/// <summary>What a company user types for a manual payment: the rules the billing API applies, checked before any call.</summary>
public sealed class ManualPaymentInputTests
{
    [Theory]
    [InlineData(null, "WIRE-1", null, "Choose how you paid.")]
    [InlineData("bank_transfer", null, null, "The transaction reference is required.")]
    [InlineData("bank_transfer", "   ", "paid Monday", "The transaction reference is required.")]
    [InlineData("bank_transfer", "WIRE-1", null, null)]
    [InlineData("local_wallet", " MPESA-7 ", "  ", null)]
    public void A_payment_needs_a_method_and_a_transaction_reference(string? method, string? reference, string? notes, string? problem) =>
        Assert.Equal(problem, new ManualPaymentInput(7, method, reference, notes).Problem);

    [Fact]
    public void References_and_notes_longer_than_the_api_takes_are_refused()
    {
        Assert.Equal("The transaction reference must be at most 100 characters.", new ManualPaymentInput(7, "bank_transfer", new string('R', 101), null).Problem);
        Assert.Null(new ManualPaymentInput(7, "bank_transfer", new string('R', 100), new string('n', 500)).Problem);
        Assert.Equal("The notes must be at most 500 characters.", new ManualPaymentInput(7, "bank_transfer", "R", new string('n', 501)).Problem);
    }

    [Fact]
    public void The_body_is_seed_003s_with_blanks_left_out_and_text_trimmed()
    {
        var body = JsonSerializer.Serialize(new ManualPaymentInput(42, "bank_transfer", " WIRE-9 ", " ").ToBody(), ApiJson.SnakeCase);

        Assert.Equal("""{"invoice_id":42,"payment_method":"bank_transfer","transaction_reference":"WIRE-9"}""", body);
    }

    [Fact]
    public void A_retry_of_the_same_payment_keeps_its_key_and_a_changed_one_gets_a_new_key()
    {
        var action = new IdempotentAction();
        action.Open();
        var key = action.KeyFor(new ManualPaymentInput(1, "bank_transfer", "WIRE-1", null));

        Assert.Equal(key, action.KeyFor(new ManualPaymentInput(1, "bank_transfer", " WIRE-1 ", "")));
        Assert.NotEqual(key, action.KeyFor(new ManualPaymentInput(1, "bank_transfer", "WIRE-2", null)));
    }

    [Theory]
    [InlineData("pending_approval", null, "Pending approval")]
    [InlineData("succeeded", null, "Approved")]
    [InlineData("completed", null, "Approved")]
    [InlineData("failed", "No matching bank credit", "Declined: No matching bank credit")]
    [InlineData("failed", null, "Declined")]
    public void Payment_statuses_are_shown_in_words_a_decline_with_its_reason(string status, string? reason, string shown) =>
        Assert.Equal(shown, PaymentStatusText.Of(new BillingPayment(1, 2, 10m, "USD", "bank_transfer", status, "REF", reason, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)));
}
