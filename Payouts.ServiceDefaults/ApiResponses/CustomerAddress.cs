using System.Text.Json.Serialization;

namespace Payouts.ServiceDefaults.ApiResponses;

/// <summary>Seed 002's <c>customer_address</c> of a beneficiary, as BankAccountService keeps it and payouts embed it.</summary>
public sealed record CustomerAddress(
    string? City,
    string? County,
    PostalCode? PostalCode,
    [property: JsonPropertyName("address_line_1")] string? AddressLine1,
    [property: JsonPropertyName("address_line_2")] string? AddressLine2);
