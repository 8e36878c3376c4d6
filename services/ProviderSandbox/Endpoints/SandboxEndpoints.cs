using Payouts.ProviderSandbox.Authentication;
using Payouts.ProviderSandbox.Configuration;
using Payouts.ProviderSandbox.Domain;
using Payouts.ProviderSandbox.Application;

namespace Payouts.ProviderSandbox.Endpoints;

/// <summary>
/// What only a sandbox has: the beneficiary's view (credits received, e.g. micro-deposits) and the admin knobs for
/// latency, failure rate and balances.
/// </summary>
public static class SandboxEndpoints
{
    public static IEndpointRouteBuilder MapSandboxEndpoints(this IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup("/sandbox").RequireAuthorization(ApiKeyAuthentication.Policy);
        sandbox.MapGet("/credits", ListCredits);

        var admin = sandbox.MapGroup("/admin");
        admin.MapGet("/knobs", (SandboxKnobs knobs) => TypedResults.Ok(new ProviderResponse<KnobSettings>(knobs.Current)));
        admin.MapPut("/knobs", UpdateKnobs);
        admin.MapDelete("/knobs", (SandboxKnobs knobs) => TypedResults.Ok(new ProviderResponse<KnobSettings>(knobs.Reset())));
        admin.MapPut("/accounts/{accountId}/balances/{currency}", SetBalance);
        return app;
    }

    /// <summary>
    /// <c>GET /sandbox/credits?accountNumber=…[&amp;bankCode=…]</c> (or <c>email=…</c>, <c>connectedAccountId=…</c>): every
    /// transfer sent to that beneficiary, newest first, as its bank statement would list them. Only <c>completed</c> ones
    /// credited the beneficiary. This is the one place the sandbox is asked by account number.
    /// </summary>
    private static async Task<IResult> ListCredits(
        string? accountNumber, string? bankCode, string? email, string? connectedAccountId,
        TransferQueries transfers, CancellationToken cancellationToken)
    {
        var given = new[] { accountNumber, email, connectedAccountId }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given != 1)
        {
            return new ProviderError(FailureCodes.ValidationError, "Give exactly one of accountNumber, email or connectedAccountId")
                .ToResult(StatusCodes.Status400BadRequest);
        }

        var (rail, destination) = !string.IsNullOrWhiteSpace(accountNumber) ? (Rails.BankTransfer, accountNumber.Trim())
            : !string.IsNullOrWhiteSpace(email) ? (Rails.PayPal, email.Trim().ToLowerInvariant())
            : (Rails.Stripe, connectedAccountId!.Trim());
        var credits = await transfers.CreditsAsync(rail, destination, string.IsNullOrWhiteSpace(bankCode) ? null : bankCode.Trim(), cancellationToken);
        return TypedResults.Ok(new ProviderResponse<TransferResponse[]>([.. credits.Select(TransferResponse.From)]));
    }

    private static IResult UpdateKnobs(KnobsUpdate update, SandboxKnobs knobs)
    {
        if (update.FailureRate is < 0 or > 1)
        {
            return new ProviderError(FailureCodes.ValidationError, "failureRate must be between 0 and 1").ToResult(StatusCodes.Status400BadRequest);
        }

        if (update.Latency < TimeSpan.Zero || update.DelayedFailureAfter < TimeSpan.Zero || update.TimeoutHold < TimeSpan.Zero)
        {
            return new ProviderError(FailureCodes.ValidationError, "Durations must not be negative").ToResult(StatusCodes.Status400BadRequest);
        }

        var current = knobs.Update(k => new KnobSettings(
            update.Latency ?? k.Latency,
            update.FailureRate ?? k.FailureRate,
            update.DelayedFailureAfter ?? k.DelayedFailureAfter,
            update.TimeoutHold ?? k.TimeoutHold));
        return TypedResults.Ok(new ProviderResponse<KnobSettings>(current));
    }

    /// <summary>Sets (or opens) a debit account's balance in one currency, e.g. to provoke insufficient funds.</summary>
    private static async Task<IResult> SetBalance(
        string accountId, string currency, BalanceUpdate update, DebitAccounts accounts, CancellationToken cancellationToken)
    {
        currency = currency.ToUpperInvariant();
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper) || accountId.Length > 64
            || update.Balance is not { } balance || balance < 0 || decimal.Round(balance, 4) != balance)
        {
            return new ProviderError(FailureCodes.ValidationError, "Give a 3-letter currency and a balance of at least 0 with at most 4 decimal places")
                .ToResult(StatusCodes.Status400BadRequest);
        }

        var balances = await accounts.SetBalanceAsync(accountId, currency, balance, cancellationToken);
        return TypedResults.Ok(new ProviderResponse<AccountResponse>(AccountResponse.From(accountId, balances)));
    }
}

/// <summary>Body of <c>PUT /sandbox/admin/knobs</c>: only the given knobs change.</summary>
public sealed record KnobsUpdate(TimeSpan? Latency, double? FailureRate, TimeSpan? DelayedFailureAfter, TimeSpan? TimeoutHold);

/// <summary>Body of <c>PUT /sandbox/admin/accounts/{accountId}/balances/{currency}</c>.</summary>
public sealed record BalanceUpdate(decimal? Balance);
