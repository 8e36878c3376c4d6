using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Admin directory and funding (seed 004 envelope): create and read users, credit earnings.</summary>
public static class AdminUsersEndpoints
{
    public static RouteGroupBuilder MapAdminUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/users").RequireAuthorization(PayoutsPolicies.Admin).AddEndpointFilter<ApiErrorFilter>();
        group.MapPost("/", CreateUser);
        group.MapGet("/{id}", GetUser);
        group.MapPost("/{id}/credits", Credit);
        return group;
    }

    private static async Task<IResult> CreateUser(HttpRequest request, PayoutsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var fields = await request.ReadFieldsAsync(ct);
        var id = fields.PositiveLong("id") ?? throw new ApiErrorException(ApiError.Validation("id", "The id field is required."));
        var email = fields.Text("email", 320);
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
            throw new ApiErrorException(ApiError.Validation("email", "The email must be a valid email address."));
        var minimum = UserDirectory.DefaultMinimumPayout;
        if (fields["minimumPayout"] is { } minimumText
            && (!decimal.TryParse(minimumText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out minimum) || minimum < 0))
            throw new ApiErrorException(ApiError.Validation("minimumPayout", "The minimum payout must be a non-negative number."));

        var user = new DirectoryUser
        {
            Id = id, Uuid = Guid.CreateVersion7(), Email = email, FirstName = fields.Text("firstName", 100), LastName = fields.Text("lastName", 100),
            Phone = fields.Text("phone", 32), CompanyId = fields.Text("companyId", 64), MinimumPayout = minimum, CreatedAt = clock.GetUtcNow(),
        };
        db.Users.Add(user);
        if (user.CompanyId is not null && !await db.Companies.AnyAsync(c => c.Id == user.CompanyId, ct))
            db.Companies.Add(new Company { Id = user.CompanyId, CreatedAt = user.CreatedAt });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ApiErrorException(new ApiError(StatusCodes.Status409Conflict, "conflict", "A user with this id already exists"));
        }

        return ApiJson.Camel(new { success = true, data = AdminUserView.From(user, balance: 0) }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetUser(string id, UserDirectory directory, LedgerStore ledger, CancellationToken ct)
    {
        var user = await directory.FindAsync(id, ct) ?? throw new ApiErrorException(ApiError.NotFound("User not found"));
        var balances = await ledger.UserBalancesAsync(user.Id, Currencies.Default, ct);
        return ApiJson.Camel(new { success = true, data = AdminUserView.From(user, balances.GetValueOrDefault(LedgerAccountKind.Available)) });
    }

    private static async Task<IResult> Credit(string id, HttpContext http, UserDirectory directory, LedgerStore ledger,
        IdempotentOperation idempotent, PayoutsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var admin = http.RequireCaller();
        var fields = await http.Request.ReadFieldsAsync(ct);
        var errors = new Dictionary<string, string[]>();
        if (!Currencies.TryNormalize(fields["currency"] ?? Currencies.Default, out var currency))
            errors["currency"] = ["The currency must be a supported ISO 4217 code."];
        decimal amount = 0;
        if (errors.Count == 0 && AmountParser.Validate(fields["amount"], currency, out amount) is { } amountError)
            errors["amount"] = [amountError];
        var reference = fields.Text("reference", 100);
        if (reference is null) errors["reference"] = ["The reference field is required."];
        if (errors.Count > 0) throw new ApiErrorException(ApiError.Validation(errors));

        var user = await directory.FindAsync(id, ct) ?? throw new ApiErrorException(ApiError.NotFound("User not found"));
        var description = fields.Text("description", 500) ?? $"Credit {reference}";
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
                return ApiJson.Response(new
                {
                    success = true,
                    message = "Credit applied successfully",
                    data = new
                    {
                        id = record.Uuid, userId = user.Uuid, amount, currency, reference, ledgerTransactionId = posted.Id,
                        balance = balances.GetValueOrDefault(LedgerAccountKind.Available), createdAt = record.CreatedAt,
                    },
                }, ApiJson.CamelCase, StatusCodes.Status201Created);
            }, ct);
        return response.ToResult();
    }
}

/// <summary>Seed 004's user object.</summary>
public sealed record AdminUserView(Guid Id, long NumericId, string? Email, string? FirstName, string? LastName, string? Phone, string? CompanyId,
    decimal MinimumPayout, decimal? Balance)
{
    public static AdminUserView From(DirectoryUser user, decimal? balance) =>
        new(user.Uuid, user.Id, user.Email, user.FirstName, user.LastName, user.Phone, user.CompanyId, user.MinimumPayout, balance);
}
