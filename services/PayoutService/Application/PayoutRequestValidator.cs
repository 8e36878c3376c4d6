using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Fx;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Application;

/// <summary>A payout request that passed every check that does not need the balance lock.</summary>
public sealed record ValidPayoutRequest(PaymentMethod Method, decimal Amount, decimal Fees, string Currency, long? BankAccountId,
    string? PaypalEmail, string? StripeAccount, string? Notes, FxQuote? Fx = null)
{
    public Payout ToPayout(DirectoryUser user)
    {
        var payout = new Payout
        {
            Uuid = Guid.CreateVersion7(), Reference = "", UserId = user.Id, CompanyId = user.CompanyId, Amount = Amount, Fees = Fees,
            NetAmount = Amount - Fees, Currency = Currency, Method = Method.Id, BankAccountId = BankAccountId, PaypalEmail = PaypalEmail,
            StripeAccount = StripeAccount, Notes = Notes,
        };
        if (Fx is not null) payout.LockRate(Fx);
        return payout;
    }
}

/// <summary>Seed 000 request rules: fields, method limits, the user's minimum, fees, and the destination. The first problem is the answer.</summary>
public static class PayoutRequestValidator
{
    public static async Task<ApiOutcome<ValidPayoutRequest>> ValidateAsync(RequestFields fields, DirectoryUser user, PayoutsDbContext db,
        PayoutDestinations destinations, CancellationToken ct)
    {
        var methodId = fields["method"];
        if (methodId is null) return ApiError.Validation("method", "The method field is required.");
        var method = await db.PaymentMethods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == methodId && m.Enabled, ct);
        if (method is null) return ApiError.Validation("method", "Unsupported payout method");
        if (!Currencies.TryNormalize(fields["currency"] ?? Currencies.Default, out var currency))
            return ApiError.Validation("currency", "The currency must be a supported ISO 4217 code.");
        if (AmountParser.Validate(fields["amount"], currency, out var amount) is { } amountError)
            return ApiError.Validation("amount", amountError);
        if (amount > method.MaximumAmount)
            return new ApiError(StatusCodes.Status400BadRequest, "payout_limit_exceeded", "Payout amount exceeds maximum limit");
        if (amount < Math.Max(method.MinimumAmount, user.MinimumPayout))
            return ApiError.Validation("amount", "Amount must be greater than minimum payout amount");
        var fees = method.FeeFor(amount, currency);
        if (fees >= amount) return ApiError.Validation("amount", "Amount must be greater than the method's fees");
        var errors = new FieldErrors();
        var notes = fields.Text("notes", 500, errors);
        if (errors.ToError() is { } notesError) return notesError;

        switch (method.Id)
        {
            case PaymentMethodIds.BankTransfer:
                var accountId = fields.PositiveLong("bank_account_id", errors, "The bank account id field is required.");
                if (errors.ToError() is { } accountIdError) return accountIdError;
                var subject = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var lookup = await destinations.BankAccountAsync(accountId!.Value, ct);
                if (lookup.Unavailable is { } unavailable) return unavailable;
                var account = lookup.Found;
                // Someone else's, deleted, or not yet known account: the same answer, so ids reveal nothing.
                if (account is null || account.UserId != subject || account.Deleted || !account.Known)
                    return ApiError.Validation("bank_account_id", "Bank account not found");
                if (!account.Verified)
                    return new ApiError(StatusCodes.Status400BadRequest, "bank_account_not_verified", "Bank account must be verified before payout");
                var fx = await SettlementQuoteAsync(db, currency, account.Currency, amount - fees, ct);
                if (fx.Error is { } fxError) return fxError;
                return new ValidPayoutRequest(method, amount, fees, currency, accountId, null, null, notes, fx.Value?.Quote);
            case PaymentMethodIds.PayPal:
                var email = fields.Text("paypal_email", 320, errors);
                if (email is null || email.IndexOf('@', StringComparison.Ordinal) is < 1 || email.EndsWith('@'))
                    return ApiError.Validation("paypal_email", "A valid paypal email is required.");
                return new ValidPayoutRequest(method, amount, fees, currency, null, email, null, notes);
            case PaymentMethodIds.Stripe:
                var stripeAccount = fields.Text("stripe_account", 64, errors);
                if (stripeAccount is null || !stripeAccount.StartsWith("acct_", StringComparison.Ordinal))
                    return ApiError.Validation("stripe_account", "A stripe account id (acct_…) is required.");
                return new ValidPayoutRequest(method, amount, fees, currency, null, null, stripeAccount, notes);
            default:
                // A check is mailed to the user's address on file: no destination field.
                return new ValidPayoutRequest(method, amount, fees, currency, null, null, null, notes);
        }
    }

    /// <summary>
    /// No quote when the account takes the payout's currency; else the configured rate applied to <paramref name="netAmount"/>.
    /// No rate for the pair, or a fee that takes everything, is a validation error (nothing is held).
    /// </summary>
    private static async Task<ApiOutcome<SettlementQuote>> SettlementQuoteAsync(PayoutsDbContext db, string currency, string accountCurrency,
        decimal netAmount, CancellationToken ct)
    {
        // An account whose currency BankAccountService did not state takes the payout's currency.
        if (!Currencies.TryNormalize(accountCurrency, out var settlementCurrency) || settlementCurrency == currency) return SettlementQuote.SameCurrency;
        var rate = await db.FxRates.AsNoTracking()
            .FirstOrDefaultAsync(r => r.BaseCurrency == currency && r.QuoteCurrency == settlementCurrency && r.Enabled, ct);
        if (rate is null)
            return ApiError.Validation("bank_account_id", $"Payouts in {currency} to a {settlementCurrency} bank account are not supported.");
        var quote = rate.Quote(netAmount);
        return quote.PaysSomething
            ? new SettlementQuote(quote)
            : ApiError.Validation("amount", $"Amount must be greater than the {quote.ProcessingFee} {settlementCurrency} processing fee.");
    }

    /// <summary>The conversion a payout locks; <see cref="Quote"/> is null when no conversion is needed.</summary>
    private sealed record SettlementQuote(FxQuote? Quote)
    {
        public static readonly SettlementQuote SameCurrency = new((FxQuote?)null);
    }
}
