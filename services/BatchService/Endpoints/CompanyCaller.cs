using Payouts.BatchService.Application;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.BatchService.Endpoints;

/// <summary>Seed 001: "the API token will automatically provide the company context" — its <c>company_id</c> claim.</summary>
public static class CompanyCaller
{
    /// <summary>The caller's company; 403 in the bulk envelope for a token that names none.</summary>
    public static ApiOutcome<string> CompanyOf(HttpContext http) =>
        Caller.From(http.User)?.CompanyId is { } company ? company : BatchErrors.NoCompany;
}
