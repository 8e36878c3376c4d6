using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

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
        return ApiJson.Camel(AdminResponse<AdminUserView>.Of(AdminUserView.From(saved, balance: 0)), StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetUser(string id, UserDirectory directory, LedgerStore ledger, CancellationToken ct)
    {
        if (await directory.FindAsync(id, ct) is not { } user) return UserNotFound.ToResult();
        var balances = await ledger.UserBalancesAsync(user.Id, Currencies.Default, ct);
        return ApiJson.Camel(AdminResponse<AdminUserView>.Of(AdminUserView.From(user, balances.GetValueOrDefault(LedgerAccountKind.Available))));
    }

    private static readonly ApiError UserNotFound = ApiError.NotFound("User not found");

    private static async Task<IResult> Credit(string id, HttpContext http, UserDirectory directory, LedgerStore ledger,
        IdempotentOperation idempotent, PayoutsDbContext db, TimeProvider clock, CancellationToken ct)
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

        if (await directory.FindAsync(id, ct) is not { } user) return UserNotFound.ToResult();
        var response = await idempotent.RunAsync($"admin:{admin.Subject}:credit:{user.Id}", http.Request.IdempotencyKey(),
            $"{user.Id}|{amount}|{currency}|{reference}|{description}", async () =>
            {
                var posted = await ledger.PostAsync(LedgerPosting.Credit(user.Id, amount, currency, reference!), ct);
                var record = new UserTransaction
                {
                    Uuid = Guid.CreateVersion7(), UserId = user.Id, Type = UserTransactionType.Credit, Status = "completed", Amount = amount,
                    Currency = currency, Description = description, Reference = reference, CreatedAt = clock.GetUtcNow(),
                };
                db.UserTransactions.Add(record);
                await db.SaveChangesAsync(ct);
                var balances = await ledger.UserBalancesAsync(user.Id, currency, ct);
                return ApiJson.Response(new AdminActionResponse<AppliedCredit>(true, "Credit applied successfully", new AppliedCredit(
                    record.Uuid, user.Uuid, amount, currency, reference!, posted.Id, balances.GetValueOrDefault(LedgerAccountKind.Available),
                    record.CreatedAt)), ApiJson.CamelCase, StatusCodes.Status201Created);
            }, ct);
        return response.ToResult();
    }
}
