namespace Payouts.PayoutService.Domain;

/// <summary>
/// What this service knows about a bank account or beneficiary destination, built from BankAccountService's events.
/// Only the masked number is ever known here.
/// </summary>
public sealed class BankAccountView
{
    public long Id { get; set; }
    public Guid Uuid { get; set; }
    public required string UserId { get; set; }
    public string? CompanyId { get; set; }
    public string BankName { get; set; } = "";
    public string MaskedAccountNumber { get; set; } = "";
    public string AccountType { get; set; } = "";
    public string Currency { get; set; } = "";
    public string Country { get; set; } = "";
    public string Method { get; set; } = "bank_transfer";
    public bool IsPrimary { get; set; }
    public bool Verified { get; set; }
    public bool Deleted { get; set; }

    /// <summary>False until BankAccountAdded arrived (events may come out of order).</summary>
    public bool Known { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A seed 002 beneficiary's payment details: validated when added, payable at once.</summary>
public sealed class BeneficiaryDestinationView
{
    public long Id { get; set; }
    public long BeneficiaryId { get; set; }
    public required string UserId { get; set; }
    public string? CompanyId { get; set; }
    public string BankName { get; set; } = "";
    public string MaskedAccountNumber { get; set; } = "";
    public string Currency { get; set; } = "";
    public string Country { get; set; } = "";
    public string Method { get; set; } = "bank_transfer";
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>The details (or their beneficiary) were deleted: never payable again, even if an older event arrives later.</summary>
    public bool Removed { get; set; }
}
