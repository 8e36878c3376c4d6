using Payouts.BankAccountService.Application;
using Payouts.BankAccountService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.ApiResponses;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>Beneficiaries and their payment details under <c>/beneficiaries</c>, in seed 002's envelope.</summary>
public static class BeneficiaryEndpoints
{
    public static IEndpointRouteBuilder MapBeneficiaryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/beneficiaries").RequireAuthorization();
        group.MapPost("", Create).Produces<SinglePayoutResponse<BeneficiaryResponse>>(StatusCodes.Status201Created);
        group.MapGet("", List).Produces<SinglePayoutResponse<IEnumerable<BeneficiaryResponse>>>();
        group.MapGet("{id}", Get).Produces<SinglePayoutResponse<BeneficiaryResponse>>();
        group.MapPut("{id}", Update).Produces<SinglePayoutResponse<BeneficiaryResponse>>();
        group.MapDelete("{id}", Delete).Produces<SinglePayoutResponse<object?>>();
        group.MapPost("{id}/details", AddDetails).Produces<SinglePayoutResponse<BeneficiaryDetailsResponse>>(StatusCodes.Status201Created);
        group.MapGet("{id}/details", ListDetails).Produces<SinglePayoutResponse<IEnumerable<BeneficiaryDetailsResponse>>>();
        group.MapDelete("{id}/details/{detailsId}", DeleteDetails).Produces<SinglePayoutResponse<object?>>();
        return app;
    }

    private static async Task<IResult> Create(HttpRequest request, BeneficiaryUpdates updates)
    {
        if (Caller.From(request.HttpContext.User) is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var profile = BeneficiaryRequest.Read(fields, errors);
        if (profile is null) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var beneficiary = await updates.CreateAsync(caller, profile);
        return SinglePayoutEnvelope.Ok(BeneficiaryResponse.From(beneficiary), StatusCodes.Status201Created);
    }

    private static async Task<IResult> List(HttpContext context, BeneficiaryQueries queries, string? user_id)
    {
        if (Caller.From(context.User) is not { } caller) return Caller.Unidentified.ToResult();
        var beneficiaries = await queries.ListAsync(caller, string.IsNullOrWhiteSpace(user_id) ? null : user_id, context.RequestAborted);
        return beneficiaries is null
            ? ApiError.NotFound("User not found").ToResult()
            : SinglePayoutEnvelope.Ok(beneficiaries.Select(BeneficiaryResponse.From));
    }

    private static async Task<IResult> Get(HttpContext context, BeneficiaryQueries queries, string id)
    {
        if (Caller.From(context.User) is not { } caller) return Caller.Unidentified.ToResult();
        var beneficiary = await queries.FindAsync(caller, id);
        return beneficiary is null ? BeneficiaryErrors.NotFound.ToResult() : SinglePayoutEnvelope.Ok(BeneficiaryResponse.From(beneficiary));
    }

    private static async Task<IResult> Update(HttpRequest request, BeneficiaryQueries queries, BeneficiaryUpdates updates, string id)
    {
        if (Caller.From(request.HttpContext.User) is not { } caller) return Caller.Unidentified.ToResult();
        // An unknown beneficiary is a 404 whatever the body holds.
        if (await queries.FindAsync(caller, id) is not { } known) return BeneficiaryErrors.NotFound.ToResult();
        if (BeneficiaryQueries.ChangeRefusal(caller, known) is { } refusal) return refusal.ToResult();

        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var profile = BeneficiaryRequest.Read(fields, errors);
        if (profile is null) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var beneficiary = await updates.UpdateAsync(caller, id, profile);
        return beneficiary is null ? BeneficiaryErrors.NotFound.ToResult() : SinglePayoutEnvelope.Ok(BeneficiaryResponse.From(beneficiary));
    }

    private static async Task<IResult> Delete(HttpContext context, BeneficiaryQueries queries, BeneficiaryUpdates updates, string id)
    {
        if (Caller.From(context.User) is not { } caller) return Caller.Unidentified.ToResult();
        if (await queries.FindAsync(caller, id) is { } known && BeneficiaryQueries.ChangeRefusal(caller, known) is { } refusal) return refusal.ToResult();
        return await updates.DeleteAsync(caller, id) is null
            ? BeneficiaryErrors.NotFound.ToResult()
            : SinglePayoutEnvelope.Ok<object?>(null, message: "Beneficiary deleted successfully");
    }

    private static async Task<IResult> AddDetails(HttpRequest request, BeneficiaryQueries queries, BeneficiaryUpdates updates, string id)
    {
        if (Caller.From(request.HttpContext.User) is not { } caller) return Caller.Unidentified.ToResult();
        var beneficiary = await queries.FindAsync(caller, id);
        if (beneficiary is null) return BeneficiaryErrors.NotFound.ToResult();
        if (BeneficiaryQueries.ChangeRefusal(caller, beneficiary) is { } refusal) return refusal.ToResult();

        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var bankName = fields.Text("bank_name", errors, 100, required: true);
        var holderName = fields.Text("account_holder_name", errors, 100, required: false) ?? beneficiary.CustomerName;
        var accountNumber = fields.Text("account_number", errors, 40, required: true);
        var routingNumber = fields.Text("routing_number", errors, 20, required: false);
        var bankCode = fields.Text("bank_code", errors, 11, required: false);
        var currency = fields.Text("currency", errors, 3, required: false);
        var country = fields.Text("country", errors, 60, required: true);
        BankDestination? destination = null;
        if (!errors.Has("account_number") && !errors.Has("country") && country is not null)
        {
            destination = BankDestination.Create(country, currency, accountNumber, routingNumber, bankCode, errors);
        }

        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var outcome = await updates.AddDetailsAsync(caller, id, new BeneficiaryDetailsSubmission(bankName!, holderName, destination!));
        return outcome.Value is { } details
            ? SinglePayoutEnvelope.Ok(BeneficiaryDetailsResponse.From(details), StatusCodes.Status201Created)
            : outcome.Error!.ToResult();
    }

    private static async Task<IResult> ListDetails(HttpContext context, BeneficiaryQueries queries, string id)
    {
        if (Caller.From(context.User) is not { } caller) return Caller.Unidentified.ToResult();
        var details = await queries.ListDetailsAsync(caller, id, context.RequestAborted);
        return details is null ? BeneficiaryErrors.NotFound.ToResult() : SinglePayoutEnvelope.Ok(details.Select(BeneficiaryDetailsResponse.From));
    }

    private static async Task<IResult> DeleteDetails(HttpContext context, BeneficiaryQueries queries, BeneficiaryUpdates updates, string id, string detailsId)
    {
        if (Caller.From(context.User) is not { } caller) return Caller.Unidentified.ToResult();
        if (await queries.FindAsync(caller, id) is { } known && BeneficiaryQueries.ChangeRefusal(caller, known) is { } refusal) return refusal.ToResult();
        var error = await updates.DeleteDetailsAsync(caller, id, detailsId);
        return error?.ToResult() ?? SinglePayoutEnvelope.Ok<object?>(null, message: "Beneficiary details deleted successfully");
    }
}
