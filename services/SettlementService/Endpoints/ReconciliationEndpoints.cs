using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Json;
using Payouts.SettlementService.Application;

namespace Payouts.SettlementService.Endpoints;

/// <summary>
/// <c>GET /api/admin/settlement/reconciliation</c>: transfers whose outcome is still open or flagged, each beside the
/// provider's live answer, and whether the two disagree. <c>GET …/reconciliation/finished</c>: a page of transfers
/// that finished (completed or failed) in a window, checked against the provider, and the ones that disagree.
/// </summary>
public static class ReconciliationEndpoints
{
    public static IEndpointRouteBuilder MapReconciliationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/settlement/reconciliation", GetReport).RequireAuthorization(PayoutsPolicies.Admin).Produces<ReconciliationReport>();
        app.MapGet("/api/admin/settlement/reconciliation/finished", GetFinishedReport).RequireAuthorization(PayoutsPolicies.Admin)
            .Produces<FinishedTransfersReport>();
        return app;
    }

    private static async Task<IResult> GetFinishedReport(
        HttpRequest request, ReconciliationReports reports, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!FinishedReportQuery.TryParse(request.Query, time.GetUtcNow(), out var query, out var error))
        {
            return error!.ToResult();
        }

        var data = await reports.FinishedAsync(query.From, query.To, query.Status, query.Page, query.Limit, cancellationToken);
        return FamilyJson.Result(new FinishedTransfersReport(data));
    }

    private static async Task<IResult> GetReport(ReconciliationReports reports, CancellationToken cancellationToken) =>
        FamilyJson.Result(new ReconciliationReport(await reports.OpenAsync(cancellationToken)));
}
