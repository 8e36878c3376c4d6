using Microsoft.AspNetCore.Http.HttpResults;
using Payouts.ProviderSandbox.Authentication;
using Payouts.ProviderSandbox.Configuration;
using Payouts.ProviderSandbox.Domain;
using Payouts.ProviderSandbox.Application;

namespace Payouts.ProviderSandbox.Endpoints;

/// <summary>The provider's transfer API: create (idempotent on payment reference), get by id, find by payment reference.</summary>
public static class TransferEndpoints
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static IEndpointRouteBuilder MapTransferEndpoints(this IEndpointRouteBuilder app)
    {
        var transfers = app.MapGroup("/transfers").RequireAuthorization(ApiKeyAuthentication.Policy);
        transfers.MapPost("/", CreateTransfer);
        transfers.MapGet("/{id}", GetTransfer);
        transfers.MapGet("/", FindTransfers);
        return app;
    }

    private static async Task<IResult> CreateTransfer(
        TransferRequest request, TransferProcessor processor, SandboxKnobs knobs, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = request.Validate(out var instruction);
        if (instruction is null)
        {
            return new ProviderError(FailureCodes.ValidationError, "The transfer request is not valid", errors).ToResult(StatusCodes.Status400BadRequest);
        }

        var settings = knobs.Current;
        if (settings.Latency > TimeSpan.Zero)
        {
            await Task.Delay(settings.Latency, cancellationToken);
        }

        if (knobs.ShouldFail())
        {
            return new ProviderError(FailureCodes.ProviderUnavailable, "The provider is temporarily unavailable; nothing was recorded")
                .ToResult(StatusCodes.Status503ServiceUnavailable);
        }

        switch (await processor.CreateAsync(instruction, cancellationToken))
        {
            case TransferOutcome.Replayed replayed:
                http.Response.Headers[ReplayedHeader] = "true";
                return TypedResults.Ok(new ProviderResponse<TransferResponse>(TransferResponse.From(replayed.Transfer)));

            case TransferOutcome.Created { Behavior: DestinationBehavior.TimesOut } created:
                // Already committed: the client that gives up waiting must find the transfer through reconciliation.
                await Task.Delay(knobs.Current.TimeoutHold, cancellationToken);
                return Created(created.Transfer);

            case TransferOutcome.Created created:
                return Created(created.Transfer);

            case TransferOutcome.Refused refused:
                return new ProviderError(refused.Code, refused.Message).ToResult(StatusCodes.Status422UnprocessableEntity);

            case TransferOutcome.FirstAttemptRefused:
                return new ProviderError(FailureCodes.InternalError, "Internal error at the provider; nothing was recorded, try again")
                    .ToResult(StatusCodes.Status500InternalServerError);

            default:
                throw new InvalidOperationException("Unknown transfer outcome.");
        }
    }

    private static Created<ProviderResponse<TransferResponse>> Created(Transfer transfer) =>
        TypedResults.Created($"/transfers/{transfer.Id}", new ProviderResponse<TransferResponse>(TransferResponse.From(transfer)));

    private static async Task<IResult> GetTransfer(string id, TransferQueries transfers, CancellationToken cancellationToken) =>
        await transfers.GetAsync(id, cancellationToken) is { } transfer
            ? TypedResults.Ok(new ProviderResponse<TransferResponse>(TransferResponse.From(transfer)))
            : new ProviderError(FailureCodes.NotFound, "Transfer not found").ToResult(StatusCodes.Status404NotFound);

    /// <summary><c>GET /transfers?paymentReference=…</c>: a list with the transfer for that reference, or empty.</summary>
    private static async Task<IResult> FindTransfers(
        string? paymentReference, TransferQueries transfers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(paymentReference))
        {
            return new ProviderError(FailureCodes.ValidationError, "paymentReference is required",
                new Dictionary<string, string[]> { ["paymentReference"] = ["paymentReference is required"] }).ToResult(StatusCodes.Status400BadRequest);
        }

        var transfer = await transfers.FindByReferenceAsync(paymentReference.Trim(), cancellationToken);
        TransferResponse[] found = transfer is null ? [] : [TransferResponse.From(transfer)];
        return TypedResults.Ok(new ProviderResponse<TransferResponse[]>(found));
    }
}
