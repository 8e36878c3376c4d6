using System.Text.Json;
using Payouts.BatchService.Application;
using Payouts.BatchService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Json;
using static Payouts.BatchService.Endpoints.CompanyCaller;

namespace Payouts.BatchService.Endpoints;

/// <summary>
/// The platform console's second factor for a company user (the token's <c>sub</c> within its <c>company_id</c>): enroll
/// a TOTP secret, then confirm it with a first code. Until confirmed it approves nothing.
/// </summary>
public static class TwoFactorEndpoints
{
    /// <summary>The claim an email-bearing token names its user by; the authenticator app lists the secret under it, or under the user id.</summary>
    private const string EmailClaim = "email";

    public static IEndpointRouteBuilder MapTwoFactorEndpoints(this IEndpointRouteBuilder app)
    {
        var twoFactor = app.MapGroup("/v1/platform/2fa").RequireAuthorization();
        twoFactor.MapPost("/enroll", Enroll).Produces<TwoFactorEnrolled>().Produces<TwoFactorRefusal>(StatusCodes.Status409Conflict)
            .WithSummary("Enroll a TOTP second factor (the secret is shown once)");
        twoFactor.MapPost("/confirm", Confirm).Accepts<TwoFactorCodeRequest>("application/json").Produces<TwoFactorConfirmed>()
            .Produces<TwoFactorRefusal>(StatusCodes.Status409Conflict).ProducesTwoFactorRefusals()
            .WithSummary("Confirm the second factor with a first code");
        return app;
    }

    private static async Task<IResult> Enroll(HttpContext http, TwoFactorEnrollments enrollments, CancellationToken ct)
    {
        var company = CompanyOf(http);
        if (company.Value is null) return company.Error!.ToResult();
        var subject = Caller.From(http.User)!.Subject;
        var accountName = http.User.FindFirst(EmailClaim)?.Value is { Length: > 0 } email ? email : subject;

        var enrolled = await enrollments.EnrollAsync(company.Value, subject, accountName, ct);
        return enrolled.Value is { } secret
            ? FamilyJson.Result(new TwoFactorEnrolled(true, secret.Secret, secret.OtpAuthUri,
                "Add this secret to your authenticator app, then confirm it with a code. It is not shown again."))
            : enrolled.Error!.ToTwoFactorResult();
    }

    private static async Task<IResult> Confirm(HttpContext http, TwoFactorEnrollments enrollments, CancellationToken ct)
    {
        var company = CompanyOf(http);
        if (company.Value is null) return company.Error!.ToResult();
        var code = await ReadCodeAsync(http.Request, ct);
        if (code.Value is null) return code.Error!.ToResult();

        var refused = await enrollments.ConfirmAsync(company.Value, Caller.From(http.User)!.Subject, code.Value, ct);
        return refused is null
            ? FamilyJson.Result(new TwoFactorConfirmed(true, "Two-factor authentication is enabled"))
            : refused.ToTwoFactorResult();
    }

    /// <summary>The body's <c>code</c>: a string (a number would lose a code's leading zeros).</summary>
    public static async Task<ApiOutcome<string>> ReadCodeAsync(HttpRequest request, CancellationToken ct)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, ct);
        if (bodyError is not null) return bodyError;
        return body.Field("code") switch
        {
            null => BatchErrors.MissingFields(["code"]),
            { ValueKind: JsonValueKind.String } code when !string.IsNullOrWhiteSpace(code.GetString()) => code.GetString()!.Trim(),
            { ValueKind: JsonValueKind.String } => BatchErrors.MissingFields(["code"]),
            _ => ApiError.BadRequest("code must be a string: the six digits of your authenticator app"),
        };
    }
}
