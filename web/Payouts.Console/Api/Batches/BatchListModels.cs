using System.Text.Json.Serialization;

namespace Payouts.Console.Api.Batches;

/// <summary><c>GET /v1/payouts</c>: one page of the company's batches.</summary>
public sealed record BatchList(IReadOnlyList<BatchListItem> Payouts, BatchListPagination Pagination);

public sealed record BatchListItem(
    Guid Id, string Reference, string Status, int TotalRecipients, int ValidRecipients, decimal TotalAmount,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

/// <summary>Seed 001 spells one name in camelCase: <c>totalPages</c>.</summary>
public sealed record BatchListPagination(int Page, int Limit, int Total, [property: JsonPropertyName("totalPages")] int TotalPages);
