using Payouts.BankAccountService.Application;
using Payouts.BankAccountService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.ApiResponses;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>Seed 000's bank account endpoints: add or replace, list, verify, delete. Bodies are form-encoded or JSON.</summary>
public static class BankAccountEndpoints
{
    private const int MaxTextLength = 100;
    private static readonly string[] AccountTypes = ["checking", "savings"];

    public static IEndpointRouteBuilder MapBankAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/update/bank-account", UpdateBankAccount).RequireAuthorization().Produces<BankAccountSubmitted>();
        app.MapPost("/api/bank-accounts", ListBankAccounts).RequireAuthorization().Produces<BankAccountList>();
        app.MapPost("/api/bank-accounts/verify", VerifyBankAccount).RequireAuthorization().Produces<StatusMessage>();
        app.MapPost("/api/bank-accounts/delete", DeleteBankAccount).RequireAuthorization().Produces<StatusMessage>();
        return app;
    }

    private static async Task<IResult> UpdateBankAccount(HttpRequest request, BankAccountUpdates updates)
    {
        if (Caller.From(request.HttpContext.User) is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var submission = ReadSubmission(fields, errors);
        if (submission is null) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var outcome = await updates.SubmitAsync(caller, submission);
        if (outcome.Value is not { } submitted) return outcome.Error!.ToResult();
        return FamilyJson.Result(new BankAccountSubmitted(
            // Seed 000 answers its Update Bank Account with one text, whether the account was added, replaced or changed.
            submitted.NewDeposits ? "New verification deposits are on their way" : "Bank account updated successfully",
            submitted.Account.Id,
            submitted.Account.VerificationStatus));
    }

    private static async Task<IResult> ListBankAccounts(HttpRequest request, BankAccountQueries queries)
    {
        if (Caller.From(request.HttpContext.User) is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var requestedUserId = fields.Text("user_id", errors, MaxTextLength, required: false);
        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var accounts = await queries.ListAsync(caller, requestedUserId, request.HttpContext.RequestAborted);
        return accounts is null
            ? ApiError.NotFound("User not found").ToResult()
            : FamilyJson.Result(new BankAccountList(accounts.Select(BankAccountResponse.From)));
    }

    private static async Task<IResult> VerifyBankAccount(HttpRequest request, BankAccountUpdates updates)
    {
        if (Caller.From(request.HttpContext.User) is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var accountId = fields.Text("bank_account_id", errors, 40, required: true);
        var first = VerificationAmount(fields, "verification_amount_1", errors);
        var second = VerificationAmount(fields, "verification_amount_2", errors);
        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        if (await updates.VerifyAsync(caller, accountId!, first!.Value, second!.Value) is not { } verification)
            return BankAccountErrors.NotFound.ToResult();
        var (outcome, account) = verification;
        return outcome switch
        {
            VerificationOutcome.Verified => FamilyJson.Result(StatusMessage.Success("Bank account verified successfully")),
            VerificationOutcome.AlreadyVerified => BankAccountErrors.AlreadyVerified.ToResult(),
            VerificationOutcome.Locked => BankAccountErrors.VerificationFailed.ToResult(),
            VerificationOutcome.Expired => BankAccountErrors.VerificationExpired.ToResult(),
            VerificationOutcome.DepositsFailed => BankAccountErrors.DepositsFailed.ToResult(),
            _ => BankAccountErrors.AmountsMismatch(account.RemainingVerificationAttempts).ToResult(),
        };
    }

    private static async Task<IResult> DeleteBankAccount(HttpRequest request, BankAccountUpdates updates)
    {
        if (Caller.From(request.HttpContext.User) is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var accountId = fields.Text("bank_account_id", errors, 40, required: true);
        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        return await updates.DeleteAsync(caller, accountId!) is null
            ? BankAccountErrors.NotFound.ToResult()
            : FamilyJson.Result(StatusMessage.Success("Bank account deleted successfully"));
    }

    /// <summary>The add-or-replace body with seed 000's per-field messages; null when <paramref name="errors"/> has any.</summary>
    private static BankAccountSubmission? ReadSubmission(RequestFields fields, FieldErrors errors)
    {
        var bankName = fields.Text("bank_name", errors, MaxTextLength, required: true);
        var accountNumber = fields.Text("account_number", errors, 40, required: true);
        var routingNumber = fields.Text("routing_number", errors, 20, required: false);
        var bankCode = fields.Text("bank_code", errors, 11, required: false);
        var accountType = fields.Text("account_type", errors, 20, required: true);
        var holderName = fields.Text("account_holder_name", errors, MaxTextLength, required: true);
        var country = fields.Text("country", errors, 60, required: false);
        var currency = fields.Text("currency", errors, 3, required: false);
        var makePrimary = fields.Boolean("is_primary", errors);
        var replacesId = fields.Text("bank_account_id", errors, 40, required: false);
        var requestedUserId = fields.Text("user_id", errors, MaxTextLength, required: false);
        if (accountType is not null && !AccountTypes.Contains(accountType))
        {
            errors.Add("account_type", "The account type must be checking or savings.");
        }

        BankDestination? destination = null;
        if (!errors.Has("account_number") && !errors.Has("country"))
        {
            destination = BankDestination.Create(country, currency, accountNumber, routingNumber, bankCode, errors);
        }

        return errors.IsEmpty
            ? new BankAccountSubmission(bankName!, holderName!, accountType!, destination!, makePrimary, replacesId, requestedUserId)
            : null;
    }

    /// <summary>A verification amount in 0.01–0.99 with at most two decimals, as cents.</summary>
    private static int? VerificationAmount(RequestFields fields, string field, FieldErrors errors)
    {
        var amount = fields.Decimal(field, errors, required: true);
        if (amount is null) return null;
        var cents = MicroDepositAmounts.ToCents(amount.Value);
        if (cents is null) errors.Add(field, "Verification amounts are between 0.01 and 0.99 with at most two decimals.");
        return cents;
    }
}
