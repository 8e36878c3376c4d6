using Payouts.Contracts;

namespace Payouts.BankAccountService.Domain;

/// <summary>
/// A <see cref="BankDestination"/> as a bank account or beneficiary details row holds it: country and currency, the
/// numbers only as the service's ciphertexts, and the visible tails they are masked with. The ciphertexts' purposes
/// are the owner's (<see cref="BankAccount.AccountNumberPurpose"/>, <see cref="BeneficiaryDetails.AccountNumberPurpose"/>),
/// so one table's ciphertext does not decrypt as the other's.
/// </summary>
public sealed class EncryptedDestination
{
    private EncryptedDestination()
    {
    }

    public string Country { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public string AccountNumberCiphertext { get; private set; } = "";
    public string? RoutingNumberCiphertext { get; private set; }
    public string? BankCode { get; private set; }
    public string AccountNumberTail { get; private set; } = "";

    /// <summary>The tail of the routing number or, without one, of the bank code.</summary>
    public string? BankIdentifierTail { get; private set; }

    /// <summary>The account number as it may be shown: <c>****1234</c>.</summary>
    public string MaskedAccountNumber => AccountNumberMask.FromTail(AccountNumberTail);

    /// <summary>The routing number or bank code as it may be shown (empty when there is none).</summary>
    public string MaskedBankIdentifier => AccountNumberMask.FromTail(BankIdentifierTail);

    public static EncryptedDestination Of(BankDestination destination, string accountNumberCiphertext, string? routingNumberCiphertext) => new()
    {
        Country = destination.Country,
        Currency = destination.Currency,
        AccountNumberCiphertext = accountNumberCiphertext,
        RoutingNumberCiphertext = routingNumberCiphertext,
        BankCode = destination.BankCode,
        AccountNumberTail = AccountNumberMask.VisibleTail(destination.AccountNumber),
        BankIdentifierTail = destination.BankIdentifier is { } identifier ? AccountNumberMask.VisibleTail(identifier) : null,
    };
}
