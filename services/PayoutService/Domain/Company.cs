namespace Payouts.PayoutService.Domain;

/// <summary>A tenant: the token's <c>company_id</c>. Created on the first request made on its behalf.</summary>
public sealed class Company
{
    public required string Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
