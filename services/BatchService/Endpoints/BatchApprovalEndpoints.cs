using Payouts.BatchService.Application;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Json;
using static Payouts.BatchService.Endpoints.CompanyCaller;

namespace Payouts.BatchService.Endpoints;

/// <summary>
/// The platform console's final approval of a <c>ready</c> batch with a current 2FA code. Refusals of the code are
/// <c>{"success": false, "message": …}</c>; a batch of another company is 404 "Batch not found", one in another status 409.
/// </summary>
public static class BatchApprovalEndpoints
{
    public static IEndpointRouteBuilder MapBatchApprovalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/payouts/batches/{id}/approve", Approve).RequireAuthorization()
            .Accepts<TwoFactorCodeRequest>("application/json").Produces<BatchApprovedResponse>().ProducesTwoFactorRefusals()
            .WithSummary("Approve a ready batch with a 2FA code");
        return app;
    }

    private static async Task<IResult> Approve(string id, HttpContext http, BatchApprovals approvals, CancellationToken ct)
    {
        var company = CompanyOf(http);
        if (company.Value is null) return company.Error!.ToResult();
        if (!Guid.TryParse(id, out var batchId)) return BatchErrors.NotFound.ToResult();
        var code = await TwoFactorEndpoints.ReadCodeAsync(http.Request, ct);
        if (code.Value is null) return code.Error!.ToResult();

        var approved = await approvals.ApproveAsync(company.Value, Caller.From(http.User)!.Subject, batchId, code.Value, ct);
        if (approved.Value is not { } batch) return approved.Error!.ToTwoFactorResult();
        var recipients = batch.Recipients.Where(r => r.Status == RecipientStatus.Pending).ToList();
        return FamilyJson.Result(new BatchApprovedResponse(true, batch.Id, batch.Status, batch.ApprovedBy!, batch.ApprovedAt!.Value,
            recipients.Count, recipients.Sum(r => r.Amount), "Batch approved; its payouts are being processed"));
    }
}
