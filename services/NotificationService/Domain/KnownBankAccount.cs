namespace Payouts.NotificationService.Domain;

/// <summary>
/// Whose a bank account is, and how to name it to them (bank and masked number), from BankAccountService's
/// <c>BankAccountAdded</c>: settlement's micro-deposit outcomes name only the account, and a payout only its destination id.
/// </summary>
public sealed class KnownBankAccount
{
    /// <summary>BankAccountService's numeric id.</summary>
    public long Id { get; init; }

    public required string UserId { get; set; }

    public string? CompanyId { get; set; }

    public required string BankName { get; set; }

    /// <summary>As the event carries it (<c>****1234</c>); this service never sees a full number.</summary>
    public required string MaskedAccountNumber { get; set; }

    /// <summary>How a message names the account: <c>Chase ****1234</c>.</summary>
    public string Label => $"{BankName} {MaskedAccountNumber}".Trim();
}
