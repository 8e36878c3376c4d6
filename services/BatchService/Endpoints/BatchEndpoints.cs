using System.Globalization;
using System.Text.Json;
using Payouts.BatchService.Application;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;
using static Payouts.BatchService.Endpoints.CompanyCaller;

namespace Payouts.BatchService.Endpoints;

/// <summary>
/// Seed 001's batches under <c>/v1/payouts</c>, scoped to the token's company, plus the console's ready and cancel. Errors are
/// <c>{"error": "..."}</c>; a batch of another company, or an id that is no batch id, is 404 "Batch not found".
/// </summary>
public static class BatchEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        var payouts = app.MapGroup("/v1/payouts").RequireAuthorization();
        payouts.MapPost("/batch", Create).Produces<BatchCreated>().WithSummary("Create a payout batch");
        payouts.MapGet("/batches/{id}", Get).Produces<BatchDetails>().WithSummary("Get a payout batch with its recipients");
        payouts.MapGet("/batches/{id}/status", Status).Produces<BatchStatusResponse>().WithSummary("Get a payout batch's status");
        payouts.MapPost("/batches/{id}/recipients", AddRecipients).Produces<RecipientsAddedResponse>().WithSummary("Add recipients to a draft batch");
        payouts.MapPost("/batches/{id}/ready", MarkReady).Produces<BatchStatusResponse>().WithSummary("Mark a draft batch ready for approval");
        payouts.MapPost("/batches/{id}/cancel", Cancel).Produces<BatchStatusResponse>().WithSummary("Cancel a draft or ready batch");
        payouts.MapGet("", List).Produces<BatchList>().WithSummary("List the company's payout batches");
        return app;
    }

    private static async Task<IResult> Create(HttpContext http, BatchCommands commands, CancellationToken ct)
    {
        var company = CompanyOf(http);
        if (company.Value is null) return company.Error!.ToResult();
        var (body, bodyError) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (bodyError is not null) return bodyError.ToResult();

        var reference = body.Field("payment_reference");
        var payees = body.Field("payees");
        var missing = new[] { ("payment_reference", IsBlank(reference)), ("payees", payees is null) }.Where(f => f.Item2).Select(f => f.Item1).ToList();
        if (missing.Count > 0) return BatchErrors.MissingFields(missing).ToResult();
        if (ReferenceProblem(reference!.Value) is { } invalidReference) return invalidReference.ToResult();
        var read = PayeeListReader.Read(payees!.Value);
        if (read.Value is not { } newPayees) return read.Error!.ToResult();

        var created = await commands.CreateAsync(company.Value, reference.Value.GetString()!.Trim(), newPayees, ct);
        return created.Value is { } batch ? FamilyJson.Result(BatchCreated.Of(batch)) : created.Error!.ToResult();
    }

    private static async Task<IResult> Get(string id, HttpContext http, BatchQueries queries, CancellationToken ct)
    {
        var company = CompanyOf(http);
        if (company.Value is null) return company.Error!.ToResult();
        return TryParseId(id) is { } batchId && await queries.GetAsync(company.Value, batchId, ct) is { } batch
            ? FamilyJson.Result(BatchDetails.Of(batch))
            : BatchErrors.NotFound.ToResult();
    }

    private static async Task<IResult> Status(string id, HttpContext http, BatchQueries queries, CancellationToken ct)
    {
        var company = CompanyOf(http);
        if (company.Value is null) return company.Error!.ToResult();
        return TryParseId(id) is { } batchId && await queries.GetSummaryAsync(company.Value, batchId, ct) is { } batch
            ? FamilyJson.Result(BatchStatusResponse.Of(batch))
            : BatchErrors.NotFound.ToResult();
    }

    private static async Task<IResult> AddRecipients(string id, HttpContext http, BatchCommands commands, CancellationToken ct)
    {
        var company = CompanyOf(http);
        if (company.Value is null) return company.Error!.ToResult();
        if (TryParseId(id) is not { } batchId) return BatchErrors.NotFound.ToResult();
        var (body, bodyError) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (bodyError is not null) return bodyError.ToResult();

        if (body.Field("payees") is not { } payees) return BatchErrors.MissingFields(["payees"]).ToResult();
        var read = PayeeListReader.Read(payees);
        if (read.Value is not { } newPayees) return read.Error!.ToResult();
        if (newPayees.Count == 0) return ApiError.BadRequest("payees must list at least one payee").ToResult();

        var added = await commands.AddRecipientsAsync(company.Value, batchId, newPayees, ct);
        return added.Value is { } result ? FamilyJson.Result(RecipientsAddedResponse.Of(result)) : added.Error!.ToResult();
    }

    private static Task<IResult> MarkReady(string id, HttpContext http, BatchCommands commands, CancellationToken ct) =>
        ChangeAsync(id, http, (company, batchId) => commands.MarkReadyAsync(company, batchId, ct));

    private static Task<IResult> Cancel(string id, HttpContext http, BatchCommands commands, CancellationToken ct) =>
        ChangeAsync(id, http, (company, batchId) => commands.CancelAsync(company, batchId, ct));

    private static async Task<IResult> ChangeAsync(string id, HttpContext http, Func<string, Guid, Task<ApiOutcome<Batch>>> change)
    {
        var company = CompanyOf(http);
        if (company.Value is null) return company.Error!.ToResult();
        if (TryParseId(id) is not { } batchId) return BatchErrors.NotFound.ToResult();
        var changed = await change(company.Value, batchId);
        return changed.Value is { } batch ? FamilyJson.Result(BatchStatusResponse.Of(batch)) : changed.Error!.ToResult();
    }

    private static async Task<IResult> List(HttpContext http, BatchQueries queries, string? page, string? limit, CancellationToken ct)
    {
        var company = CompanyOf(http);
        if (company.Value is null) return company.Error!.ToResult();
        var errors = new FieldErrors();
        var paging = Paging.From(WholeNumber(page, "page", errors), WholeNumber(limit, "limit", errors), DefaultLimit, MaxLimit, errors);
        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var found = await queries.ListAsync(company.Value, paging, ct);
        return FamilyJson.Result(new BatchList(
            [.. found.Batches.Select(BatchListItem.Of)],
            new BatchListPagination(paging.Page, paging.Limit, found.Total, paging.TotalPages(found.Total))));
    }

    private static bool IsBlank(JsonElement? field) => field is null || (field.Value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(field.Value.GetString()));

    private static ApiError? ReferenceProblem(JsonElement reference) =>
        reference.ValueKind != JsonValueKind.String ? ApiError.BadRequest("payment_reference must be a string")
        : PaymentReference.Check(reference.GetString()!.Trim()) is { } problem ? ApiError.BadRequest(problem)
        : null;

    internal static Guid? TryParseId(string id) => Guid.TryParse(id, out var batchId) ? batchId : null;

    private static int? WholeNumber(string? text, string name, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(name, $"The {name} must be a whole number.");
        return null;
    }
}
