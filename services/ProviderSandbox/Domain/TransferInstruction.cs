namespace Payouts.ProviderSandbox.Domain;

/// <summary>A validated request to pay: who pays, who is paid on which rail, how much, under which reference.</summary>
public sealed record TransferInstruction(
    string PaymentReference,
    string DebitAccountId,
    string Rail,
    string? BeneficiaryBankCode,
    string? BeneficiaryAccountNumber,
    string? BeneficiaryEmail,
    string? BeneficiaryConnectedAccountId,
    decimal Amount,
    string Currency,
    string? Narration)
{
    /// <summary>The beneficiary key the rail uses, normalised (emails compare case-insensitively).</summary>
    public string Destination => Rail switch
    {
        Rails.PayPal => BeneficiaryEmail!.ToLowerInvariant(),
        Rails.Stripe => BeneficiaryConnectedAccountId!,
        _ => BeneficiaryAccountNumber!,
    };
}
