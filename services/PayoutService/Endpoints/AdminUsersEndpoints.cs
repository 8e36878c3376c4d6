using System.Globalization;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Admin directory and funding (seed 004 envelope): create and read users, credit earnings.</summary>
public static class AdminUsersEndpoints
{
    public static RouteGroupBuilder MapAdminUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/users").RequireAuthorization(PayoutsPolicies.Admin);
        group.MapPost("/", CreateUser).Produces<AdminResponse<AdminUserView>>(StatusCodes.Status201Created);
        group.MapGet("/{id}", GetUser).Produces<AdminResponse<AdminUserView>>();
        group.MapPost("/{id}/credits", Credit).Produces<AdminActionResponse<AppliedCredit>>(StatusCodes.Status201Created);
        return group;
    }

    private static async Task<IResult> CreateUser(HttpRequest request, UserDirectory directory, CancellationToken ct)
    {
        var (fields, bodyError) = await request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var id = fields.PositiveLong("id", errors, "The id field is required.");
        var email = fields.Text("email", 320, errors);
        if (email is not null && !email.Contains('@', StringComparison.Ordinal)) errors.Add("email", "The email must be a valid email address.");
        var minimum = UserDirectory.DefaultMinimumPayout;
        if (fields["minimumPayout"] is { } minimumText
            && (!decimal.TryParse(minimumText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out minimum) || minimum < 0))
            errors.Add("minimumPayout", "The minimum payout must be a non-negative number.");
        var user = new NewDirectoryUser(id ?? 0, email, fields.Text("firstName", 100, errors), fields.Text("lastName", 100, errors),
            fields.Text("phone", 32, errors), fields.Text("companyId", 64, errors), minimum);
        if (errors.ToError() is { } invalid) return invalid.ToResult();

        var created = await directory.CreateAsync(user, ct);
        if (created.Value is not { } saved) return created.Error!.ToResult();
        return FamilyJson.Result(AdminResponse<AdminUserView>.Of(AdminUserView.From(saved, balance: 0)), StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetUser(string id, UserDirectory directory, LedgerStore ledger, CancellationToken ct)
    {
        if (await directory.FindAsync(id, ct) is not { } user) return ApiError.NotFound("User not found").ToResult();
        var balances = await ledger.UserBalancesAsync(user.Id, Currencies.Default, ct);
        return FamilyJson.Result(AdminResponse<AdminUserView>.Of(AdminUserView.From(user, balances.GetValueOrDefault(LedgerAccountKind.Available))));
    }



    private static async Task<IResult> Credit(string id, HttpContext http, EarningsCredits credits, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } admin) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var currency = fields.Currency(errors);
        decimal amount = 0;
        if (errors.IsEmpty && AmountParser.Validate(fields["amount"], currency, out amount) is { } amountError) errors.Add("amount", amountError);
        var reference = fields.Text("reference", 100, errors, "The reference field is required.");
        var description = fields.Text("description", 500, errors) ?? $"Credit {reference}";
        if (errors.ToError() is { } invalid) return invalid.ToResult();

        var outcome = await credits.CreditAsync(admin.Subject, id, new EarningsCredit(amount, currency, reference!, description),
            http.Request.IdempotencyKey(), applied => ApiJson.Response(new AdminActionResponse<AppliedCredit>(true, "Credit applied successfully",
                new AppliedCredit(applied.Record.Uuid, applied.User.Uuid, amount, currency, reference!, applied.LedgerTransactionId, applied.Balance,
                    applied.Record.CreatedAt)), ApiFamily.Admin, StatusCodes.Status201Created), ct);
        return outcome.ToResult();
    }
}
