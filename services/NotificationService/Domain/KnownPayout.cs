namespace Payouts.NotificationService.Domain;

/// <summary>
/// The company a company user's payout is paid for, from <c>PayoutRequested</c> (the only payout event that names it),
/// so the payout's later events also reach the company's webhook endpoints.
/// </summary>
public sealed class KnownPayout
{
    /// <summary>PayoutService's payout uuid.</summary>
    public Guid Id { get; init; }

    public required string CompanyId { get; init; }
}
