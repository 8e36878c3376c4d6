using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.ServiceDefaults.OpenApi;

/// <summary>
/// The public OpenAPI documents, one per API family of ARCHITECTURE §5, and which one a path belongs to. The app and
/// back-office APIs share seed 000 and its envelope (<see cref="ApiFamily.App"/>) but are documented apart, as §5
/// lists them: the back office by its paths below.
/// </summary>
public static class PublicApiDocuments
{
    /// <summary>The route a document is served at, by each service (its part) and by the gateway (the whole).</summary>
    public const string RoutePattern = "/openapi/{documentName}.json";

    public static readonly PublicApiDocument App = new("app", "Payouts app API",
        "A user's own payouts and bank accounts, from the app the platform is built into (seed 000, app endpoints).",
        ApiFamily.App, TrailingSlash: true, JsonNamingPolicy.SnakeCaseLower);

    public static readonly PublicApiDocument BackOffice = new("back-office", "Payouts back-office API",
        "Staff of the app: all payouts, process or reject, statistics, users' balances and accounts (seed 000, backend endpoints).",
        ApiFamily.App, TrailingSlash: true, JsonNamingPolicy.SnakeCaseLower);

    public static readonly PublicApiDocument Bulk = new("bulk", "Payouts bulk API",
        "A company pays many payees in one batch, approved with a second factor (seed 001).",
        ApiFamily.Bulk, TrailingSlash: false, JsonNamingPolicy.SnakeCaseLower);

    public static readonly PublicApiDocument SinglePayout = new("single-payout", "Payouts single-payout API",
        "One payout to a beneficiary whose bank details are on file (seed 002).",
        ApiFamily.SinglePayout, TrailingSlash: false, JsonNamingPolicy.SnakeCaseLower);

    public static readonly PublicApiDocument Billing = new("billing", "Payouts billing API",
        "A company funds its wallet: invoices, manual payments, admin approval (seed 003).",
        ApiFamily.Billing, TrailingSlash: true, JsonNamingPolicy.SnakeCaseLower);

    public static readonly PublicApiDocument Admin = new("admin", "Payouts admin API",
        "The platform's admins: the pending-payout queue, process, reject, transfer status (seed 004), and the admin operations (users, FX rates, settlement reconciliation).",
        ApiFamily.Admin, TrailingSlash: false, PropertyNaming: null);

    public static readonly IReadOnlyList<PublicApiDocument> All = [App, BackOffice, Bulk, SinglePayout, Billing, Admin];

    /// <summary>Seed 000's backend endpoints (ARCHITECTURE §5, back-office API); the rest of the app family is the app API.</summary>
    private static readonly string[] BackOfficePrefixes =
        ["/api/payouts", "/api/user/balance", "/api/bank-accounts", "/api/payment-methods"];

    public static string PathOf(string documentName) => RoutePattern.Replace("{documentName}", documentName, StringComparison.Ordinal);

    public static PublicApiDocument? Named(string name) =>
        All.FirstOrDefault(document => string.Equals(document.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The document that describes <paramref name="path"/>; null for a path outside every public API (health, internal endpoints).</summary>
    public static PublicApiDocument? For(PathString path)
    {
        if (!ApiFamilies.IsPublicApiPath(path))
        {
            return null;
        }

        return ApiFamilies.Classify(path) switch
        {
            ApiFamily.Bulk => Bulk,
            ApiFamily.SinglePayout => SinglePayout,
            ApiFamily.Billing => Billing,
            ApiFamily.Admin => Admin,
            _ => BackOfficePrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) ? BackOffice : App,
        };
    }
}
