using Payouts.BatchService.Application;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Json;
using static Payouts.BatchService.Endpoints.CompanyCaller;

namespace Payouts.BatchService.Endpoints;

/// <summary>Seed 001's email verification: whether a user of the platform has the email, so a company can fix payees before adding them.</summary>
public static class EmailValidationEndpoints
{
    public static IEndpointRouteBuilder MapEmailValidationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/users/validate/email/{email}", Validate).RequireAuthorization().Produces<EmailValidation>()
            .WithSummary("Check whether an email belongs to a platform user");
        return app;
    }

    private static async Task<IResult> Validate(string email, HttpContext http, PlatformUsers users, CancellationToken ct)
    {
        var company = CompanyOf(http);
        if (company.Value is null) return company.Error!.ToResult();
        // An address that is not one cannot be a user's: no need to ask.
        var address = email.Trim();
        if (!EmailAddress.IsValid(address)) return FamilyJson.Result(new EmailValidation(false));
        var found = await users.FindAsync(address, ct);
        return found.Value is { } lookup ? FamilyJson.Result(new EmailValidation(lookup.Exists)) : found.Error!.ToResult();
    }
}
