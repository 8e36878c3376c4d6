namespace Payouts.PayoutService.Domain;

/// <summary>
/// A user of the platform. <see cref="Id"/> is the platform's numeric user id, the token's <c>sub</c>; the
/// <see cref="Uuid"/> is what the seed 002/004 families show.
/// </summary>
public sealed class DirectoryUser
{
    public long Id { get; set; }
    public Guid Uuid { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Phone { get; set; }
    public string? CompanyId { get; set; }

    /// <summary>The smallest payout this user may request, in any currency's major unit.</summary>
    public decimal MinimumPayout { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
}
