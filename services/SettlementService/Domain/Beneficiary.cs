using Payouts.Contracts;
using Payouts.Contracts.Settlement;

namespace Payouts.SettlementService.Domain;

/// <summary>
/// Whom a transfer pays, on its rail. Holds the full account number or handle only for the provider call;
/// <see cref="Masked"/> is what the transfer row, logs and responses carry.
/// </summary>
public sealed record Beneficiary(
    string Rail,
    bool Payable,
    string? NotPayableReason,
    string? BankCode,
    string? AccountNumber,
    string? Email,
    string? ConnectedAccountId,
    string Masked)
{
    /// <summary>A bank account or beneficiary's details, as BankAccountService answered for them.</summary>
    public static Beneficiary FromDestination(SettlementDestination destination) => new(
        Rails.BankTransfer,
        destination.Payable,
        destination.NotPayableReason,
        destination.BankCode ?? destination.RoutingNumber,
        destination.AccountNumber,
        Email: null,
        ConnectedAccountId: null,
        AccountNumberMask.Mask(destination.AccountNumber ?? ""));

    /// <summary>A PayPal email or Stripe connected account carried on the command; a missing or malformed one is not payable.</summary>
    public static Beneficiary FromHandle(DestinationKind kind, string? handle)
    {
        var trimmed = handle?.Trim() ?? "";
        return kind switch
        {
            DestinationKind.PayPal when RecipientHandles.IsValidEmail(trimmed) =>
                new(Rails.PayPal, true, null, null, null, trimmed, null, RecipientHandles.MaskEmail(trimmed)),
            DestinationKind.PayPal =>
                NotPayable(Rails.PayPal, trimmed, "A PayPal payout needs the recipient's email address"),
            DestinationKind.Stripe when RecipientHandles.IsValidConnectedAccount(trimmed) =>
                new(Rails.Stripe, true, null, null, null, null, trimmed, RecipientHandles.MaskConnectedAccount(trimmed)),
            DestinationKind.Stripe =>
                NotPayable(Rails.Stripe, trimmed, "A Stripe payout needs the recipient's connected account id (acct_…)"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Bank destinations come from BankAccountService."),
        };
    }

    /// <summary>Never print the full number or handle.</summary>
    public override string ToString() => $"Beneficiary {{ Rail = {Rail}, Masked = {Masked}, Payable = {Payable} }}";

    // Whatever was sent is masked as a number: a malformed handle may be anything, even an account number.
    private static Beneficiary NotPayable(string rail, string handle, string reason) =>
        new(rail, false, reason, null, null, null, null, AccountNumberMask.Mask(handle.Length > 64 ? handle[..64] : handle));
}
