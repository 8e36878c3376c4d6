namespace Payouts.ProviderSandbox.Domain;

/// <summary>Machine-readable reasons the sandbox gives for a failed transfer or a refused request.</summary>
public static class FailureCodes
{
    public const string AccountClosed = "account_closed";
    public const string BeneficiaryBankRejected = "beneficiary_bank_rejected";
    public const string InsufficientFunds = "insufficient_funds";
    public const string DebitAccountNotFound = "debit_account_not_found";
    public const string ValidationError = "validation_error";
    public const string ProviderUnavailable = "provider_unavailable";
    public const string InternalError = "internal_error";
    public const string Unauthorized = "unauthorized";
    public const string NotFound = "not_found";
}
