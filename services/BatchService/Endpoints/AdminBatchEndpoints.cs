using Payouts.BatchService.Application;
using Payouts.BatchService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Json;

namespace Payouts.BatchService.Endpoints;

/// <summary>Operators' view of a batch and its saga (issue 12 ops), any company's; admins only. Unknown ids are 404 "Batch not found".</summary>
public static class AdminBatchEndpoints
{
    public static IEndpointRouteBuilder MapAdminBatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/admin/batches/{id}", Get).RequireAuthorization(PayoutsPolicies.Admin)
            .Produces<AdminBatchResponse>().WithSummary("Get a batch and its saga's state (admin)");
        return app;
    }

    private static async Task<IResult> Get(string id, AdminBatchQueries queries, CancellationToken ct) =>
        BatchEndpoints.TryParseId(id) is { } batchId && await queries.GetAsync(batchId, ct) is { } found
            ? FamilyJson.Result(AdminBatchResponse.Of(found))
            : BatchErrors.NotFound.ToResult();
}
